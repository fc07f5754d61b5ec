"""Transparency report services and selectors: build, publish, read, and the page sections.

The build reads accepted hiring counts with one set-based GROUP BY GROUPING SETS query, protects
every table of the year together (hiringdata/suppression.py), and stores only shown numbers and
withheld reasons. Published versions are frozen by a database trigger (migration 0101).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from alliance import selectors as alliance_selectors
from alliance.models import Member, MemberKind

from . import suppression as sup
from .models import Education, RaceEthnicity, Sex, SubmissionStatus, TrainingPathway
from .report_models import ReportStatus, ReportTable, TransparencyReport


class ReportError(Exception):
    """A report action that cannot be done, with a message for staff."""


# --- Vocabulary -------------------------------------------------------------------------------

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

DIMENSION_TITLES = {
    "race_ethnicity": _("Race or ethnicity"),
    "sex": _("Sex"),
    "education": _("Education"),
    "training_pathway": _("Training pathway"),
    "occupation_group": _("Occupation group"),
}

REASON_TEXT = {
    sup.FEW_PEOPLE: _("Withheld: fewer than 11 people"),
    sup.FEW_EMPLOYERS: _("Withheld: fewer than 3 employers"),
    sup.DOMINANT_EMPLOYER: _("Withheld: mostly one employer"),
    sup.COMPLEMENTARY: _("Withheld so that other small numbers cannot be worked out"),
    sup.OTHERS_REVEALED: _("Withheld so that other employers' figures cannot be worked out"),
}

DROPPED_TEXT = {
    "no_data": _("No hires to show."),
    sup.FEW_PEOPLE: _("Not published: fewer than 11 people in all."),
    sup.FEW_EMPLOYERS: _("Not published: fewer than 3 employers in all."),
    sup.DOMINANT_EMPLOYER: _("Not published: one employer supplies most of the hires."),
    "too_few_groups": _("Not published: too few people to split into groups."),
    "unprotectable": _("Not published: small groups could not be protected."),
    "audit_failed": _(
        "Not published: the audit found a withheld number that could be worked out to within "
        "11 people, and merging groups did not fix it."
    ),
}


def category_labels() -> dict[str, dict[str, Any]]:
    return {
        "race_ethnicity": dict(RaceEthnicity.choices),
        "sex": dict(Sex.choices),
        "education": dict(Education.choices),
        "training_pathway": dict(TrainingPathway.choices),
        "occupation_group": dict(OCCUPATION_GROUPS),
    }


@dataclass(frozen=True)
class TableDef:
    key: str
    title: Any
    dimensions: tuple[str, ...]
    grouped_pathways: bool = False
    per_member: bool = False


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
)
# The same one-way tables for each member that opted in (crossed tables of one employer
# would be nearly all small cells).
MEMBER_TABLES = tuple(
    TableDef(t.key, t.title, t.dimensions, t.grouped_pathways, per_member=True)
    for t in ALLIANCE_TABLES
    if len(t.dimensions) == 1
)
# Dimensions that appear together in some table (see suppression.AuditModel).
CLIQUES = (
    ("training_pathway", "race_ethnicity"),
    ("training_pathway", "sex"),
    ("education",),
    ("occupation_group",),
)
RESIDUAL = {
    "race_ethnicity": "not_disclosed",
    "sex": "not_disclosed",
    "education": "not_disclosed",
    "training_pathway": "not_disclosed",
    "occupation_group": None,
}


def table_title(key: str) -> Any:
    """Return the title of a table from its stored key (member tables are 'member-<slug>-...')."""
    for table in ALLIANCE_TABLES:
        if key == table.key:
            return table.title
    for table in MEMBER_TABLES:
        if key.endswith("-" + table.key):
            return table.title
    return key


# --- Reading the input ------------------------------------------------------------------------

INPUT_SQL = """
SELECT hc.member_id, hc.training_pathway, hc.race_ethnicity, hc.sex, hc.education,
       left(hc.soc_code, 2) AS occupation_group,
       GROUPING(hc.race_ethnicity, hc.sex, hc.education, left(hc.soc_code, 2)) AS grouping_set,
       SUM(hc.hires)::bigint AS hires
  FROM hiringdata_hiringcount hc
  JOIN hiringdata_submission s ON s.id = hc.submission_id
 WHERE s.status = %(accepted)s AND s.year = %(year)s AND hc.year = %(year)s
 GROUP BY GROUPING SETS (
       (hc.member_id, hc.training_pathway, hc.race_ethnicity),
       (hc.member_id, hc.training_pathway, hc.sex),
       (hc.member_id, hc.education),
       (hc.member_id, left(hc.soc_code, 2)))
