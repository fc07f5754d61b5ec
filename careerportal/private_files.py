"""Uploads kept in the private storage (never served by URL): copied while hashed and measured,
then saved whole or not at all. A full disk or quota is StorageFull, whatever app asks."""

import errno
import hashlib
import logging
import tempfile
from dataclasses import dataclass
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import storages

logger = logging.getLogger(__name__)

NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
HEAD_BYTES = 4096


class StorageFull(Exception):
    """The disk or quota filled up: nothing of the file was kept."""


class TooLarge(Exception):
    """The upload passed the size limit (it was not read to its end)."""


@dataclass
class Copied:
    """A temporary copy of an upload (close it), its SHA-256, size and first bytes."""

    file: Any
    sha256: str
    size: int
    head: bytes


def upload_copy(upload: IO[bytes], *, limit: int) -> Copied:
    """Copy an upload to a temporary file while hashing it; stop as soon as it is too big."""
    digest, size, head = hashlib.sha256(), 0, b""
    temp = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the caller, or here on failure)
    chunks = (
        upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(1 << 20), b"")
    )
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise TooLarge
            if len(head) < HEAD_BYTES:
                head += chunk[: HEAD_BYTES - len(head)]
            digest.update(chunk)
            temp.write(chunk)
    except OSError as error:
        temp.close()
        if error.errno in NO_SPACE:
            raise StorageFull from error
        raise
    except TooLarge:
        temp.close()
        raise
    temp.seek(0)
    return Copied(temp, digest.hexdigest(), size, head)


def private_save(*, temp: IO[bytes], name: str, size: int) -> str:
    """Keep a file under its name; a full disk leaves no part and raises StorageFull.

    A file of that name and size is the same bytes already kept (names carry the hash). One of
    another size is a part left by a crash: storage then saves under a new name beside it.
    """
    storage = storages["private"]
    if storage.exists(name) and storage.size(name) == size:
        return name
    wanted = storage.get_available_name(name)
    try:
        return storage.save(wanted, File(temp))
    except OSError as error:
        if storage.exists(wanted):
            storage.delete(wanted)  # what was written before the disk filled
        if error.errno in NO_SPACE:
            logger.error("Private storage is full; %s was refused", name)
            raise StorageFull from error
        raise
