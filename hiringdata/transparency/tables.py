"""The report's tables: their vocabulary and definitions, building and serialising them."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _

from . import suppression as sup
from .inputs import CLIQUES, NO_CREDENTIAL, YearInput

# SOC 2018 major groups (the first two digits of a SOC code), as BLS names them.
OCCUPATION_GROUPS = {
    "11": _("Management"),
    "13": _("Business and financial operations"),
    "15": _("Computer and mathematical"),
    "17": _("Architecture and engineering"),
    "19": _("Life, physical, and social science"),
    "21": _("Community and social service"),
    "23": _("Legal"),
    "25": _("Educational instruction and library"),
    "27": _("Arts, design, entertainment, sports, and media"),
    "29": _("Healthcare practitioners and technical"),
    "31": _("Healthcare support"),
    "33": _("Protective service"),
    "35": _("Food preparation and serving"),
    "37": _("Building and grounds cleaning and maintenance"),
    "39": _("Personal care and service"),
    "41": _("Sales and related"),
    "43": _("Office and administrative support"),
    "45": _("Farming, fishing, and forestry"),
    "47": _("Construction and extraction"),
    "49": _("Installation, maintenance, and repair"),
    "51": _("Production"),
    "53": _("Transportation and material moving"),
    "55": _("Military specific"),
}

NON_DEGREE = ("bootcamp", "industry_certification", "apprenticeship")
PATHWAY_GROUPS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "four_year_degree": (_("Four-year degree"), ("four_year_degree",)),
    "two_year_degree": (_("Two-year degree"), ("two_year_degree",)),
    "non_degree": (_("Bootcamp, certification or apprenticeship"), NON_DEGREE),
    "other_pathway": (
        _("Other or not disclosed"),
        ("military", "employer_training", "self_taught", "other", "not_disclosed"),
    ),
}


@dataclass(frozen=True)
class TableDef:
    key: str
    title: Any
    dimensions: tuple[str, ...]
    grouped_pathways: bool = False
    per_member: bool = False


CREDENTIAL_TABLE = "credential-by-training-pathway"
ALLIANCE_TABLES = (
    TableDef("pathway-group", _("Hires by kind of training"), ("training_pathway",), True),
    TableDef("training-pathway", _("Hires by training pathway"), ("training_pathway",)),
    TableDef("race-ethnicity", _("Hires by race or ethnicity"), ("race_ethnicity",)),
    TableDef("sex", _("Hires by sex"), ("sex",)),
    TableDef("education", _("Hires by education"), ("education",)),
    TableDef("occupation-group", _("Hires by occupation group"), ("occupation_group",)),
    TableDef(
        "pathway-group-by-race",
        _("Kind of training by race or ethnicity"),
        ("training_pathway", "race_ethnicity"),
        True,
    ),
    TableDef(
        "pathway-group-by-sex",
        _("Kind of training by sex"),
        ("training_pathway", "sex"),
        True,
    ),
    # Credential held, from the upload's credential column (catalog slugs), by every training
    # pathway (issue 15: "hires by credential held, crossed with training pathway").
    TableDef(
        CREDENTIAL_TABLE,
        _("Credential held by training pathway"),
        ("credential", "training_pathway"),
    ),
)
# Keys earlier versions published under, with their titles: the credential table crossed
# credential with the four kinds of training until 2026-12 (its rows, the credentials, are
# the same, so a year-over-year change may compare them).
EARLIER_KEYS = {"credential-by-pathway-group": CREDENTIAL_TABLE}
EARLIER_TITLES = {"credential-by-pathway-group": _("Credential held by kind of training")}
# The same one-way tables for each member that opted in (crossed tables of one employer
# would be nearly all small cells).
MEMBER_TABLES = tuple(
    TableDef(t.key, t.title, t.dimensions, t.grouped_pathways, per_member=True)
    for t in ALLIANCE_TABLES
    if len(t.dimensions) == 1
)
# The category a small one merges into when a total must be shown.
RESIDUAL = {
    "race_ethnicity": "not_disclosed",
    "sex": "not_disclosed",
    "education": "not_disclosed",
    "training_pathway": "not_disclosed",
    "occupation_group": None,
    # A small credential joins the smallest other credential, never "no credential".
    "credential": None,
}


def table_title(key: str) -> Any:
    """Return the title of a table from its stored key (member tables are 'member-<slug>-...')."""
    for table in ALLIANCE_TABLES:
        if key == table.key:
            return table.title
    if key in EARLIER_TITLES:
        return EARLIER_TITLES[key]
    for table in MEMBER_TABLES:
        if key.endswith("-" + table.key):
            return table.title
    return key


def _spec(table: TableDef, *, data: YearInput, scope: int | None, key: str) -> sup.TableSpec:
    dims = tuple(
        sup.Dimension(
            d,
            data.dimensions[d],
            residual=RESIDUAL[d],
            apart=NO_CREDENTIAL if d == "credential" else None,
        )
        for d in table.dimensions
    )
    groups = {}
    if table.grouped_pathways:
        groups["training_pathway"] = tuple(frozenset(cats) for _, cats in PATHWAY_GROUPS.values())
    return sup.TableSpec(
        key=key,
        dimensions=dims,
        scope=scope,
        groups=groups,
        published_members=tuple(data.opted_in) if scope is not None else (),
    )


def group_key(group: frozenset[str]) -> str:
    for key, (_label, cats) in PATHWAY_GROUPS.items():
        if group == frozenset(cats) and len(cats) > 1:
            return key
    return "+".join(sorted(group))


def _cell_json(cell: sup.Cell, denominator: sup.Cell | None) -> dict[str, Any]:
    if cell.withheld:
        # One reason for every withheld cell: which rule withheld it would tell a reader
        # whether it holds 1-10 people or more (the staff audit keeps the rule).
        return {"withheld": sup.PROTECTED}
    out: dict[str, Any] = {"hires": cell.value}
    # A share is shown only when its numerator and denominator both are: it adds nothing.
    if denominator is not None and not denominator.withheld and denominator.value:
        out["share"] = round(100 * cell.value / denominator.value, 1)
    return out


def table_json(table: sup.ProtectedTable) -> dict[str, Any]:
    """Serialise a protected table: shown numbers and withheld reasons, nothing else."""
    dims = [d.key for d in table.spec.dimensions]
    grand = table.cells[()]
    rows = [
        {
            "key": group_key(g),
            "categories": sorted(g, key=table.spec.dimensions[0].categories.index),
        }
        for g in table.groups[dims[0]]
    ]
    data: dict[str, Any] = {"dimensions": dims, "rows": rows, "total": _cell_json(grand, None)}
    if len(dims) == 1:
        data["values"] = [
            _cell_json(table.cells[sup.selection_of([(dims[0], g)])], grand)
            for g in table.groups[dims[0]]
        ]
    else:
        d1, d2 = dims
        data["columns"] = [
            {
                "key": group_key(g),
                "categories": sorted(g, key=table.spec.dimensions[1].categories.index),
            }
            for g in table.groups[d2]
        ]
        data["values"] = []
        for g1 in table.groups[d1]:
            row_total = table.cells[sup.selection_of([(d1, g1)])]
            data["values"].append(
                [
                    _cell_json(table.cells[sup.selection_of([(d1, g1), (d2, g2)])], row_total)
                    for g2 in table.groups[d2]
                ]
            )
        data["row_totals"] = [
            _cell_json(table.cells[sup.selection_of([(d1, g)])], grand) for g in table.groups[d1]
        ]
        data["column_totals"] = [
            _cell_json(table.cells[sup.selection_of([(d2, g)])], grand) for g in table.groups[d2]
        ]
    data["merges"] = table.merges
    return data


@dataclass
class EarlierVersion:
    """A public version of the year: what it was built from and the tables it shows."""

    version: int
    data: YearInput
    tables: list[sup.ProtectedTable]


def published_table(
    *, key: str, data: dict[str, Any], scope: int | None, version: Hashable
) -> sup.ProtectedTable:
    """Rebuild a published table from its public JSON: shown numbers and withheld cells only.

    What a reader of the page, the CSV, the JSON or the API has; the audit of later versions
    and the outside-auditor test start from this.
    """
    dims = list(data["dimensions"])
    axes = [data["rows"]] + ([data["columns"]] if len(dims) == 2 else [])
    groups = {
        d: tuple(frozenset(g["categories"]) for g in axis)
        for d, axis in zip(dims, axes, strict=True)
    }
    spec = sup.TableSpec(
        key=key,
        dimensions=tuple(
            sup.Dimension(d, tuple(c for g in groups[d] for c in sorted(g))) for d in dims
        ),
        scope=scope,
    )
    cells: dict[sup.Selection, sup.Cell] = {}

    def put(selection: sup.Selection, cell: dict[str, Any]) -> None:
        cells[selection] = sup.Cell(
            selection, int(cell.get("hires", 0)), cell.get("withheld") or None
        )

    put((), data["total"])
    if len(dims) == 1:
        for g, cell in zip(groups[dims[0]], data["values"], strict=True):
            put(sup.selection_of([(dims[0], g)]), cell)
    else:
        d1, d2 = dims
        for g1, row in zip(groups[d1], data["values"], strict=True):
            for g2, cell in zip(groups[d2], row, strict=True):
                put(sup.selection_of([(d1, g1), (d2, g2)]), cell)
        for g1, cell in zip(groups[d1], data["row_totals"], strict=True):
            put(sup.selection_of([(d1, g1)]), cell)
        for g2, cell in zip(groups[d2], data["column_totals"], strict=True):
            put(sup.selection_of([(d2, g2)]), cell)
    _, lines = sup.table_layout(groups, dims)
    return sup.ProtectedTable(spec, groups, cells, lines, version=version, reasons_shown=True)


def audit_model(*, current: YearInput | None, earlier: list[EarlierVersion]) -> sup.AuditModel:
    """The unknowns of the year: per clique, one part per (owner, versions holding its hires).

    The owner is a member whose own tables some audited version publishes, else everyone else;
    a submission used by several versions puts its hires in one part present in all of them.
    """
    inputs: list[tuple[Hashable, YearInput]] = [(e.version, e.data) for e in earlier]
    if current is not None:
        inputs.append((sup.CURRENT, current))
    owners = {m for _, d in inputs for m in d.opted_in}
    presence: dict[tuple[int, int], set[Hashable]] = {}
    for version, d in inputs:
        for segment in d.segments:
            presence.setdefault(segment, set()).add(version)
    parts = sorted(
        {
            (member if member in owners else sup.REST, frozenset(versions))
            for (member, _), versions in presence.items()
        },
        key=repr,
    )
    dimensions = {
        dim: tuple(dict.fromkeys(c for _, d in inputs for c in d.dimensions[dim]))
        for dim in (inputs[0][1].dimensions if inputs else {})
    }
    return sup.AuditModel(
        dimensions=dimensions,
        cliques=CLIQUES,
        parts=tuple(owner for owner, _ in parts),
        presence=tuple(versions for _, versions in parts),
    )


def owner_truth(
    *, model: sup.AuditModel, current: YearInput, earlier: list[EarlierVersion]
) -> dict[int, list[np.ndarray]]:
    """The true hires of every part an opted-in member owns, laid out as the model's atoms."""
    inputs: dict[Hashable, YearInput] = {e.version: e.data for e in earlier}
    inputs[sup.CURRENT] = current
    truth = {}
    for index, owner in enumerate(model.parts):
        if owner == sup.REST:
            continue
        data = inputs[next(iter(sorted(model.presence[index], key=repr)))]
        arrays = []
        for q, clique in enumerate(CLIQUES):
            out = np.zeros([len(model.dimensions[d]) for d in clique], dtype=np.int64)
            arrays.append(out)
            if owner not in data.source.position:
                continue  # a member whose file holds no hires
            # Place this version's categories among the model's (occupation groups may differ).
            where = np.ix_(
                *[[model.dimensions[d].index(c) for c in data.dimensions[d]] for d in clique]
            )
            out[where] = data.source.counts[q][data.source.position[owner]]
        truth[index] = arrays
    return truth


