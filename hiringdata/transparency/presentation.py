"""Labels and texts for published tables: what pages, downloads and the API show."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from credentials.models import Credential
from hiringdata.models import Education, RaceEthnicity, Sex, TrainingPathway

from . import suppression as sup
from .inputs import NO_CREDENTIAL
from .models import ReportTable
from .tables import OCCUPATION_GROUPS, PATHWAY_GROUPS, table_cells, table_title

DIMENSION_TITLES = {
    "race_ethnicity": _("Race or ethnicity"),
    "sex": _("Sex"),
    "education": _("Education"),
    "training_pathway": _("Training pathway"),
    "occupation_group": _("Occupation group"),
    "credential": _("Credential held"),
}

REASON_TEXT = {
    # What every withheld cell says since issue 11; the others stay for earlier versions.
    sup.PROTECTED: _("Withheld to protect small groups"),
    sup.FEW_PEOPLE: _("Withheld: fewer than 11 people"),
    sup.FEW_EMPLOYERS: _("Withheld: fewer than 3 employers"),
    sup.DOMINANT_EMPLOYER: _("Withheld: mostly one employer"),
    sup.COMPLEMENTARY: _("Withheld so that other small numbers cannot be worked out"),
    sup.OTHERS_REVEALED: _("Withheld so that other employers' figures cannot be worked out"),
    sup.SMALL_CHANGE: _("Withheld: changed by too few people since an earlier version"),
}

DROPPED_TEXT = {
    sup.SMALL_CHANGE: _(
        "Not published yet: it changed by too few people or employers since an earlier "
        "version; the update waits for more data."
    ),
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


CHANGE_WITHHELD_TEXT = {
    "withheld_this_year": _("No change shown: this year's figure is withheld"),
    "withheld_year_before": _("No change shown: the year before's figure is withheld"),
    "not_in_year_before": _("No change shown: this group was not in the year before's table"),
    "not_in_this_year": _("No change shown: this group is not in this year's table"),
}


def credential_labels(slugs: list[str]) -> dict[str, Any]:
    """Name credentials by catalog slug (one query); a slug no longer in the catalog stays."""
    names: dict[str, Any] = dict(
        Credential.objects.filter(slug__in=slugs).values_list("slug", "name")
    )
    return {**names, NO_CREDENTIAL: _("No credential")}


def category_labels(credentials: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    return {
        "race_ethnicity": dict(RaceEthnicity.choices),
        "sex": dict(Sex.choices),
        "education": dict(Education.choices),
        "training_pathway": dict(TrainingPathway.choices),
        "occupation_group": dict(OCCUPATION_GROUPS),
        "credential": credentials or {NO_CREDENTIAL: _("No credential")},
    }


def group_label(
    *, dimension: str, row: dict[str, Any], labels: dict[str, dict[str, Any]] | None = None
) -> str:
    """Label a row or column: its category, its named group, or the categories merged in it."""
    labels = (labels or category_labels())[dimension]
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
    credentials = None
    if "credential" in dims:
        axis = data["rows"] if dims[0] == "credential" else data["columns"]
        credentials = credential_labels([c for g in axis for c in g["categories"]])
    labels = category_labels(credentials)
    rows = [
        {**row, "label": group_label(dimension=dims[0], row=row, labels=labels)}
        for row in data["rows"]
    ]
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
                        str(labels[merge["dimension"]].get(c, c)) for c in merge["merged"]
                    ),
                    "into": ", ".join(
                        str(labels[merge["dimension"]].get(c, c)) for c in merge["into"]
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
            {**col, "label": group_label(dimension=dims[1], row=col, labels=labels)}
            for col in data["columns"]
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
    view["withheld_any"] = any("withheld" in c for c in table_cells(data))
    view["labels"] = labels
    return view


def report_changes_view(*, changes: dict[str, Any], tables: list[dict[str, Any]]) -> list[dict]:
    """Year-over-year change per dimension, labelled like the tables it comes from."""
    sections = []
    for table in tables:
        rows = changes.get("tables", {}).get(table["key"])
        if not rows:
            continue
        dimension = table["dimensions"][0]
        shown = {r["key"]: r["label"] for r in table["rows"]}
        sections.append(
            {
                "key": table["key"],
                "title": table["title"],
                "dimension_title": table["dimension_titles"][0],
                "rows": [
                    {
                        **row,
                        "label": shown.get(row["key"])
                        or group_label(
                            dimension=dimension,
                            row={"key": row["key"], "categories": row.get("categories", [])},
                            labels=table["labels"],
                        ),
                        "withheld_text": str(CHANGE_WITHHELD_TEXT.get(row.get("withheld"), ""))
                        if row.get("withheld")
                        else "",
                    }
                    for row in rows
                ],
            }
        )
    return sections
