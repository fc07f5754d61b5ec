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
        # A dimension no public table shows has no unknowns to solve for.
        cliques=tuple(c for c in CLIQUES if all(d in dimensions for d in c)),
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


def row_selection(table, row_key):
    """The cell of a row's share: a one-way table's cell, or a crossed table's row total."""
    row = next(r for r in table["rows"] if r["key"] == row_key)
    return sup.selection_of([(table["dimensions"][0], frozenset(row["categories"]))])


def year_relations(latest, tables_by_version):
    """What the year-over-year section and the summaries publish, as relations between cells.

    A change in points is 100 * b / B - 100 * a / A within the rounding (each share is rounded
    to 0.1, and so is their difference); the year's hires is its grand total.
    """
    relations = []
    for (year, version), summary in latest.items():
        tables = {t["key"]: t for t in tables_by_version[(year, version)] if not t["member"]}
        relations.append(
            sup.Relation(
                terms=((None, (), (year, version), 1.0),),
                low=summary["hires"],
                high=summary["hires"],
            )
        )
        changes = summary.get("changes") or {}
        if not changes:
            continue
        before_key = (year - 1, changes["previous_version"])
        before = {t["key"]: t for t in tables_by_version[before_key] if not t["member"]}
        for key, rows in changes["tables"].items():
            now, then = tables[key], before[key]
            for row in rows:
                if "change_points" not in row:
                    continue
                relations.append(
                    sup.Relation(
                        terms=(
                            (
                                None,
                                row_selection(now, row["key"]),
                                (year, version),
                                100 / now["total"]["hires"],
                            ),
                            (
                                None,
                                row_selection(then, row["key"]),
                                before_key,
                                -100 / then["total"]["hires"],
                            ),
                        ),
                        low=row["change_points"] - 0.1 - 1e-6,
                        high=row["change_points"] + 0.1 + 1e-6,
                    )
                )
    return relations


def audit_two_years(client, *, extra=()):
    """Solve one program over every table of both years, the changes and the year totals."""
    reports = list(TransparencyReport.objects.published().order_by("year", "version"))
    tables_by_version = {(r.year, r.version): public_tables(client, r) for r in reports}
    latest = {}
    for r in reports:
        response = client.get(f"/transparency/{r.year}/v{r.version}/data.json")
        latest = {k: v for k, v in latest.items() if k[0] != r.year}
        latest[(r.year, r.version)] = response.json()["summary"]
    model = auditor_model(tables_by_version, reports)
    published = [
        published_table(key=t["key"], data=t, scope=t["member"], version=key)
        for key, tables in tables_by_version.items()
        for t in tables
    ]
    passed = sup.tables_audit(
        tables=[],
        model=model,
        earlier=published,
        relations=[*year_relations(latest, tables_by_version), *extra],
    )
    return passed, published, tables_by_version, latest


def test_every_table_of_two_years_with_their_changes_leaves_every_withheld_cell_its_range(
    hiring_year, client
):
    assert publish_what_passes(YEAR - 1) and publish_what_passes(YEAR)

    passed, published, tables_by_version, latest = audit_two_years(client)

    # The program holds every table of both years, the credential table among them.
    for key in ((YEAR - 1, 1), (YEAR, 1)):
        assert "credential-by-training-pathway" in [t["key"] for t in tables_by_version[key]]
    assert latest[(YEAR, 1)]["changes"]["tables"]
    entries = [e for table in published for e in table.audit]
    assert entries and any(
        t.spec.key == "credential-by-training-pathway" and t.audit for t in published
    )
    assert passed, [e for e in entries if not e["protected"]]
    for entry in entries:
        assert (
            entry["range_high"] is None or entry["range_high"] - entry["range_low"] >= sup.MIN_RANGE
        )


def test_a_change_published_where_this_years_figure_is_withheld_is_caught(hiring_year, client):
    """The weak rule the real one avoids: a change in a share withheld this year, shown before.

    From last year's shown figure and the change, this year's withheld cell is worked out to
    within a few people; the program over both years finds it.
    """
    from hiringdata.transparency.inputs import year_input

    assert publish_what_passes(YEAR - 1) and publish_what_passes(YEAR)
    now = {t.spec.key: t for t in published_alliance(client, YEAR)}
    before = {t.spec.key: t for t in published_alliance(client, YEAR - 1)}
    key, selection = next(
        (key, cell.selection)
        for key, table in now.items()
        if key in before
        for cell in table.cells.values()
        if cell.withheld
        and cell.selection in before[key].cells
        and not before[key].cells[cell.selection].withheld
    )
    true = year_input(year=YEAR).source.stats(scope=None, selection=selection).hires
    total_now, total_before = now[key].cells[()].value, before[key].cells[()].value
    previous = before[key].cells[selection].value
    change = round(100 * true / total_now - 100 * previous / total_before, 1)
    leak = sup.Relation(
        terms=(
            (None, selection, (YEAR, 1), 100 / total_now),
            (None, selection, (YEAR - 1, 1), -100 / total_before),
        ),
        low=change - 0.1 - 1e-6,
        high=change + 0.1 + 1e-6,
    )

    passed, published, _, _ = audit_two_years(client, extra=[leak])

    assert not passed
    exposed = [e for t in published for e in t.audit if not e["protected"]]
    assert sup.selection_label(selection) in [e["cell"] for e in exposed]


def published_alliance(client, year):
    report = TransparencyReport.objects.published().get(year=year)
    return [
        published_table(key=t["key"], data=t, scope=None, version=(year, report.version))
        for t in public_tables(client, report)
        if not t["member"]
    ]


def test_the_auditor_finds_the_exposure_when_the_credential_table_skips_complements(
    hiring_year, client, monkeypatch
):
    """The weak rule: primary suppression alone on the credential table, which the builder's
    own audit does not look at; every other table is protected and audited as always."""
    real_complementary, real_audit = sup.complementary_suppress, sup.tables_audit

    def primary_only_for_credentials(*, cells, lines):
        if any(d == "credential" for sel in cells for d, _ in sel):
            return
        real_complementary(cells=cells, lines=lines)

    def audit_without_credentials(*, tables, **kwargs):
        others = [t for t in tables if t.spec.key != "credential-by-training-pathway"]
        return real_audit(tables=others, **kwargs)

    monkeypatch.setattr(sup, "complementary_suppress", primary_only_for_credentials)
    monkeypatch.setattr(sup, "tables_audit", audit_without_credentials)
    report = report_publish(report=report_build(year=YEAR))
    monkeypatch.setattr(sup, "tables_audit", real_audit)
    credential = report.tables.get(key="credential-by-training-pathway")
    assert any("withheld" in c for row in credential.data["values"] for c in row)

    tables = public_tables(client, report)
    model = auditor_model({(YEAR, 1): tables}, [report])
    published = [
        published_table(key=t["key"], data=t, scope=t["member"], version=(YEAR, 1)) for t in tables
    ]

    assert not sup.tables_audit(tables=[], model=model, earlier=published)
    exposed = [e for t in published for e in t.audit if not e["protected"]]
    assert exposed and all("credential" in e["cell"] for e in exposed)
