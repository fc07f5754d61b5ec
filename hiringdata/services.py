"""Writes for hiring-data submissions: receive a file, process it, re-run it, sweep the stuck."""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.storage import storages
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.models import Member
from alliance.permissions import can_upload_for
from alliance.services import audit_record, commitments_hiring_data_filed
from careerportal import private_files
from careerportal.users import Actor, user_or_none

from . import ingest
from .messages import issue_message
from .models import (
    HiringCount,
    HiringCredentialCount,
    IdempotencyKey,
    Submission,
    SubmissionStatus,
    ValidationIssue,
)

logger = logging.getLogger(__name__)

# A file whose import kills the worker (time limit, memory) is given up after this many tries.
MAX_ATTEMPTS = 3
RERUNNABLE = {
    SubmissionStatus.RECEIVED,
    SubmissionStatus.PROCESSING,
    SubmissionStatus.REJECTED,
    SubmissionStatus.FAILED,
}


class SubmissionRefused(Exception):
    """The upload cannot be taken at all (too big, wrong type, no permission)."""

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


@dataclass
class Received:
    submission: Submission
    created: bool


def max_file_bytes() -> int:
    return int(settings.HIRINGDATA_MAX_FILE_BYTES)


def _snapshot(submission: Submission) -> dict[str, Any]:
    return {
        "status": submission.status,
        "year": submission.year,
        "sha256": submission.sha256,
        "rows_total": submission.rows_total,
        "cells_total": submission.cells_total,
        "hires_total": submission.hires_total,
        "issues_total": submission.issues_total,
    }


def _storage_full() -> SubmissionRefused:
    return SubmissionRefused("storage_full", issue_message("storage_full", {}), status=503)


def _hash_to_temp(upload: IO[bytes], limit: int) -> tuple[Any, str, int]:
    """Copy the upload to a temporary file while hashing it; stop as soon as it is too big."""
    try:
        copied = private_files.upload_copy(upload, limit=limit)
    except private_files.TooLarge as error:
        raise SubmissionRefused(
            "too_large",
            issue_message(
                "too_large", {"size_mb": f"> {limit // 2**20}", "max_mb": limit // 2**20}
            ),
            status=413,
        ) from error
    except private_files.StorageFull as error:
        raise _storage_full() from error
    return copied.file, copied.sha256, copied.size


def file_sha256(upload: IO[bytes]) -> str:
    """Hash an uploaded file without consuming it."""
    digest = hashlib.sha256()
    chunks = (
        upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(1 << 20), b"")
    )
    for chunk in chunks:
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def submission_fingerprint(*, member: Member, year: int, sha256: str) -> str:
    """What a request asked for, for Idempotency-Key comparison."""
    return hashlib.sha256(f"{member.pk}:{year}:{sha256}".encode()).hexdigest()


def submission_receive(
    *, member: Member, year: int, upload: IO[bytes], filename: str, user: Actor
) -> Received:
    """Keep the raw file privately, record the submission as received and queue its processing.

    The same bytes for the same member and year return the earlier submission unchanged.
    """
    if user is not None and not can_upload_for(user, member):
        raise SubmissionRefused("forbidden", _("You cannot upload files for this member."), 403)
    kind = ingest.file_kind(filename)
    if not kind:
        raise SubmissionRefused("file_type", issue_message("file_type", {}))
    temp, sha256, size = _hash_to_temp(upload, max_file_bytes())
    with temp:
        return _record(
            member=member,
            year=year,
            temp=temp,
            sha256=sha256,
            size=size,
            filename=filename,
            kind=kind,
            user=user,
        )


def _record(
    *,
    member: Member,
    year: int,
    temp: IO[bytes],
    sha256: str,
    size: int,
    filename: str,
    kind: str,
    user: Actor,
) -> Received:
    existing = Submission.objects.filter(member=member, year=year, sha256=sha256).first()
    if existing:
        with transaction.atomic():
            audit_record(
                actor=user,
                action="hiringdata.submission_same_file",
                obj=existing,
                member=member,
                after={"filename": filename},
            )
        return Received(existing, created=False)

    name = _store(temp=temp, name=f"hiringdata/{member.slug}/{year}/{sha256}.{kind}", size=size)
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                member=member,
                year=year,
                original_filename=Path(filename).name[:255],
                stored_path=name,
                sha256=sha256,
                size_bytes=size,
                uploaded_by=user_or_none(user),
            )
            audit_record(
                actor=user,
                action="hiringdata.submission_received",
                obj=submission,
                member=member,
                after=_snapshot(submission) | {"filename": submission.original_filename},
            )
            transaction.on_commit(lambda: submission_enqueue(submission_id=submission.pk))
    except IntegrityError:
        # The same bytes arrived twice at once; the other request recorded them.
        existing = Submission.objects.get(member=member, year=year, sha256=sha256)
        return Received(existing, created=False)
    return Received(submission, created=True)


