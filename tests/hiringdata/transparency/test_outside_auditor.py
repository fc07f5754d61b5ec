"""An outside auditor with every public answer of every year and version cannot narrow a
withheld cell: a linear program over the published tables, counting what each withheld cell
says, with the strongest knowledge a reader could have of who reported in which version."""

import pytest

from hiringdata.synthetic import hires_generate
from hiringdata.transparency import suppression as sup
from hiringdata.transparency.inputs import CLIQUES
from hiringdata.transparency.models import TransparencyReport
from hiringdata.transparency.services import ReportError, report_build, report_publish
from hiringdata.transparency.tables import published_table

from ..conftest import YEAR
from ..factories import MemberFactory

pytestmark = pytest.mark.django_db


def publish_what_passes(year) -> bool:
    try:
        report_publish(report=report_build(year=year))
    except ReportError:
        return False  # the update waits: the earlier version stays the public one
    return True


def public_tables(client, report):
    """Every table of one version, from its JSON download (the API answer must agree)."""
    response = client.get(f"/transparency/{report.year}/v{report.version}/data.json")
    assert response.status_code == 200
    tables = response.json()["tables"]
    api = client.get(f"/api/v1/transparency-reports/{report.pk}/")
    assert api.status_code == 200
    assert api.json()["tables"] == tables
    return tables


def auditor_model(tables_by_version, reports):
    """Parts: each opted-in member, and everyone else, split by which versions hold their hires.

    The auditor is told which submissions each version used (more than any page says), so
    hires carried unchanged from one version to the next are the same unknowns in both.
    """
    from hiringdata.models import Submission

    member_of = dict(Submission.objects.values_list("id", "member__slug"))
    owners = {t["member"] for tables in tables_by_version.values() for t in tables if t["member"]}
    presence = {}
    for report in reports:
        for submission in report.submission_ids:
            presence.setdefault(submission, set()).add((report.year, report.version))
    parts = sorted(
        {
            (member_of[s] if member_of[s] in owners else sup.REST, frozenset(v))
            for s, v in presence.items()
        },
        key=repr,
    )
    dimensions = {}
    for tables in tables_by_version.values():
        for table in tables:
            axes = [table["rows"]] + ([table["columns"]] if "columns" in table else [])
            for dim, axis in zip(table["dimensions"], axes, strict=True):
                known = dimensions.setdefault(dim, [])
                known += [c for group in axis for c in group["categories"] if c not in known]
    return sup.AuditModel(
        dimensions={d: tuple(c) for d, c in dimensions.items()},
        cliques=CLIQUES,
        parts=tuple(owner for owner, _ in parts),
        presence=tuple(v for _, v in parts),
    )


def test_every_public_answer_together_leaves_every_withheld_cell_its_range(hiring_year, client):
    assert publish_what_passes(YEAR - 1) and publish_what_passes(YEAR)
    joined = [MemberFactory(is_synthetic=True) for _ in range(4)]
    hires_generate(member_ids=[m.id for m in joined], year=YEAR, hires_per_member=120, seed=12)
    assert publish_what_passes(YEAR)
    late = MemberFactory(is_synthetic=True)
    hires_generate(member_ids=[late.id], year=YEAR, hires_per_member=30, seed=13)
    assert not publish_what_passes(YEAR)  # one small newcomer: this update waits

    reports = list(TransparencyReport.objects.published().order_by("year", "version"))
    assert [(r.year, r.version) for r in reports] == [(YEAR - 1, 1), (YEAR, 1), (YEAR, 2)]
    tables_by_version = {(r.year, r.version): public_tables(client, r) for r in reports}

    withheld = 0
    for year in (YEAR - 1, YEAR):
        versions = {k: v for k, v in tables_by_version.items() if k[0] == year}
        model = auditor_model(versions, [r for r in reports if r.year == year])
        published = [
            published_table(key=t["key"], data=t, scope=t["member"], version=key)
            for key, tables in versions.items()
            for t in tables
        ]
        assert sup.tables_audit(tables=[], model=model, earlier=published)
        for table in published:
            for entry in table.audit:
                withheld += 1
                assert entry["shown_as"] == sup.PROTECTED
                assert entry["range_low"] >= 1  # never 0, as the page says
                assert entry["range_high"] is None or (
                    entry["range_high"] - entry["range_low"] >= sup.MIN_RANGE
                ), entry
    assert withheld  # the data has small groups: the check had something to try