def report_tables_protect(
    *, data: YearInput, earlier: list[EarlierVersion] | None = None
) -> list[tuple[TableDef, int | None, sup.ProtectedTable]]:
    """Protect the Alliance tables and every opted-in member's tables together.

    ``earlier``: the year's public versions. Cells whose change since one of them fails the
    primary rule are withheld, and the audit bounds withheld cells from all versions at once.
    """
    earlier = earlier or []
    defs: list[tuple[TableDef, int | None, sup.TableSpec]] = []
    for table in ALLIANCE_TABLES:
        defs.append((table, None, _spec(table, data=data, scope=None, key=table.key)))
    for member_id in data.opted_in:
        for table in MEMBER_TABLES:
            key = f"member-{member_id}-{table.key}"
            defs.append((table, member_id, _spec(table, data=data, scope=member_id, key=key)))
    changes = (
        sup.VersionChanges(current=data.source, earlier=[e.data.source for e in earlier])
        if earlier
        else None
    )
    model = audit_model(current=data, earlier=earlier)
    protected = sup.tables_protect(
        specs=[spec for _, _, spec in defs],
        source=data.source,
        model=model,
        changes=changes,
        earlier=[t for e in earlier for t in e.tables],
        known=owner_truth(model=model, current=data, earlier=earlier),
    )
    return [(table, member, p) for (table, member, _), p in zip(defs, protected, strict=True)]


def table_cells(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Yield every cell of a serialised table: values, row and column totals, the total."""
    for value in data.get("values", []):
        if isinstance(value, list):
            yield from value
        else:
            yield value
    yield from data.get("row_totals", [])
    yield from data.get("column_totals", [])
    if "total" in data:
        yield data["total"]