def _store(*, temp: IO[bytes], name: str, size: int) -> str:
    """Keep the raw file under its hash; a full disk refuses the upload and leaves no part."""
    try:
        return private_files.private_save(temp=temp, name=name, size=size)
    except private_files.StorageFull as error:
        raise _storage_full() from error


def submission_enqueue(*, submission_id: int) -> bool:
    """Queue processing; with the broker down the submission waits for the periodic sweep."""
    from kombu.exceptions import OperationalError as BrokerError

    from .tasks import process_submission

    try:
        process_submission.apply_async(args=[submission_id])
    except (BrokerError, ConnectionError, OSError):
        logger.warning("Broker unavailable; submission %s waits for the sweep", submission_id)
        return False
    return True


def _lock_member_year(*, member_id: int, year: int) -> None:
    """Serialise all processing for one member and year (released at transaction end)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            [f"hiringdata.submission:{member_id}:{year}"],
        )


def submission_process(*, submission_id: int) -> Submission | None:
    """Validate and import one submission, all or nothing; do nothing when it is already done."""
    # Visible progress for the member, and an attempt counted outside the import transaction
    # so that a file that kills its worker every time is not retried for ever.
    Submission.objects.filter(
        pk=submission_id, status__in=[SubmissionStatus.RECEIVED, SubmissionStatus.PROCESSING]
    ).update(
        status=SubmissionStatus.PROCESSING, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    submission = Submission.objects.filter(pk=submission_id).select_related("member").first()
    if submission is None:
        return None
    with transaction.atomic():
        _lock_member_year(member_id=submission.member_id, year=submission.year)
        # Claim: only a row still waiting is processed; a retry after a crash finds it waiting
        # (the crashed transaction rolled back), a duplicate delivery finds it finished.
        claimed = Submission.objects.filter(
            pk=submission_id,
            status__in=[SubmissionStatus.RECEIVED, SubmissionStatus.PROCESSING],
        ).update(status=SubmissionStatus.PROCESSING, started_at=timezone.now())
        if not claimed:
            return Submission.objects.get(pk=submission_id)
        submission.refresh_from_db()
        if submission.attempts > MAX_ATTEMPTS:
            _mark_failed(submission, reason="too_many_attempts")
            return submission
        ValidationIssue.objects.filter(submission=submission).delete()
        HiringCount.objects.filter(submission=submission).delete()
        HiringCredentialCount.objects.filter(submission=submission).delete()
        path = Path(storages["private"].path(submission.stored_path))
        result = ingest.import_file(
            path=path,
            kind=ingest.file_kind(submission.stored_path),
            submission_id=submission.pk,
            year=submission.year,
        )
        submission.shape = result.shape
        submission.rows_total = result.rows
        submission.processed_at = timezone.now()
        submission.failure_reason = ""
        if result.issues_total:
            submission.status = SubmissionStatus.REJECTED
            submission.issues_total = result.issues_total
            submission.cells_total = submission.hires_total = None
        else:
            submission.issues_total = 0
            submission.cells_total = result.cells
            submission.hires_total = result.hires
            _accept(submission)
            if submission.status == SubmissionStatus.ACCEPTED:
                commitments_hiring_data_filed(
                    member_id=submission.member_id, filed_at=submission.created_at
                )
        submission.save()
        audit_record(
            actor=None,
            action=f"hiringdata.submission_{submission.status}",
            obj=submission,
            member=submission.member,
            after=_snapshot(submission),
        )
    return submission


def hiring_data_commitment_signed(*, commitment: Any, **_signal: Any) -> None:
    """A newly signed data commitment is already kept by a file accepted since its signing date.

    Receiver of alliance.signals.hiring_data_commitment_signed: the same rule as on acceptance
    (commitments_hiring_data_filed), applied to the newest accepted file of the member.
    """
    newest = (
        Submission.objects.filter(member_id=commitment.member_id, status=SubmissionStatus.ACCEPTED)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if newest is not None:
        commitments_hiring_data_filed(member_id=commitment.member_id, filed_at=newest)


def _accept(submission: Submission) -> None:
    """Make this submission the accepted one for its member and year, unless a newer one is."""
    current = (
        Submission.objects.select_for_update()
        .filter(
            member_id=submission.member_id, year=submission.year, status=SubmissionStatus.ACCEPTED
        )
        .exclude(pk=submission.pk)
        .first()
    )
    if current and current.created_at > submission.created_at:
        # Files processed out of order: the newer upload stays the accepted one.
        submission.status = SubmissionStatus.SUPERSEDED
        submission.superseded_by = current
        return
    if current:
        before = _snapshot(current)
        current.status = SubmissionStatus.SUPERSEDED
        current.superseded_by = submission
        current.save(update_fields=["status", "superseded_by"])
        audit_record(
            actor=None,
            action="hiringdata.submission_superseded",
            obj=current,
            member=current.member,
            before=before,
            after=_snapshot(current) | {"by": submission.pk},
        )
    submission.status = SubmissionStatus.ACCEPTED


def submission_fail(*, submission_id: int, reason: str) -> None:
    """Mark a submission that could not be processed (the import transaction rolled back)."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None or submission.status not in (
            SubmissionStatus.RECEIVED,
            SubmissionStatus.PROCESSING,
        ):
            return
        _mark_failed(submission, reason=reason)


