"""The adversarial cases of issue 11: the audit refuses them before suppression is strengthened
and accepts after. Each case is built the way a reader would attack the published pages."""

import numpy as np
import pytest

from hiringdata.models import Submission
from hiringdata.synthetic import hires_generate
from hiringdata.transparency import suppression as sup
from hiringdata.transparency.inputs import year_input
from hiringdata.transparency.models import TransparencyReport
from hiringdata.transparency.services import ReportError, report_build, report_publish
from hiringdata.transparency.tables import report_tables_protect

from ..factories import MemberFactory

YEAR = 2025


# --- Two "few people" cells beside a row total ------------------------------------------------

ROWS = ("a", "b", "c", "d")
DIMS: dict[str, tuple[str, ...]] = {"r": ROWS}
SPEC = sup.TableSpec("t", (sup.Dimension("r", ROWS, residual="d"),))
MODEL = sup.AuditModel(dimensions=DIMS, cliques=(("r",),))


def one_way_source(values: dict[str, int]) -> sup.CountsSource:
    """Hires dealt round-robin to four employers, so only the people rule can fire."""
    counts = np.zeros((4, len(ROWS)), dtype=np.int64)
    for row, hires in values.items():
        for i in range(hires):
            counts[i % 4, ROWS.index(row)] += 1
    return sup.CountsSource(
        dimensions=DIMS, cliques=(("r",),), employers=[0, 1, 2, 3], counts=[counts]
    )


def test_two_few_people_cells_beside_a_total_are_refused_then_protected():
    # a = 3 and b = 9 are withheld as "fewer than 11 people"; together they hold 12, which
    # the old rule (withheld cells of a line hold 11 or more) accepted.
    values = {"a": 3, "b": 9, "c": 120, "d": 140}
    source = one_way_source(values)
    # The table as published before issue 11: the two primary cells only, each saying why.
    groups = SPEC.initial_groups()
    order, lines = sup.table_layout(groups, ["r"])
    cells = {}
    for selection in order:
        chosen = dict(selection).get("r", frozenset(ROWS))
        cells[selection] = sup.Cell(selection, sum(values[r] for r in chosen))
    for row in ("a", "b"):
        cells[sup.selection_of([("r", frozenset([row]))])].reason = sup.FEW_PEOPLE
    old = sup.ProtectedTable(SPEC, groups, cells, lines)
    # Before: the page said "fewer than 11 people" on each; a + b = 12 and each is 1-10, so
    # each is 2-10: narrowed inside 1-10. The audit that counts the page's words refuses it.
    old.reasons_shown = True
    assert not sup.tables_audit(tables=[old], model=MODEL)
    a = next(e for e in old.audit if e["cell"] == {"r": ["a"]})
    assert (a["range_low"], a["range_high"]) == (2.0, 10.0)

    # After: one reason for every withheld cell, and lines with room; the audit accepts.
    (new,) = sup.tables_protect(specs=[SPEC], source=source, model=MODEL)
    assert new.passed
    assert all(e["protected"] and e["shown_as"] == sup.PROTECTED for e in new.audit)
    for entry in new.audit:
        assert entry["range_high"] - entry["range_low"] >= sup.MIN_RANGE


# --- A member joining between versions ---------------------------------------------------------


@pytest.fixture
def version_one(db):
    """Six employers' hires, published as version 1."""
    members = [MemberFactory(is_synthetic=True) for _ in range(6)]
    hires_generate(member_ids=[m.id for m in members], year=YEAR, hires_per_member=300, seed=3)
    report = report_publish(report=report_build(year=YEAR))
    return members, report


def shown_small_changes(protected, *, earlier_sources) -> list:
    """Every shown cell whose change since an earlier version fails the primary rule."""
    changes = sup.VersionChanges(current=protected.source, earlier=earlier_sources)
    return [
        (table.spec.key, cell.selection)
        for _, _, table in protected.tables
        if not table.dropped
        for cell in table.shown()
        if cell.selection and changes.reason(scope=table.spec.scope, selection=cell.selection)
    ]