HAVING SUM(hc.hires) > 0
 ORDER BY 7, 1, 2, 3, 4, 5, 6
"""
# GROUPING() bit order: race_ethnicity (8), sex (4), education (2), occupation_group (1).
SET_OF_GROUPING = {0b0111: 0, 0b1011: 1, 0b1101: 2, 0b1110: 3}


@dataclass
class YearInput:
    year: int
    members: list[int]
    opted_in: list[int]
    source: sup.CountsSource
    dimensions: dict[str, tuple[str, ...]]
    fingerprint: str
    submissions: int
    is_synthetic: bool

    @property
    def hires(self) -> int:
        return int(self.source.counts[0].sum()) if self.members else 0


def year_input(*, year: int) -> YearInput:
    """Read one year's accepted hiring counts, per member, for every table at once."""
    with connection.cursor() as cursor:
        cursor.execute(INPUT_SQL, {"accepted": SubmissionStatus.ACCEPTED, "year": year})
        rows = cursor.fetchall()
        cursor.execute(
            "SELECT count(*), bool_or(is_synthetic) FROM hiringdata_submission"
            " WHERE status = %s AND year = %s",
            [SubmissionStatus.ACCEPTED, year],
        )
        submissions, any_synthetic = cursor.fetchone()
    members = sorted({row[0] for row in rows})
    occupations = tuple(sorted({row[5] for row in rows if row[6] == 0b1110}))
    dimensions = {
        "training_pathway": tuple(TrainingPathway.values),
        "race_ethnicity": tuple(RaceEthnicity.values),
        "sex": tuple(Sex.values),
        "education": tuple(Education.values),
        "occupation_group": occupations,
    }
    position = {m: i for i, m in enumerate(members)}
    index = {d: {c: i for i, c in enumerate(cats)} for d, cats in dimensions.items()}
    counts = [
        np.zeros((len(members), *(len(dimensions[d]) for d in clique)), dtype=np.int64)
        for clique in CLIQUES
    ]
    column = {
        "training_pathway": 1,
        "race_ethnicity": 2,
        "sex": 3,
        "education": 4,
        "occupation_group": 5,
    }
    digest = hashlib.sha256(f"year={year}".encode())
    for row in rows:
        q = SET_OF_GROUPING[row[6]]
        cell = tuple(index[d][row[column[d]]] for d in CLIQUES[q])
        counts[q][(position[row[0]], *cell)] = row[7]
        digest.update(repr((q, row[0], *(row[column[d]] for d in CLIQUES[q]), row[7])).encode())
    opted_in = list(
        Member.objects.filter(id__in=members, publish_own_figures=True)
        .order_by("id")
        .values_list("id", flat=True)
    )
    digest.update(repr(("opted_in", opted_in)).encode())
    source = sup.CountsSource(
        dimensions=dimensions, cliques=CLIQUES, employers=members, counts=counts
    )
    return YearInput(
        year=year,
        members=members,
        opted_in=opted_in,
        source=source,
        dimensions=dimensions,
        fingerprint=digest.hexdigest(),
        submissions=submissions,
        is_synthetic=bool(any_synthetic),
    )


# --- Building ---------------------------------------------------------------------------------


