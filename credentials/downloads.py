"""Bulk open data: the catalog's tables as CSV, JSON Lines and CTDL JSON-LD files, each with a
data dictionary, licence, SHA-256 and build date; written row by row into storage (never held
whole in memory) by the nightly job, and served from there."""

import hashlib
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from careerportal.csv_download import MEDIA_TYPE, csv_write
from pathways.models import FundingSource, Occupation

from .ctdl import export
from .models import Credential, Program

PREFIX = "downloads"
LICENCE = (
    "Public domain (CC0 1.0) for the portal's own compilation; each row keeps its source URL and "
    "date, and the publishers' terms apply to their figures (BLS, O*NET CC BY 4.0, state ETPL, "
    "College Scorecard: public domain). Synthetic rows are marked is_synthetic."
)
CHUNK = 2000


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    rows: Callable[[], Iterator[dict[str, Any]]]
    dictionary: dict[str, str]
    ctdl: Callable[[], Iterator[dict[str, Any]]] | None = None


def _values(queryset: Any, fields: dict[str, str]) -> Iterator[dict[str, Any]]:
    yield from queryset.values(*fields).iterator(chunk_size=CHUNK)


CREDENTIAL_FIELDS = {
    "ctdl_id": "CTDL id (ce-<uuid>), stable",
    "slug": "the portal's id",
    "name": "name",
    "provider__name": "who offers it",
    "credential_type": "kind",
    "category": "field",
    "duration_weeks": "weeks (as published)",
    "total_hours": "hours of study",
    "official_url": "the issuer's page",
    "is_synthetic": "made up for testing",
    "index_row__total_cost_min_usd": "lowest published total price (USD)",
    "index_row__total_cost_max_usd": "highest published total price (USD)",
    "index_row__cost_source_date": "date of the price's source",
    "index_row__certified": "certified by the Alliance now",
}
PROGRAM_FIELDS = {
    "id": "the portal's id",
    "source": "list it comes from",
    "source_state": "state of the list",
    "external_id": "the list's key",
    "source_date": "date of the list's file",
    "name": "name",
    "provider__name": "provider",
    "cip_code": "CIP 2020 code",
    "city": "city",
    "state": "state",
    "zip_code": "ZIP",
    "online": "online",
    "total_cost_usd": "total cost (USD)",
    "clock_hours": "clock hours",
    "employment_rate_pct": "employed (%) as the list shows it",
    "earnings_usd": "yearly earnings as the list shows them",
    "withheld": "figures withheld",
    "is_synthetic": "made up for testing",
}
OCCUPATION_FIELDS = {
    "soc_code": "SOC 2018 code",
    "title": "title",
    "median_annual_wage": "median pay (USD)",
    "wage_vintage": "OEWS release",
    "projected_change_pct": "projected change (%)",
    "projection_period": "projection period",
    "annual_openings": "openings a year",
}
FUNDING_FIELDS = {
    "slug": "the portal's id",
    "name": "name",
    "kind": "kind",
    "status": "status",
    "max_award_usd": "largest award (USD)",
    "source_url": "source",
}


def _credential_ctdl() -> Iterator[dict[str, Any]]:
    for credential in export.credentials_for_export().iterator(chunk_size=CHUNK):
        node, _datasets = export.credential_node(credential)
        yield node


def _program_ctdl() -> Iterator[dict[str, Any]]:
    return export.program_nodes_stream(chunk_size=CHUNK)


def _fields_present(model: Any, fields: dict[str, str]) -> dict[str, str]:
    names = {f.name for f in model._meta.get_fields()}
    return {k: v for k, v in fields.items() if k.split("__")[0] in names}


DATASETS = {
    d.name: d
    for d in (
        Dataset(
            "credentials",
            "Credentials",
            lambda: _values(Credential.objects.published().order_by("pk"), CREDENTIAL_FIELDS),
            CREDENTIAL_FIELDS,
            _credential_ctdl,
        ),
        Dataset(
            "programs",
            "Training programs",
            lambda: _values(Program.objects.order_by("pk"), PROGRAM_FIELDS),
            PROGRAM_FIELDS,
            _program_ctdl,
        ),
        Dataset(
            "occupations",
            "Occupations",
            lambda: _values(Occupation.objects.order_by("soc_code"), OCCUPATION_FIELDS),
            OCCUPATION_FIELDS,
        ),
        Dataset(
            "funding-sources",
            "Funding sources",
            lambda: _values(
                FundingSource.objects.order_by("slug"),
                _fields_present(FundingSource, FUNDING_FIELDS),
            ),
            _fields_present(FundingSource, FUNDING_FIELDS),
        ),
    )
}


def dataset_register(dataset: Dataset) -> None:
    """Add a higher layer's table to the downloads (called from its AppConfig.ready()): the
    catalog never imports the apps above it, they hand it their rows."""
    DATASETS[dataset.name] = dataset


def _write(kind: str, dataset: Dataset, out: IO[bytes]) -> int:
    count = 0
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    if kind == "csv":
        count = csv_write(
            text,
            dataset.dictionary,
            ([row[k] for k in dataset.dictionary] for row in dataset.rows()),
            bom=False,
        )
    elif kind == "jsonl":
        for row in dataset.rows():
            text.write(json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n")
            count += 1
    else:  # CTDL JSON-LD: one @graph, written node by node
        text.write(json.dumps({"@context": export.terms.CONTEXT})[:-1] + ', "@graph": [\n')
        assert dataset.ctdl is not None
        for node in dataset.ctdl():
            text.write(("" if count == 0 else ",\n") + json.dumps(node, ensure_ascii=False))
            count += 1
        text.write("\n]}\n")
    text.detach()
    return count


FORMATS = {"csv": MEDIA_TYPE, "jsonl": "application/jsonl", "jsonld": "application/ld+json"}


class _Hashing(io.RawIOBase):
    """A file that hashes what is written to it on the way through."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target, self.sha256, self.size = target, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self.target.write(data)


def downloads_build(*, names: list[str] | None = None) -> dict[str, Any]:
    """Write every dataset in every format to storage, then the manifest; return the manifest."""
    built_at = timezone.now().isoformat(timespec="seconds")
    files = []
    for dataset in (DATASETS[n] for n in (names or list(DATASETS))):
        for kind in FORMATS:
            if kind == "jsonld" and dataset.ctdl is None:
                continue
            with tempfile.TemporaryFile() as spool:
                hashing = _Hashing(spool)
                rows = _write(kind, dataset, hashing)  # type: ignore[arg-type]
                spool.seek(0)
                path = f"{PREFIX}/{dataset.name}.{kind}"
                if default_storage.exists(path):
                    default_storage.delete(path)
                default_storage.save(path, File(spool))
            files.append(
                {
                    "dataset": dataset.name,
                    "title": dataset.title,
                    "format": kind,
                    "file": f"{dataset.name}.{kind}",
                    "rows": rows,
                    "bytes": hashing.size,
                    "sha256": hashing.sha256.hexdigest(),
                    "built_at": built_at,
                    "dictionary": dataset.dictionary,
                }
            )
    manifest = {"built_at": built_at, "licence": LICENCE, "files": files}
    path = f"{PREFIX}/manifest.json"
    if default_storage.exists(path):
        default_storage.delete(path)
    default_storage.save(path, io.BytesIO(json.dumps(manifest, indent=1).encode()))
    return manifest


def downloads_manifest() -> dict[str, Any] | None:
    path = f"{PREFIX}/manifest.json"
    if not default_storage.exists(path):
        return None
    with default_storage.open(path) as handle:
        return json.loads(handle.read())