class Built:
    def __init__(self, data, tables):
        self.source = data.source
        self.tables = tables


def test_a_member_joining_between_versions_makes_the_update_wait(version_one):
    _members, v1 = version_one
    newcomer = MemberFactory(is_synthetic=True)
    hires_generate(member_ids=[newcomer.id], year=YEAR, hires_per_member=40, seed=4)
    old = year_input(year=YEAR, submission_ids=v1.submission_ids)
    new = year_input(year=YEAR)

    # Before: built as if version 1 did not exist, version 2 shows cells that moved by 1-10
    # people, all from one employer: subtracting version 1 gives the newcomer's figures.
    naive = Built(new, report_tables_protect(data=new))
    assert shown_small_changes(naive, earlier_sources=[old.source])

    # After: the build audits against version 1; tables whose total moved by one employer
    # wait, and publishing says why.
    v2 = report_build(year=YEAR)
    assert v2.summary["update_waits"] and v2.summary["audited_with_versions"] == [1]
    waiting = v2.tables.filter(dropped_reason=sup.SMALL_CHANGE)
    assert waiting.filter(member__isnull=True).exists()
    with pytest.raises(ReportError, match="update waits"):
        report_publish(report=v2)


def test_three_members_joining_publish_with_no_small_change_shown(version_one):
    _members, v1 = version_one
    joined = [MemberFactory(is_synthetic=True) for _ in range(3)]
    hires_generate(member_ids=[m.id for m in joined], year=YEAR, hires_per_member=150, seed=6)
    old = year_input(year=YEAR, submission_ids=v1.submission_ids)
    new = year_input(year=YEAR)

    v2 = report_build(year=YEAR)
    rebuilt = Built(new, report_tables_protect(data=new, earlier=_earlier(YEAR)))
    assert not shown_small_changes(rebuilt, earlier_sources=[old.source])
    for table in v2.tables.filter(passed=True):
        assert all(entry["protected"] for entry in table.audit["entries"])
    report_publish(report=v2)
    assert TransparencyReport.objects.published().filter(year=YEAR).count() == 2


def _earlier(year):
    from hiringdata.transparency.services import earlier_versions

    return earlier_versions(year=year)


# --- A member opting in between versions -------------------------------------------------------


def test_a_member_opting_in_with_a_corrected_file_is_refused_then_waits(version_one):
    members, v1 = version_one
    member = members[0]
    # The member corrects its file (a few more hires) and opts in to its own tables.
    Submission.objects.filter(member=member, year=YEAR).update(status="superseded")
    hires_generate(member_ids=[member.id], year=YEAR, hires_per_member=306, seed=9)
    member.publish_own_figures = True
    member.save(update_fields=["publish_own_figures"])
    old = year_input(year=YEAR, submission_ids=v1.submission_ids)
    new = year_input(year=YEAR)

    # Before: version 2 alone passes its own audit, but its Alliance cells moved by one
    # employer's correction since version 1.
    naive = Built(new, report_tables_protect(data=new))
    assert shown_small_changes(naive, earlier_sources=[old.source])

    # After: the Alliance tables wait for more change, and publishing says why.
    v2 = report_build(year=YEAR)
    assert v2.summary["update_waits"]
    with pytest.raises(ReportError, match="update waits"):
        report_publish(report=v2)


def test_a_member_opting_in_with_the_same_file_is_audited_across_versions(version_one):
    members, _v1 = version_one
    members[0].publish_own_figures = True
    members[0].save(update_fields=["publish_own_figures"])

    v2 = report_build(year=YEAR)

    assert not v2.summary["update_waits"]
    own = v2.tables.filter(member=members[0])
    assert own.exists()
    for table in v2.tables.filter(passed=True):
        assert all(entry["protected"] for entry in table.audit["entries"])
    report_publish(report=v2)
