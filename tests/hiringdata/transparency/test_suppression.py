"""Disclosure control on crafted tables: primary, complementary, the bounds audit, merges."""

import numpy as np
import pytest

from hiringdata.transparency.suppression import (
    COMPLEMENTARY,
    DOMINANT_EMPLOYER,
    FEW_EMPLOYERS,
    FEW_PEOPLE,
    OTHERS_REVEALED,
    AuditModel,
    Cell,
    CellStats,
    CountsSource,
    Dimension,
    ProtectedTable,
    TableSpec,
    line_rule_holds,
    primary_reason,
    selection_of,
    table_layout,
    table_protect,
    tables_audit,
    tables_protect,
)

ROWS = ("a", "b", "c")
COLS = ("x", "y", "z")
DIMS: dict[str, tuple[str, ...]] = {"r": ROWS, "c": COLS}
SPEC = TableSpec("t", (Dimension("r", ROWS, residual="c"), Dimension("c", COLS, residual="z")))
MODEL = AuditModel(dimensions=DIMS, cliques=(("r", "c"),))


def source_from(values: dict[tuple[str, str], list[int]], employers: int = 4) -> CountsSource:
    """Build per-employer counts: each cell's list gives hires per employer (padded with 0)."""
    counts = np.zeros((employers, len(ROWS), len(COLS)), dtype=np.int64)
    for (r, c), per_employer in values.items():
        for e, hires in enumerate(per_employer):
            counts[e, ROWS.index(r), COLS.index(c)] = hires
    return CountsSource(
        dimensions=DIMS, cliques=(("r", "c"),), employers=list(range(employers)), counts=[counts]
    )


