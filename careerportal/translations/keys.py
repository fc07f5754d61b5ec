"""The stable key of each translated row, as written in data/translations/<lang>.csv.

A row with a unique natural key uses it (an occupation's SOC code, a credential's slug). A row
without one is keyed by its parent's key and its place: the `order` it already has, or its
1-based position among its parent's rows in the order they were created (``<slug>:<n>``). The
translation file also carries the English text it translates, so a key that comes to point at
another row finds a different English text and the translation is treated as stale, never shown
on the wrong row. docs/translations.md lists the keys; keep the two together.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import models

# The glossary lives in data/glossary.csv, not in a table: it is keyed like a model.
GLOSSARY = "glossary.term"


@dataclass(frozen=True)
class Keyed:
    """How one translated model is keyed: related rows to fetch and the key of a row."""

    related: tuple[str, ...]
    key: Callable[[models.Model], str]
    # Keys made of a position among the parent's rows: the parent's key of a row.
    parent: Callable[[models.Model], str] | None = None
    example: str = ""


def _attr(path: str) -> Callable[[models.Model], str]:
    def read(row: models.Model) -> str:
        value: object = row
        for name in path.split("."):
            value = getattr(value, name)
        return str(value)

    return read


def _join(*paths: str) -> Callable[[models.Model], str]:
    readers = [_attr(path) for path in paths]
    return lambda row: ":".join(reader(row) for reader in readers)


def _fact_key(row: models.Model) -> str:
    base = f"{row.source.slug}:{row.key}"  # type: ignore[attr-defined]
    return f"{base}:{row.award_year}" if row.award_year else base  # type: ignore[attr-defined]


KEYS: dict[str, Keyed] = {
    "pathways.occupation": Keyed((), _attr("soc_code"), example="15-1232"),
    "pathways.skill": Keyed((), _attr("slug"), example="programming"),
    "pathways.fundingsource": Keyed((), _attr("slug"), example="wioa"),
    "pathways.fundingapplystep": Keyed(
        ("funding_source",), _join("funding_source.slug", "order"), example="wioa:1"
    ),
    "pathways.fundingfact": Keyed(
        ("source",), _fact_key, example="pell:max_award:2025-26 (award year only when set)"
    ),
    "pathways.pathway": Keyed(
        ("occupation",), _join("occupation.soc_code", "education_level"), example="15-1232:hs"
    ),
    "pathways.pathwaystep": Keyed(
        ("pathway__occupation",),
        _join("pathway.occupation.soc_code", "pathway.education_level", "order"),
        example="15-1232:hs:1",
    ),
    "credentials.credential": Keyed((), _attr("slug"), example="comptia-a-plus"),
    "credentials.costitem": Keyed(
        ("credential",), _attr("pk"), parent=_attr("credential.slug"), example="comptia-a-plus:1"
    ),
    "credentials.outcomereport": Keyed(
        ("credential",), _attr("pk"), parent=_attr("credential.slug"), example="comptia-a-plus:1"
    ),
    "alliance.member": Keyed((), _attr("slug"), example="acme-tech"),
    "alliance.certificationdecision": Keyed(
        ("credential",), _attr("pk"), parent=_attr("credential.slug"), example="comptia-a-plus:1"
    ),
    "alliance.convening": Keyed((), _attr("year"), example="2026"),
    "alliance.award": Keyed(
        ("convening",), _attr("pk"), parent=_attr("convening.year"), example="2026:1"
    ),
    "alliance.hiringstandard": Keyed(
        ("occupation",), _attr("pk"), parent=_attr("occupation.soc_code"), example="15-1232:1"
    ),
}


def keyed_rows(label: str, rows: Iterable[models.Model] | None = None) -> dict[str, models.Model]:
    """Every row of the model by its key (two queries at most: the rows with their parents)."""
    keyed = KEYS[label]
    if rows is None:
        model = apps.get_model(label)
        rows = model._default_manager.select_related(*keyed.related).order_by("pk")
    if keyed.parent is None:
        return {keyed.key(row): row for row in rows}
    positions: dict[str, int] = defaultdict(int)
    found = {}
    for row in sorted(rows, key=lambda row: row.pk):
        parent = keyed.parent(row)
        positions[parent] += 1
        found[f"{parent}:{positions[parent]}"] = row
    return found
