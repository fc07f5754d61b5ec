"""Build and publish transparency report versions.

The build reads accepted hiring counts with one set-based GROUP BY GROUPING SETS query
(inputs.py), protects every table of the year together (suppression.py), and stores only shown
numbers and withheld reasons. Published versions are frozen by a database trigger (hiringdata
migration 0101).
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance import selectors as alliance_selectors
from alliance.models import Member, MemberKind
from hiringdata.models import SubmissionStatus

from .inputs import year_input
from .models import ReportStatus, ReportTable, TransparencyReport
from .suppression import SMALL_CHANGE
from .tables import (
    EARLIER_KEYS,
    EarlierVersion,
    published_table,
    report_tables_protect,
    table_cells,
    table_json,
)


class ReportError(Exception):
    """A report action that cannot be done, with a message for staff."""


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


# Why a year-over-year change is not shown (the page says each in words).
CHANGE_WITHHELD_NOW = "withheld_this_year"
CHANGE_WITHHELD_BEFORE = "withheld_year_before"
CHANGE_NOT_BEFORE = "not_in_year_before"
CHANGE_NOT_NOW = "not_in_this_year"


def _row_shares(table: ReportTable | None) -> dict[str, float | None]:
    """Each row's published share of the table's hires (None: withheld); {} if unpublished.

    One-way tables: the rows' cells; a crossed table: its row totals.
    """
    if table is None or not table.passed:
        return {}
    data = table.data
    cells = data["values"] if len(data["dimensions"]) == 1 else data["row_totals"]
    return {row["key"]: cell.get("share") for row, cell in zip(data["rows"], cells, strict=True)}


def _progress_tables(current: dict[str, ReportTable]) -> list[ReportTable]:
    """The Alliance tables that give one dimension's shares: every one-way table, and a
    crossed table whose row dimension has no one-way table (hires by credential held)."""
    alliance = [t for t in current.values() if t.member_id is None and t.passed]
    one_way = {t.data["dimensions"][0] for t in alliance if len(t.data["dimensions"]) == 1}
    return [
        t
        for t in alliance
        if len(t.data["dimensions"]) == 1 or t.data["dimensions"][0] not in one_way
    ]


def report_changes(*, current: dict[str, ReportTable], previous: TransparencyReport | None) -> dict:
    """Year-over-year change in shares per dimension, from published figures of both years.

    A change is shown only when the group's share is shown in both years' published tables;
    otherwise the row says why (withheld this year or the year before, or the group is not in
    one year's table, e.g. merged differently) and carries no number of the other year. The
    shares are themselves published, so a change adds nothing a reader could not compute.
    """
    if previous is None:
        return {}
    before = {
        EARLIER_KEYS.get(t.key, t.key): t
        for t in previous.tables.filter(member__isnull=True, passed=True)
    }
    changes: dict[str, Any] = {"previous_version": previous.version, "tables": {}}
    for table in _progress_tables(current):
        now, then = _row_shares(table), _row_shares(before.get(table.key))
        if not then:
            continue  # the table was not published the year before: nothing to compare
        categories = {
            r["key"]: r["categories"] for t in (before[table.key], table) for r in t.data["rows"]
        }
        rows = []
        for row_key in [*now, *(k for k in then if k not in now)]:
            share, previous_share = now.get(row_key), then.get(row_key)
            row: dict[str, Any] = {
                "key": row_key,
                "categories": categories[row_key],
                "share": share,
                "previous_share": previous_share,
            }
            if row_key not in then:
                row["withheld"] = CHANGE_NOT_BEFORE
            elif row_key not in now:
                row["withheld"] = CHANGE_NOT_NOW
            elif share is None:
                row["withheld"] = CHANGE_WITHHELD_NOW
            elif previous_share is None:
                row["withheld"] = CHANGE_WITHHELD_BEFORE
            else:
                row["change_points"] = round(share - previous_share, 1)
            rows.append(row)
        changes["tables"][table.key] = rows
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


def earlier_versions(*, year: int) -> list[EarlierVersion]:
    """Every public version of the year, read again from the submissions it was built from.

    Versions published before submissions were recorded with them cannot be read again and
    are left out (their numbers stay as published).
    """
    out = []
    for report in TransparencyReport.objects.published().filter(year=year).order_by("version"):
        if not report.submission_ids:
            continue
        tables = list(report.tables.filter(passed=True).order_by("position"))
        opted_in = sorted({t.member_id for t in tables if t.member_id is not None})
        data = year_input(year=year, submission_ids=report.submission_ids, opted_in=opted_in)
        out.append(
            EarlierVersion(
                version=report.version,
                data=data,
                tables=[
                    published_table(
                        key=t.key, data=t.data, scope=t.member_id, version=report.version
                    )
                    for t in tables
                ],
            )
        )
    return out


# Held by a build's transaction from its first read to its commit (pg_locks shows it as an
# advisory lock on this text's hash): what the worker-killed test waits for.
BUILD_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))"


def build_lock_name(*, year: int) -> str:
    return f"hiringdata.transparency.build:{year}"


def report_build(*, year: int, user: Any = None, build_key: str = "") -> TransparencyReport:
    """Build a new draft version of a year's report from accepted submissions.

    A build_key already built returns that version: a task redelivered after its worker died
    between commit and acknowledgement builds one version, not two.
    """
    try:
        with transaction.atomic():
            # One build of a year at a time: a second delivery of the same task waits here for
            # the first, then finds its version below instead of building the year again.
            with connection.cursor() as cursor:
                cursor.execute(BUILD_LOCK_SQL, [build_lock_name(year=year)])
            if built := _built(build_key=build_key):
                return built
            return _report_build(year=year, user=user, build_key=build_key)
    except IntegrityError:
        # The same build ran at once elsewhere (a duplicate delivery) and committed first.
        if built := _built(build_key=build_key):
            return built
        raise


def _built(*, build_key: str) -> TransparencyReport | None:
    """The version a build key already made, read on the primary (a replica may lag)."""
    if not build_key:
        return None
    return TransparencyReport.objects.using("default").filter(build_key=build_key).first()


def _report_build(*, year: int, user: Any, build_key: str) -> TransparencyReport:
    data = year_input(year=year)
    earlier = earlier_versions(year=year)
    protected = report_tables_protect(data=data, earlier=earlier) if data.members else []
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
            submission_ids=sorted(submission for _, submission in data.segments),
            build_key=build_key,
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
            # Some table changed too little since a public version to publish yet.
            "update_waits": any(r.dropped_reason == SMALL_CHANGE for r in rows),
            "audited_with_versions": [e.version for e in earlier],
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
        if report.summary.get("update_waits"):
            raise ReportError(
                _(
                    "The update waits: some figures changed by too few people or employers "
                    "since the last published version to show the change safely."
                )
            )
        if not any(t.passed for t in tables):
            raise ReportError(_("This version has no table that passed the audit."))
        audited = set(report.summary.get("audited_with_versions", []))
        newer = (
            TransparencyReport.objects.published()
            .filter(year=report.year)
            .exclude(submission_ids=[])
            .exclude(version__in=audited)
        )
        if newer.exists():
            raise ReportError(
                _("Another version of this year was published after this draft; build again.")
            )
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
    cells = list(table_cells(table.data))
    return all(set(c) == {"withheld"} or "withheld" not in c for c in cells)