def _spec(table: TableDef, *, data: YearInput, scope: int | None, key: str) -> sup.TableSpec:
    dims = tuple(
        sup.Dimension(d, data.dimensions[d], residual=RESIDUAL[d]) for d in table.dimensions
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
        return {"withheld": cell.reason}
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


def report_tables_protect(
    *, data: YearInput
) -> list[tuple[TableDef, int | None, sup.ProtectedTable]]:
    """Protect the Alliance tables and every opted-in member's tables together."""
    defs: list[tuple[TableDef, int | None, sup.TableSpec]] = []
    for table in ALLIANCE_TABLES:
        defs.append((table, None, _spec(table, data=data, scope=None, key=table.key)))
    for member_id in data.opted_in:
        for table in MEMBER_TABLES:
            key = f"member-{member_id}-{table.key}"
            defs.append((table, member_id, _spec(table, data=data, scope=member_id, key=key)))
    model = sup.AuditModel(
        dimensions=data.dimensions,
        cliques=CLIQUES,
        parts=(*data.opted_in, sup.REST),
    )
    protected = sup.tables_protect(
        specs=[spec for _, _, spec in defs], source=data.source, model=model
    )
    return [(table, member, p) for (table, member, _), p in zip(defs, protected, strict=True)]


def _previous_published(*, year: int) -> TransparencyReport | None:
    return TransparencyReport.objects.published().filter(year=year - 1).first()


def _shares(table: ReportTable | None) -> dict[str, float]:
    if table is None or not table.passed:
        return {}
    return {
        row["key"]: value["share"]
        for row, value in zip(table.data["rows"], table.data["values"], strict=True)
        if "share" in value
    }


def report_changes(*, current: dict[str, ReportTable], previous: TransparencyReport | None) -> dict:
    """Year-over-year change in shares, from published figures of both years only."""
    if previous is None:
        return {}
    before = {t.key: t for t in previous.tables.filter(member__isnull=True, passed=True)}
    changes: dict[str, Any] = {"previous_version": previous.version, "tables": {}}
    for key, table in current.items():
        if table.member_id is not None or len(table.data.get("dimensions", [])) != 1:
            continue
        now, then = _shares(table), _shares(before.get(key))
        rows = [
            {
                "key": row_key,
                "share": now[row_key],
                "previous_share": then[row_key],
                "change_points": round(now[row_key] - then[row_key], 1),
            }
            for row_key in now
            if row_key in then
        ]
        if rows:
            changes["tables"][key] = rows
    return changes


def award_candidates(
    *, current: dict[str, ReportTable], previous: TransparencyReport | None
) -> dict:
    """'Most progress': change in the share of hires via non-degree training, opted-in members.

    Only members whose own kind-of-training table is published in both years take part, and
    only from the shares shown in those tables.
    """
    method = "non_degree_share_change"
    if previous is None:
        return {"method": method, "candidates": [], "note": "no_previous_year"}
    before = {
        t.member_id: t
        for t in previous.tables.filter(member__isnull=False, passed=True)
        if t.key.endswith("-pathway-group")
    }
    candidates = []
    for table in current.values():
        if table.member_id is None or not table.key.endswith("-pathway-group"):
            continue
        now = _shares(table).get("non_degree")
        then = _shares(before.get(table.member_id)).get("non_degree")
        if now is None or then is None:
            continue
        candidates.append(
            {
                "member_id": table.member_id,
                "share": now,
                "previous_share": then,
                "change_points": round(now - then, 1),
            }
        )
    candidates.sort(key=lambda c: (-c["change_points"], c["member_id"]))
    return {"method": method, "candidates": candidates[:5]}


def commitment_figures(*, year: int) -> dict[str, Any]:
    """Employer members that reported this year, and the commitment board's counts as of today."""
    today = timezone.localdate()
    employers = Member.objects.filter(kind=MemberKind.EMPLOYER)
    return {
        "employer_members": employers.count(),
        "members_reported": employers.filter(
            submissions__status=SubmissionStatus.ACCEPTED, submissions__year=year
        )
        .distinct()
        .count(),
        # The same rule as the live board (overdue is computed against the deadline, not stored).
        "commitments_by_status": alliance_selectors.commitment_board_counts(today=today),
        "commitments_as_of": today.isoformat(),
    }


def report_build(*, year: int, user: Any = None) -> TransparencyReport:
    """Build a new draft version of a year's report from accepted submissions."""
    data = year_input(year=year)
    protected = report_tables_protect(data=data) if data.members else []
    previous = _previous_published(year=year)
    with transaction.atomic():
        # Lock the year's versions so two builds cannot take the same number.
        list(TransparencyReport.objects.select_for_update().filter(year=year).values("id"))
        version = (
            TransparencyReport.objects.filter(year=year).aggregate(v=Max("version"))["v"] or 0
        ) + 1
        report = TransparencyReport.objects.create(
            year=year,
            version=version,
            built_at=timezone.now(),
            built_by=user if getattr(user, "pk", None) else None,
            input_fingerprint=data.fingerprint,
            is_synthetic=data.is_synthetic,
        )
        rows = []
        for position, (_table_def, member_id, table) in enumerate(protected):
            key = table.spec.key
            rows.append(
                ReportTable(
                    report=report,
                    key=key,
                    position=position,
                    member_id=member_id,
                    passed=table.passed,
                    dropped_reason="" if table.passed else (table.dropped or "audit_failed"),
                    # A failed table keeps no numbers at all, only why.
                    data=table_json(table) if table.passed else {"merges": table.merges},
                    audit={
                        "passed": table.passed,
                        "withheld_cells": len(table.audit),
                        "entries": table.audit,
                        "merges": table.merges,
                        "dropped": table.dropped,
                    },
                )
            )
        ReportTable.objects.bulk_create(rows)
        current = {row.key: row for row in rows}
        alliance_total = current.get("pathway-group")
        report.summary = {
            "hires": (
                alliance_total.data["total"].get("hires")
                if alliance_total and alliance_total.passed
                else None
            ),
            "members_reporting": len(data.members),
            "submissions": data.submissions,
            "tables_published": sum(1 for r in rows if r.passed),
            "tables_failed": sum(1 for r in rows if not r.passed),
            "commitments": commitment_figures(year=year),
            "changes": report_changes(current=current, previous=previous),
            "awards": award_candidates(current=current, previous=previous),
        }
        report.save(update_fields=["summary"])
    return report


def report_publish(*, report: TransparencyReport, user: Any = None) -> TransparencyReport:
    """Publish a draft; refuse when a table it would publish did not pass the audit."""
    with transaction.atomic():
        report = TransparencyReport.objects.select_for_update().get(pk=report.pk)
        if report.is_published:
            raise ReportError(_("This version is already published and cannot change."))
        tables = list(report.tables.all())
        if not any(t.passed for t in tables):
            raise ReportError(_("This version has no table that passed the audit."))
        for table in tables:
            if table.passed and not _table_safe(table):
                raise ReportError(
                    _("Table %(key)s failed the audit; build again before publishing.")
                    % {"key": table.key}
                )
        report.status = ReportStatus.PUBLISHED
        report.published_at = timezone.now()
        report.published_by = user if getattr(user, "pk", None) else None
        report.save(update_fields=["status", "published_at", "published_by"])
    return report


def _table_safe(table: ReportTable) -> bool:
    """Check again before publishing: audit passed and no withheld cell carries a number."""
    if not table.audit.get("passed") or not all(
        e.get("protected") for e in table.audit.get("entries", [])
    ):
        return False
    cells = list(_all_cells(table.data))
    return all(set(c) == {"withheld"} or "withheld" not in c for c in cells)


def _all_cells(data: dict[str, Any]):
    for value in data.get("values", []):
        if isinstance(value, list):
            yield from value
        else:
            yield value
    yield from data.get("row_totals", [])
    yield from data.get("column_totals", [])
    if "total" in data:
        yield data["total"]


# --- Reading ----------------------------------------------------------------------------------


def report_latest_published(*, year: int) -> TransparencyReport | None:
    return TransparencyReport.objects.published().filter(year=year).first()


def report_published_version(*, year: int, version: int) -> TransparencyReport | None:
    return TransparencyReport.objects.published().filter(year=year, version=version).first()


def report_public_tables(*, report: TransparencyReport) -> list[ReportTable]:
    """Return the tables a published report shows (never a failed one, never the audit)."""
    if not report.is_published:
        return []
    return list(
        report.tables.filter(passed=True)
        .select_related("member")
        .defer("audit")
        .order_by("position")
    )


# --- Sections other apps add to the report page -----------------------------------------------


@dataclass(frozen=True)
class ReportSection:
    key: str
    order: int
    render: Callable[[HttpRequest, TransparencyReport], str]


_sections: dict[str, ReportSection] = {}


def register_report_section(
    *, key: str, order: int, render: Callable[[HttpRequest, TransparencyReport], str]
) -> None:
    """Add (or replace) a section of /transparency/<year>/ (the Alliance's commitment board,
    its awards): render returns HTML, or '' to leave the section out."""
    _sections[key] = ReportSection(key=key, order=order, render=render)


def report_sections_render(*, request: HttpRequest, report: TransparencyReport) -> dict[str, str]:
    return {
        section.key: html
        for section in sorted(_sections.values(), key=lambda s: s.order)
        if (html := section.render(request, report))
    }


# --- What pages, downloads and the API show ---------------------------------------------------


def group_label(*, dimension: str, row: dict[str, Any]) -> str:
    """Label a row or column: its category, its named group, or the categories merged in it."""
    labels = category_labels()[dimension]
    if dimension == "training_pathway" and row["key"] in PATHWAY_GROUPS:
        return str(PATHWAY_GROUPS[row["key"]][0])
    names = [str(labels.get(c, c)) for c in row["categories"]]
    if len(names) == 1:
        return names[0]
    return str(_("%(names)s (combined)") % {"names": ", ".join(names)})


def cell_text(cell: dict[str, Any]) -> str:
    if "withheld" in cell:
        return str(REASON_TEXT.get(cell["withheld"], REASON_TEXT[sup.COMPLEMENTARY]))
    return number_format(cell["hires"], force_grouping=True)


def report_table_view(*, table: ReportTable) -> dict[str, Any]:
    """Return one published table ready for a page, a CSV or the API (labels resolved)."""
    data = table.data
    dims = data["dimensions"]
    rows = [{**row, "label": group_label(dimension=dims[0], row=row)} for row in data["rows"]]
    view: dict[str, Any] = {
        "key": table.key,
        "title": str(table_title(table.key)),
        "member": table.member,
        "dimensions": dims,
        "dimension_titles": [str(DIMENSION_TITLES[d]) for d in dims],
        "rows": rows,
        "total": data["total"],
        "total_text": cell_text(data["total"]),
        "merges": [
            {
                **merge,
                "text": _("%(merged)s counted with %(into)s")
                % {
                    "merged": ", ".join(
                        str(category_labels()[merge["dimension"]].get(c, c))
                        for c in merge["merged"]
                    ),
                    "into": ", ".join(
                        str(category_labels()[merge["dimension"]].get(c, c)) for c in merge["into"]
                    ),
                },
            }
            for merge in data.get("merges", [])
        ],
    }
    if len(dims) == 1:
        view["cells"] = [
            {**row, "cell": cell, "text": cell_text(cell)}
            for row, cell in zip(rows, data["values"], strict=True)
        ]
        # Bars are as long as the share; withheld bars have none (and say so in words).
        view["bars"] = [
            {"label": c["label"], "share": c["cell"].get("share"), "text": c["text"]}
            for c in view["cells"]
        ]
    else:
        columns = [
            {**col, "label": group_label(dimension=dims[1], row=col)} for col in data["columns"]
        ]
        view["columns"] = columns
        view["grid"] = [
            {
                "label": row["label"],
                "cells": [{"cell": cell, "text": cell_text(cell)} for cell in values],
                "total": {"cell": total, "text": cell_text(total)},
            }
            for row, values, total in zip(rows, data["values"], data["row_totals"], strict=True)
        ]
        view["column_totals"] = [{"cell": c, "text": cell_text(c)} for c in data["column_totals"]]
    view["withheld_any"] = any("withheld" in c for c in _all_cells(data))
    return view


def report_flat_rows(*, report: TransparencyReport) -> list[dict[str, Any]]:
    """Return every published cell of a report as one row (the CSV download)."""
    out = []
    for table in report_public_tables(report=report):
        view = report_table_view(table=table)
        scope = table.member.slug if table.member else "alliance"
        if len(view["dimensions"]) == 1:
            cells = [(c["label"], "", c["cell"]) for c in view["cells"]]
        else:
            cells = [
                (row["label"], col["label"], cell["cell"])
                for row in view["grid"]
                for col, cell in zip(view["columns"], row["cells"], strict=True)
            ]
            cells += [(row["label"], str(_("All")), row["total"]["cell"]) for row in view["grid"]]
            cells += [
                (str(_("All")), col["label"], total["cell"])
                for col, total in zip(view["columns"], view["column_totals"], strict=True)
            ]
        cells.append((str(_("All")), "", view["total"]))
        for row_label, col_label, cell in cells:
            out.append(
                {
                    "year": report.year,
                    "version": report.version,
                    "table": table.key,
                    "scope": scope,
                    "row": row_label,
                    "column": col_label,
                    "hires": cell.get("hires", ""),
                    "share_percent": cell.get("share", ""),
                    "withheld_reason": cell.get("withheld", ""),
                }
            )
    return out


def report_public_json(*, report: TransparencyReport) -> dict[str, Any]:
    """The open-data JSON of a published report (no audit, no withheld numbers)."""
    tables = []
    for table in report_public_tables(report=report):
        view = report_table_view(table=table)
        entry: dict[str, Any] = {
            "key": table.key,
            "title": view["title"],
            "member": table.member.slug if table.member else None,
            "dimensions": view["dimensions"],
            "rows": [
                {"key": r["key"], "label": r["label"], "categories": r["categories"]}
                for r in view["rows"]
            ],
            "values": table.data["values"],
            "total": table.data["total"],
            "merges": table.data.get("merges", []),
        }
        if "columns" in view:
            entry["columns"] = [
                {"key": c["key"], "label": c["label"], "categories": c["categories"]}
                for c in view["columns"]
            ]
            entry["row_totals"] = table.data["row_totals"]
            entry["column_totals"] = table.data["column_totals"]
        tables.append(entry)
    return {
        "year": report.year,
        "version": report.version,
        "published_at": report.published_at.isoformat() if report.published_at else None,
        "is_synthetic": report.is_synthetic,
        "source": "Accepted hiring-data submissions of Alliance members",
        "withheld_reasons": {code: str(text) for code, text in REASON_TEXT.items()},
        "summary": report_public_summary(report=report),
        "tables": tables,
    }


def report_public_summary(*, report: TransparencyReport) -> dict[str, Any]:
    """The report's headline figures, with award candidates named."""
    summary = dict(report.summary)
    awards = dict(summary.get("awards") or {})
    ids = [c["member_id"] for c in awards.get("candidates", [])]
    members = {m.id: m for m in Member.objects.filter(id__in=ids)}
    awards["candidates"] = [
        {
            **c,
            "member": members[c["member_id"]].name if c["member_id"] in members else "",
            "member_slug": members[c["member_id"]].slug if c["member_id"] in members else "",
        }
        for c in awards.get("candidates", [])
    ]
    summary["awards"] = awards
    return summary


def report_pdf_render(*, html: str) -> bytes:
    """Render the report's print HTML to PDF; static files are read from disk, never fetched."""
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    prefix = "file:///" + settings.STATIC_URL.strip("/") + "/"

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = finders.find(url[len(prefix) :]) if url.startswith(prefix) else None
            if not path:
                raise ValueError(f"not fetching {url}")
            with open(path, "rb") as stylesheet:
                body = stylesheet.read()
            return URLFetcherResponse(url, body, {"Content-Type": "text/css"})

    return HTML(string=html, base_url="file:///", url_fetcher=StaticFilesOnly()).write_pdf()