def spread(total: int, employers: int = 4) -> list[int]:
    """Split a cell evenly enough over employers that no employer rule fires."""
    base = [total // employers] * employers
    for i in range(total % employers):
        base[i] += 1
    return base


def sel(**chosen: str):
    return selection_of((d, frozenset([v])) for d, v in chosen.items())


def test_zero_cells_are_never_sensitive():
    assert primary_reason(CellStats(0, 0, 0)) is None


@pytest.mark.parametrize(
    "stats,reason",
    [
        (CellStats(1, 3, 1), FEW_PEOPLE),
        (CellStats(10, 5, 2), FEW_PEOPLE),
        (CellStats(11, 3, 4), None),
        (CellStats(50, 2, 25), FEW_EMPLOYERS),
        (CellStats(50, 4, 40), DOMINANT_EMPLOYER),
        (CellStats(50, 4, 39), None),
    ],
)
def test_primary_rule_thresholds(stats, reason):
    assert primary_reason(stats) == reason


def test_an_opted_in_members_own_table_waives_only_the_employer_rules():
    assert primary_reason(CellStats(50, 1, 50), consent=True) is None
    assert primary_reason(CellStats(7, 1, 7), consent=True) == FEW_PEOPLE


def test_one_dimensional_table_withholds_small_cell_and_a_complement():
    dims = {"r": ROWS}
    counts = np.array([[4, 30, 12]] * 3)  # three employers, identical mix
    counts[:, 0] = [2, 1, 1]
    source = CountsSource(dimensions=dims, cliques=(("r",),), employers=[1, 2, 3], counts=[counts])
    table = table_protect(spec=TableSpec("one", (Dimension("r", ROWS),)), source=source)
    reasons = {dict(cell.selection)["r"]: cell.reason for cell in table.withheld()}
    assert reasons == {frozenset("a"): FEW_PEOPLE, frozenset("c"): COMPLEMENTARY}
    # The complement is the smallest shown cell that brings the withheld sum to 11 or more.
    assert table.cells[()].value == 4 + 90 + 36
    assert tables_audit(tables=[table], model=AuditModel(dims, (("r",),)))


def test_a_zero_cell_is_never_the_second_withheld_cell():
    values = {("a", "x"): spread(5), ("a", "y"): [0, 0, 0, 0], ("a", "z"): spread(40)}
    values |= {(r, c): spread(40) for r in ("b", "c") for c in COLS}
    table = table_protect(spec=SPEC, source=source_from(values))
    assert not table.cells[sel(r="a", c="y")].withheld
    assert table.cells[sel(r="a", c="z")].reason == COMPLEMENTARY
    assert line_rule_holds(cells=table.cells, lines=table.lines)


def test_complementary_suppression_holds_in_every_line():
    values = {(r, c): spread(40) for r in ROWS for c in COLS}
    values[("a", "x")] = spread(3)
    values[("b", "y")] = [50, 0, 0, 0]  # one employer: withheld though big
    table = table_protect(spec=SPEC, source=source_from(values))
    assert table.cells[sel(r="a", c="x")].reason == FEW_PEOPLE
    assert table.cells[sel(r="b", c="y")].reason == FEW_EMPLOYERS
    assert line_rule_holds(cells=table.cells, lines=table.lines)
    assert tables_audit(tables=[table], model=MODEL)
    assert all(entry["protected"] for entry in table.audit)


# A withheld pattern found by searching random tables: every row and column with a withheld
# cell withholds two cells with room (holding 11 more than their count), yet the six cells form
# a cycle through all three rows and columns and the shown totals pin a-x to 1 or 2 people.
LEAKY = {
    ("a", "x"): 2,
    ("a", "y"): 9,
    ("a", "z"): 15,
    ("b", "x"): 12,
    ("b", "y"): 1,
    ("b", "z"): 20,
    ("c", "x"): 11,
    ("c", "y"): 30,
    ("c", "z"): 30,
}
LEAKY_WITHHELD = [("a", "x"), ("a", "z"), ("b", "y"), ("b", "z"), ("c", "x"), ("c", "y")]


def leaky_table() -> ProtectedTable:
    groups = SPEC.initial_groups()
    order, lines = table_layout(groups, ["r", "c"])
    cells = {}
    for selection in order:
        chosen = dict(selection)
        value = sum(
            v
            for (r, c), v in LEAKY.items()
            if r in chosen.get("r", {r}) and c in chosen.get("c", {c})
        )
        cells[selection] = Cell(selection, value)
    for r, c in LEAKY_WITHHELD:
        cells[sel(r=r, c=c)].reason = COMPLEMENTARY
    return ProtectedTable(SPEC, groups, cells, lines)


def test_row_and_column_suppression_can_still_leak_and_the_audit_catches_it():
    table = leaky_table()
    assert line_rule_holds(cells=table.cells, lines=table.lines)

    assert not tables_audit(tables=[table], model=MODEL)

    ax = next(e for e in table.audit if e["cell"] == {"c": ["x"], "r": ["a"]})
    # Withheld cells hold at least one person (readers are told a 0 is never withheld).
    assert (ax["range_low"], ax["range_high"]) == (1.0, 2.0)
    assert ax["exact"] and not ax["protected"]


def test_full_protection_of_the_leaky_table_passes_the_audit():
    values = {cell: spread(v) for cell, v in LEAKY.items()}
    (table,) = tables_protect(specs=[SPEC], source=source_from(values), model=MODEL)
    assert table.passed
    assert all(entry["protected"] for entry in table.audit)
    # Small totals (row b would hold fewer than 11 once merged) are merged, and said so.
    for merge in table.merges:
        assert {"dimension", "merged", "into", "why"} <= set(merge)


def test_small_row_total_is_merged_into_the_residual_group():
    values = {(r, c): spread(40) for r in ("b", "c") for c in COLS}
    values |= {("a", "x"): spread(3), ("a", "y"): spread(2), ("a", "z"): spread(1)}
    table = table_protect(spec=SPEC, source=source_from(values))
    assert table.merges[0]["merged"] == ["a"] and table.merges[0]["into"] == ["c"]
    assert frozenset({"a", "c"}) in table.groups["r"]
    assert table.groups["r"][-1] == frozenset({"a", "c"})


def test_tables_sharing_totals_are_audited_together():
    """A 1-D table shows a total that the 2-D table hides: together they leak."""
    values = {(r, c): spread(40) for r in ROWS for c in COLS}
    source = source_from(values)
    one_way = TableSpec("rows", (Dimension("r", ROWS),))
    t2 = table_protect(spec=SPEC, source=source)
    t1 = table_protect(spec=one_way, source=source)
    # Withhold, by hand, a-x and b-x plus a-y and b-y: fine for the 2-D table on its own ...
    for r in ("a", "b"):
        for c in ("x", "y"):
            t2.cells[sel(r=r, c=c)].reason = COMPLEMENTARY
    assert tables_audit(tables=[t2], model=MODEL)
    # ... and hiding the totals of rows a and b in it too still passes alone; but the 1-D
    # table shows those totals, and the audit over both tables pins them exactly.
    t2.cells[sel(r="a")].reason = COMPLEMENTARY
    t2.cells[sel(r="b")].reason = COMPLEMENTARY
    assert tables_audit(tables=[t2], model=MODEL)
    assert not tables_audit(tables=[t2, t1], model=MODEL)
    entry = next(e for e in t2.audit if e["cell"] == {"r": ["a"]})
    assert entry["range_low"] == entry["range_high"] == 120.0
    assert not entry["protected"]


def test_member_table_withholds_a_cell_that_would_reveal_other_employers():
    # Employer 0 opted in. In column x the only other employer is employer 1: subtracting
    # employer 0's figure from the Alliance figure would show employer 1's number.
    values = {(r, c): spread(40) for r in ROWS for c in ("y", "z")}
    values[("a", "x")] = [20, 30, 0, 0]
    table = table_protect(
        spec=TableSpec("own", (Dimension("c", COLS),), scope=0), source=source_from(values)
    )
    assert table.cells[sel(c="x")].reason == OTHERS_REVEALED
    assert table.cells[sel(c="y")].reason == COMPLEMENTARY
    assert table.cells[sel(c="z")].reason is None


def test_joint_audit_of_member_and_alliance_tables_uses_parts():
    values = {(r, c): spread(40) for r in ROWS for c in COLS}
    source = source_from(values)
    member = TableSpec("own", (Dimension("c", COLS),), scope=0)
    model = AuditModel(dimensions=DIMS, cliques=(("r", "c"),), parts=(0, "__rest__"))
    tables = tables_protect(specs=[SPEC, member], source=source, model=model)
    assert all(table.passed for table in tables)
    own = tables[1]
    assert own.cells[()].value == sum(spread(40)[0] for _ in range(9))


def test_identical_input_gives_identical_output():
    values = {cell: spread(v) for cell, v in LEAKY.items()}

    def run():
        (table,) = tables_protect(specs=[SPEC], source=source_from(values), model=MODEL)
        return (
            [(c.selection, c.value, c.reason) for c in table.cells.values()],
            table.merges,
            table.audit,
        )

    assert run() == run()


def test_others_revealed_counts_every_published_member_at_once():
    # Employers 0 and 1 both publish their own figures. Taking away employer 0 alone leaves
    # three employers in column x; taking away both leaves two, too few to hide behind.
    values = {(r, c): spread(40) for r in ROWS for c in ("y", "z")}
    values[("a", "x")] = [20, 25, 30, 35]
    source = source_from(values)
    alone = TableSpec("own", (Dimension("c", COLS),), scope=0)
    together = TableSpec("own", (Dimension("c", COLS),), scope=0, published_members=(0, 1))
    assert table_protect(spec=alone, source=source).cells[sel(c="x")].reason is None
    assert table_protect(spec=together, source=source).cells[sel(c="x")].reason == OTHERS_REVEALED


# Found by searching random 4 x 4 tables: our own primary and complementary suppression leaves
# a withheld cell the audit can narrow below 11; merging one column fixes it.
R4, C4 = ("a", "b", "c", "d"), ("x", "y", "z", "w")
LEAKS_AFTER_SUPPRESSION = {
    ("a", "x"): 3, ("a", "y"): 15, ("a", "z"): 40, ("a", "w"): 12,
    ("b", "x"): 2, ("b", "y"): 15, ("b", "z"): 0, ("b", "w"): 2,
    ("c", "x"): 25, ("c", "y"): 15, ("c", "z"): 15, ("c", "w"): 40,
    ("d", "x"): 0, ("d", "y"): 1, ("d", "z"): 2, ("d", "w"): 12,
}  # fmt: skip


def test_when_suppression_itself_leaks_the_audit_merges_a_category():
    counts = np.zeros((4, 4, 4), dtype=np.int64)
    for (r, c), hires in LEAKS_AFTER_SUPPRESSION.items():
        for i in range(hires):  # hires dealt round-robin to four employers
            counts[i % 4, R4.index(r), C4.index(c)] += 1
    dims = {"r": R4, "c": C4}
    source = CountsSource(
        dimensions=dims, cliques=(("r", "c"),), employers=[0, 1, 2, 3], counts=[counts]
    )
    model = AuditModel(dimensions=dims, cliques=(("r", "c"),))
    spec = TableSpec("t4", (Dimension("r", R4, residual="d"), Dimension("c", C4, residual="w")))

    suppressed = table_protect(spec=spec, source=source)
    assert line_rule_holds(cells=suppressed.cells, lines=suppressed.lines)
    assert not tables_audit(tables=[suppressed], model=model)

    (protected,) = tables_protect(specs=[spec], source=source, model=model)
    assert protected.passed
    assert [m["why"] for m in protected.merges] == ["audit"]
    assert protected.merges[0]["dimension"] == "c" and protected.merges[0]["into"] == ["w"]