def _mark_failed(submission: Submission, *, reason: str) -> None:
    submission.status = SubmissionStatus.FAILED
    submission.failure_reason = reason[:40]
    submission.processed_at = timezone.now()
    submission.save(update_fields=["status", "failure_reason", "processed_at"])
    audit_record(
        actor=None,
        action="hiringdata.submission_failed",
        obj=submission,
        member=submission.member,
        after=_snapshot(submission) | {"reason": reason},
    )


def submission_rerun(*, submission: Submission, user: Actor) -> Submission:
    """Staff: process a waiting, rejected or failed submission again."""
    if user is None or not user.is_authenticated or not getattr(user, "is_staff", False):
        raise SubmissionRefused("forbidden", _("Only Alliance staff can re-run processing."), 403)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.status not in RERUNNABLE:
            raise SubmissionRefused(
                "not_rerunnable", _("Accepted and replaced files are not processed again."), 409
            )
        before = _snapshot(submission)
        submission.status = SubmissionStatus.RECEIVED
        submission.failure_reason = ""
        submission.attempts = 0
        submission.save(update_fields=["status", "failure_reason", "attempts"])
        audit_record(
            actor=user,
            action="hiringdata.submission_rerun",
            obj=submission,
            member=submission.member,
            before=before,
            after=_snapshot(submission),
        )
        transaction.on_commit(lambda: submission_enqueue(submission_id=submission.pk))
    return submission


def submission_sweep(*, now: Any = None) -> int:
    """Queue submissions left waiting (broker was down) or stuck (worker died); return how many."""
    now = now or timezone.now()
    waiting = now - timedelta(seconds=int(settings.HIRINGDATA_SWEEP_AFTER_SECONDS))
    stuck = now - timedelta(seconds=int(settings.CELERY_TASK_TIME_LIMIT) + 60)
    ids = list(
        Submission.objects.filter(status=SubmissionStatus.RECEIVED, created_at__lt=waiting)
        .values_list("pk", flat=True)
        .union(
            Submission.objects.filter(
                status=SubmissionStatus.PROCESSING, started_at__lt=stuck
            ).values_list("pk", flat=True)
        )
    )
    for submission_id in ids:
        submission_enqueue(submission_id=submission_id)
    return len(ids)


def idempotency_lookup(*, user: User, key: str) -> IdempotencyKey | None:
    return IdempotencyKey.objects.filter(user=user, key=key).select_related("submission").first()


def idempotency_remember(
    *, user: User, key: str, fingerprint: str, submission: Submission, status: int
) -> IdempotencyKey:
    """Remember the answer to a keyed request; a concurrent twin keeps the first answer."""
    try:
        with transaction.atomic():
            return IdempotencyKey.objects.create(
                user=user,
                key=key,
                fingerprint=fingerprint,
                submission=submission,
                response_status=status,
            )
    except IntegrityError:
        return IdempotencyKey.objects.get(user=user, key=key)
