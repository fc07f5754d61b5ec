"""Disclosure control for published hiring tables: primary, complementary, and the bounds audit.

The rule (docs/transparency-disclosure-rule.md, DESIGN.md "Publishing aggregates without
exposing people") in code. Nothing here touches the database: a table is described by its
dimensions and category groups, its figures come from a ``StatsSource``, and the audit solves a
small linear program per withheld cell over every table built from the same data, together.

Vocabulary:
- a *base category* is a value in the data (``asian``); a *group* is a set of base categories
  shown as one row or column (a merge makes bigger groups);
- a *cell* is identified by its scope (``None`` for Alliance-wide, else a member id) and a
  selection ``{dimension: group}``; a total is a cell with fewer dimensions selected;
- a *line* is a shown total and the cells that add up to it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Protocol

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix, vstack
from scipy.sparse.csgraph import connected_components

MIN_PEOPLE = 11  # a shown cell holds 0 or at least this many people
MIN_EMPLOYERS = 3  # ... from at least this many employers
DOMINANCE_SHARE = 0.8  # ... none of whom supplies this share or more
MIN_RANGE = 11  # a withheld cell may not be narrowed to a range narrower than this
MAX_ROUNDS = 40  # merge-and-retry rounds before a table is dropped

# Why a cell is withheld: codes stored with the report; pages turn them into sentences.
FEW_PEOPLE = "few_people"
FEW_EMPLOYERS = "few_employers"
DOMINANT_EMPLOYER = "dominant_employer"
COMPLEMENTARY = "complementary"
OTHERS_REVEALED = "others_revealed"
# The cell changed by too few people (or employers) since an earlier public version.
SMALL_CHANGE = "small_change"
REASONS = (
    FEW_PEOPLE,
    FEW_EMPLOYERS,
    DOMINANT_EMPLOYER,
    COMPLEMENTARY,
    OTHERS_REVEALED,
    SMALL_CHANGE,
)
# What every withheld cell says in public: one reason for all, true of each of them. Telling
# "fewer than 11 people" from the other reasons would tell a reader which withheld cells hold
# 1-10 and which 11 or more (docs/transparency-disclosure-rule.md, "What a reader can know").
PROTECTED = "protected"
CURRENT = "current"  # the version being built, in an audit across versions

Group = frozenset[str]
Selection = tuple[tuple[str, Group], ...]  # sorted by dimension, hashable


@dataclass(frozen=True)
class CellStats:
    """What primary suppression needs to know about one cell (never published itself)."""

    hires: int
    employers: int
    top_employer_hires: int


def primary_reason(stats: CellStats, *, consent: bool = False) -> str | None:
    """Return why a cell must be withheld on its own, or None; zero cells are never sensitive.

    ``consent``: the table is one member's own figures, published because it opted in, so the
    rules that protect employers (how many contribute, whether one dominates) are waived; the
    rule that protects people is not.
    """
    if stats.hires == 0:
        return None
    if stats.hires < MIN_PEOPLE:
        return FEW_PEOPLE
    if consent:
        return None
    if stats.employers < MIN_EMPLOYERS:
        return FEW_EMPLOYERS
    if stats.top_employer_hires >= DOMINANCE_SHARE * stats.hires:
        return DOMINANT_EMPLOYER
    return None


def change_reason(changes: np.ndarray) -> str | None:
    """Return SMALL_CHANGE when a cell's change since an earlier version fails the primary rule.

    ``changes`` holds each employer's change in the cell. The change a reader sees is their
    sum: it must be 0, or 11 or more people, from 3 or more employers, none of whom makes 80 %
    or more of the change.
    """
    seen = abs(int(changes.sum()))
    if seen == 0:
        return None
    moved = np.abs(changes)
    if (
        seen < MIN_PEOPLE
        or np.count_nonzero(moved) < MIN_EMPLOYERS
        or moved.max() >= DOMINANCE_SHARE * moved.sum()
    ):
        return SMALL_CHANGE
    return None


def others_reason(rest: CellStats) -> str | None:
    """Return a reason when what is left after removing one member's figure exposes others."""
    if rest.hires == 0:
        return None
    return OTHERS_REVEALED if primary_reason(rest) else None


class StatsSource(Protocol):
    def stats(
        self, *, scope: Hashable | None, selection: Selection, exclude: tuple[Hashable, ...] = ()
    ) -> CellStats:
        """Return the figures of one cell (``exclude``: leave those members out)."""
        ...


@dataclass(frozen=True)
class Dimension:
    """A variable a table is split by, with its base categories in display order."""

    key: str
    categories: tuple[str, ...]
    # Where small groups go when merged (e.g. "not_disclosed"); None: merge with the smallest.
    residual: str | None = None
    # A category no other group is merged into (e.g. "no credential": a credential counted
    # with it would read as if its holders held none).
    apart: str | None = None


@dataclass(frozen=True)
class TableSpec:
    """What to publish: one or two dimensions, Alliance-wide or one member's own figures."""

    key: str
    dimensions: tuple[Dimension, ...]
    scope: Hashable | None = None
    # Starting groups per dimension (e.g. pathways grouped into degree / non-degree);
    # by default every base category is its own group.
    groups: dict[str, tuple[Group, ...]] = field(default_factory=dict)
    # Every member whose own tables are published this year (for the "others revealed" rule).
    published_members: tuple[Hashable, ...] = ()

    def initial_groups(self) -> dict[str, tuple[Group, ...]]:
        return {
            dim.key: self.groups.get(dim.key) or tuple(frozenset([c]) for c in dim.categories)
            for dim in self.dimensions
        }


def selection_of(pairs: Iterable[tuple[str, Group]]) -> Selection:
    return tuple(sorted(pairs, key=lambda pair: pair[0]))


@dataclass
class Cell:
    """One number of a protected table: shown (``value``) or withheld (``reason``)."""

    selection: Selection
    value: int
    reason: str | None = None

    @property
    def withheld(self) -> bool:
        return self.reason is not None


@dataclass
class ProtectedTable:
    """A table after suppression: its groups, every cell, what was merged, and the audit."""

    spec: TableSpec
    groups: dict[str, tuple[Group, ...]]
    cells: dict[Selection, Cell]
    lines: list[tuple[Selection, list[Selection]]]
    merges: list[dict[str, object]] = field(default_factory=list)
    dropped: str | None = None  # why the whole table is not published
    audit: list[dict[str, object]] = field(default_factory=list)
    # Which version of the year's data the table shows (earlier public versions are audited
    # together with the one being built).
    version: Hashable = CURRENT
    # False: every withheld cell says PROTECTED in public (what builds publish); True: each says
    # its own reason (versions published before one reason served for all, read from JSON).
    reasons_shown: bool = False

    @property
    def passed(self) -> bool:
        return self.dropped is None and all(entry["protected"] for entry in self.audit)

    def shown(self) -> Iterable[Cell]:
        return (cell for cell in self.cells.values() if not cell.withheld)

    def withheld(self) -> Iterable[Cell]:
        return (cell for cell in self.cells.values() if cell.withheld)


class Unprotectable(Exception):
    """Complementary suppression found no way to protect a line (carries the dimension)."""

    def __init__(self, dimension: str | None) -> None:
        super().__init__(dimension)
        self.dimension = dimension


def table_layout(
    groups: dict[str, tuple[Group, ...]], dims: Sequence[str]
) -> tuple[list[Selection], list[tuple[Selection, list[Selection]]]]:
    """Return every cell of the table (interior, margins, grand total) and its lines."""
    grand: Selection = ()
    if len(dims) == 1:
        (d,) = dims
        inner = [selection_of([(d, g)]) for g in groups[d]]
        return [*inner, grand], [(grand, inner)]
    if len(dims) != 2:
        raise ValueError("tables have one or two dimensions")
    d1, d2 = dims
    rows = [selection_of([(d1, g)]) for g in groups[d1]]
    cols = [selection_of([(d2, g)]) for g in groups[d2]]
    inner = [selection_of([(d1, g1), (d2, g2)]) for g1 in groups[d1] for g2 in groups[d2]]
    lines = [
        (
            selection_of([(d1, g1)]),
            [selection_of([(d1, g1), (d2, g2)]) for g2 in groups[d2]],
        )
        for g1 in groups[d1]
    ]
    lines += [
        (
            selection_of([(d2, g2)]),
            [selection_of([(d1, g1), (d2, g2)]) for g1 in groups[d1]],
        )
        for g2 in groups[d2]
    ]
    lines += [(grand, rows), (grand, cols)]
    return [*inner, *rows, *cols, grand], lines


def _cell_reason(
    *, spec: TableSpec, selection: Selection, stats: CellStats, source: StatsSource
) -> str | None:
    if spec.scope is None:
        return primary_reason(stats)
    reason = primary_reason(stats, consent=True)
    if reason or stats.hires == 0:
        return reason
    # Everyone else: the Alliance figure minus every member whose own figures are published,
    # since a reader could subtract all of them at once.
    rest = source.stats(
        scope=None, selection=selection, exclude=tuple({spec.scope, *spec.published_members})
    )
    return others_reason(rest)


def _merge(
    groups: dict[str, tuple[Group, ...]],
    *,
    dim: Dimension,
    group: Group,
    sizes: dict[Group, int],
) -> tuple[dict[str, tuple[Group, ...]], dict[str, object]] | None:
    """Merge ``group`` into the residual group of ``dim`` (or its smallest neighbour)."""
    current = list(groups[dim.key])
    if len(current) < 3:
        return None  # merging would leave a single group: nothing left to split by
    others = [g for g in current if g != group]
    if dim.apart is not None and any(dim.apart not in g for g in others):
        others = [g for g in others if dim.apart not in g]
    target = next((g for g in others if dim.residual in g), None)
    if target is None:
        # The group is the residual itself, or there is none: join the smallest other group.
        target = min(others, key=lambda g: (sizes.get(g, 0), current.index(g)))
    merged = target | group
    position = min(current.index(target), current.index(group))
    new = [g for g in current if g not in (target, group)]
    new.insert(position, merged)
    # Keep the residual group last so pages read "... and another group" at the end.
    if dim.residual in merged and merged in new:
        new.remove(merged)
        new.append(merged)
    record: dict[str, object] = {
        "dimension": dim.key,
        "merged": sorted(group),
        "into": sorted(target),
    }
    return {**groups, dim.key: tuple(new)}, record


def _merge_recorded(
    groups: dict[str, tuple[Group, ...]],
    *,
    dim: Dimension,
    group: Group,
    stats: dict[Selection, CellStats],
    why: str,
) -> tuple[dict[str, tuple[Group, ...]], dict[str, object]] | None:
    """Merge a group of one table (sizes from its margins) and record why."""
    sizes = {g: stats[selection_of([(dim.key, g)])].hires for g in groups[dim.key]}
    merged = _merge(groups, dim=dim, group=group, sizes=sizes)
    if merged is None:
        return None
    new_groups, record = merged
    return new_groups, {**record, "why": why}


class VersionChanges:
    """Each employer's change in a cell since each earlier public version of the year."""

    def __init__(self, *, current: CountsSource, earlier: Sequence[CountsSource]) -> None:
        self.current = current
        self.earlier = list(earlier)
        employers = list(
            dict.fromkeys([*current.employers, *(e for o in earlier for e in o.employers)])
        )
        self.size = len(employers)
        position = {e: i for i, e in enumerate(employers)}
        self._index = [
            np.array([position[e] for e in source.employers], dtype=np.int64)
            for source in (current, *earlier)
        ]
        self._position = position

    def _vector(self, k: int, source: CountsSource, selection: Selection) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.int64)
        if source.employers:
            out[self._index[k]] = source.per_employer(selection)
        return out

    def reason(self, *, scope: Hashable | None, selection: Selection) -> str | None:
        now = self._vector(0, self.current, selection)
        for k, old in enumerate(self.earlier, start=1):
            changes = now - self._vector(k, old, selection)
            if scope is not None:
                # A member's own table: the member consented, so only the people rule applies.
                changes = (
                    changes[[self._position[scope]]] if scope in self._position else changes[:0]
                )
                seen = abs(int(changes.sum()))
                if 0 < seen < MIN_PEOPLE:
                    return SMALL_CHANGE
                continue
            if change_reason(changes):
                return SMALL_CHANGE
        return None


def table_protect(
    *,
    spec: TableSpec,
    source: StatsSource,
    groups: dict[str, tuple[Group, ...]] | None = None,
    merges: list[dict[str, object]] | None = None,
    changes: VersionChanges | None = None,
) -> ProtectedTable:
    """Apply primary and complementary suppression, merging categories where it must.

    With ``changes``, a cell whose change since an earlier public version fails the primary
    rule is withheld too; a table whose grand total changed that little waits ("small_change").
    """
    groups = dict(groups or spec.initial_groups())
    merges = list(merges or [])
    dims = {d.key: d for d in spec.dimensions}
    dim_keys = [d.key for d in spec.dimensions]
    consent = spec.scope is not None
    for _ in range(MAX_ROUNDS):
        cells_order, lines = table_layout(groups, dim_keys)
        stats = {sel: source.stats(scope=spec.scope, selection=sel) for sel in cells_order}
        grand = stats[()]
        grand_reason = primary_reason(grand, consent=consent)
        if grand.hires == 0 or grand_reason:
            return ProtectedTable(spec, groups, {}, [], merges, dropped=grand_reason or "no_data")
        if changes is not None and changes.reason(scope=spec.scope, selection=()):
            return ProtectedTable(spec, groups, {}, [], merges, dropped=SMALL_CHANGE)
        # In a two-way table the row and column totals are shown, so they must pass on their
        # own; a total that fails is merged into a bigger group rather than withheld.
        to_merge: tuple[str, Group, str] | None = None
        if len(dim_keys) == 2:
            failing = [
                sel
                for sel in cells_order
                if len(sel) == 1
                and _cell_reason(spec=spec, selection=sel, stats=stats[sel], source=source)
            ]
            if failing:
                to_merge = (*failing[0][0], "small_total")
        if to_merge is None:
            cells = {
                sel: Cell(
                    sel,
                    stats[sel].hires,
                    _cell_reason(spec=spec, selection=sel, stats=stats[sel], source=source),
                )
                for sel in cells_order
            }
            if changes is not None:
                for sel, cell in cells.items():
                    if sel and not cell.withheld:
                        cell.reason = changes.reason(scope=spec.scope, selection=sel)
                if any(c.withheld and not c.value for c in cells.values()):
                    # A cell emptied by a small change cannot be withheld (withheld cells are
                    # never 0, and readers are told so): the update waits.
                    return ProtectedTable(spec, groups, {}, [], merges, dropped=SMALL_CHANGE)
            try:
                complementary_suppress(cells=cells, lines=lines)
            except Unprotectable as problem:
                dim_key = problem.dimension or dim_keys[0]
                withheld_groups = [
                    g
                    for g in groups[dim_key]
                    if any(
                        c.withheld and dict(c.selection).get(dim_key) == g for c in cells.values()
                    )
                ]
                group = withheld_groups[0] if withheld_groups else groups[dim_key][0]
                to_merge = (dim_key, group, "unprotectable")
            else:
                return ProtectedTable(spec, groups, cells, lines, merges)
        dim_key, group, why = to_merge
        merged = _merge_recorded(groups, dim=dims[dim_key], group=group, stats=stats, why=why)
        if merged is None:
            dropped = "too_few_groups" if why == "small_total" else "unprotectable"
            return ProtectedTable(spec, groups, {}, [], merges, dropped=dropped)
        groups, record = merged
        merges.append(record)
    return ProtectedTable(spec, groups, {}, [], merges, dropped="unprotectable")


def complementary_suppress(
    *, cells: dict[Selection, Cell], lines: list[tuple[Selection, list[Selection]]]
) -> None:
    """Withhold more cells until every line with a shown total hides 0, or 2+ with room.

    Room: k withheld cells of a line, each at least 1, hold together at least MIN_RANGE + k,
    so the line alone leaves each of them a range of MIN_RANGE.

    Complements are the smallest non-zero shown cells (a zero cell is never chosen: it would
    protect nothing). A line with no candidate left withholds its own total, which then needs
    protecting in the line above it; the grand total is never withheld.
    """
    changed = True
    while changed:
        changed = False
        for total, members in lines:
            if cells[total].withheld:
                continue
            hidden = [cells[m] for m in members if cells[m].withheld]
            if not hidden:
                continue
            while len(hidden) < 2 or sum(c.value for c in hidden) < MIN_RANGE + len(hidden):
                candidates = [cells[m] for m in members if not cells[m].withheld and cells[m].value]
                if not candidates:
                    if total == ():
                        raise Unprotectable(_line_dimension(members))
                    cells[total].reason = COMPLEMENTARY
                    changed = True
                    break
                # One more cell adds its value and raises the bar by one.
                missing = MIN_RANGE + len(hidden) + 1 - sum(c.value for c in hidden)
                enough = [c for c in candidates if c.value >= missing]
                # Smallest cell that finishes the job, else the biggest to get closest.
                pick = (
                    min(enough, key=lambda c: c.value)
                    if enough
                    else max(candidates, key=lambda c: c.value)
                )
                pick.reason = COMPLEMENTARY
                hidden.append(pick)
                changed = True


def _line_dimension(members: list[Selection]) -> str | None:
    dims = {d for sel in members for d, _ in sel}
    varying = [d for d in sorted(dims) if len({dict(sel).get(d) for sel in members}) > 1]
    return varying[0] if varying else None


def line_rule_holds(
    *, cells: dict[Selection, Cell], lines: list[tuple[Selection, list[Selection]]]
) -> bool:
    """Check the complementary rule on every line whose total is shown."""
    for total, members in lines:
        if cells[total].withheld:
            continue
        hidden = [cells[m] for m in members if cells[m].withheld]
        if hidden and (len(hidden) < 2 or sum(c.value for c in hidden) < MIN_RANGE + len(hidden)):
            return False
    return True


# --- The audit: how far can an attacker narrow each withheld cell from everything shown? ---


@dataclass(frozen=True)
class AuditModel:
    """The shape of the data every table of one year is built from.

    ``cliques`` are the sets of dimensions that appear together in some table. The tables'
    dimension sets must form a tree (each clique shares dimensions with the others only through
    one clique), which holds for the report's tables; then it is exact to model each clique as
    its own non-negative cells and require the cliques to agree where they overlap.
    ``parts`` split the hires by employer: one part per member whose own figures are published,
    and one for everyone else, so a member's table and the Alliance table are audited together.
    ``presence`` (one set per part) says which versions of the year hold that part's hires:
    hires from a submission that two public versions both used are the same unknowns in both,
    which is what a reader comparing versions exploits. By default every part is in CURRENT.
    """

    dimensions: dict[str, tuple[str, ...]]
    cliques: tuple[tuple[str, ...], ...]
    parts: tuple[Hashable, ...] = (None,)
    presence: tuple[frozenset[Hashable], ...] = ()

    def versions_of(self, index: int) -> frozenset[Hashable]:
        return self.presence[index] if self.presence else frozenset([CURRENT])


REST = "__rest__"  # the part holding every employer whose own figures are not published


class CountsSource:
    """Cell figures from per-employer counts: one array per clique, employers on axis 0."""

    def __init__(
        self,
        *,
        dimensions: dict[str, tuple[str, ...]],
        cliques: tuple[tuple[str, ...], ...],
        employers: Sequence[Hashable],
        counts: Sequence[np.ndarray],
    ) -> None:
        self.dimensions = dimensions
        self.cliques = cliques
        self.employers = list(employers)
        self.position = {e: i for i, e in enumerate(self.employers)}
        self.counts = counts
        self._cache: dict[tuple[Hashable, Selection, Hashable], CellStats] = {}

    def per_employer(self, selection: Selection) -> np.ndarray:
        """Return each employer's hires in the cell."""
        chosen = dict(selection)
        q = next(q for q, clique in enumerate(self.cliques) if set(chosen) <= set(clique))
        array = self.counts[q]
        for axis, dim in enumerate(self.cliques[q], start=1):
            if dim in chosen:
                keep = [i for i, c in enumerate(self.dimensions[dim]) if c in chosen[dim]]
                array = np.take(array, keep, axis=axis)
        return array.reshape(array.shape[0], -1).sum(axis=1)

    def stats(
        self, *, scope: Hashable | None, selection: Selection, exclude: tuple[Hashable, ...] = ()
    ) -> CellStats:
        key = (scope, selection, exclude)
        if key not in self._cache:
            values = self.per_employer(selection)
            if scope is not None:
                values = values[[self.position[scope]]]
            elif exclude:
                values = values.copy()
                values[[self.position[e] for e in exclude]] = 0
            self._cache[key] = CellStats(
                hires=int(values.sum()),
                employers=int(np.count_nonzero(values)),
                top_employer_hires=int(values.max()) if len(values) else 0,
            )
        return self._cache[key]

    def parts_counts(self, parts: Sequence[Hashable]) -> list[np.ndarray]:
        """Return counts per clique with employers folded into parts (others into REST)."""
        folded = []
        for array in self.counts:
            out = np.zeros((len(parts), *array.shape[1:]), dtype=array.dtype)
            part_index = {p: i for i, p in enumerate(parts)}
            rest = part_index.get(REST)
            for e, employer in enumerate(self.employers):
                target = part_index.get(employer, rest)
                if target is not None:
                    out[target] += array[e]
            folded.append(out)
        return folded


def reader_bounds(reason: str | None) -> tuple[float, float]:
    """What the page's words tell a reader about a withheld cell: its lowest and highest value.

    Every withheld cell holds at least one person (zeros are never withheld). "Fewer than 11
    people" says 1-10. Any other rule's own reason says 11 or more: those rules only look at
    cells that passed the people rule. The one reason for all (PROTECTED), and a small change
    since an earlier version, say nothing more than "at least one".
    """
    if reason == FEW_PEOPLE:
        return 1.0, float(MIN_PEOPLE - 1)
    if reason in (FEW_EMPLOYERS, DOMINANT_EMPLOYER, COMPLEMENTARY, OTHERS_REVEALED):
        return float(MIN_PEOPLE), np.inf
    return 1.0, np.inf


def reader_protected(reason: str | None, low: float, high: float) -> bool:
    """The bar: a "fewer than 11" cell keeps all of 1-10; any other keeps MIN_RANGE values."""
    if reason == FEW_PEOPLE:
        return low <= 1 + 1e-6 and high >= MIN_PEOPLE - 1 - 1e-6
    return high - low >= MIN_RANGE - 1e-6


class _LinearSystem:
    """Atoms (non-negative unknowns) and what a reader knows of them, kept sparse.

    Equations: every shown number (zeros included) and the agreement of cliques. Inequalities:
    every withheld cell holds at least one person (the page says so: a 0 is never withheld).
    """

    def __init__(self, model: AuditModel) -> None:
        self.model = model
        self.size = 0
        # Per clique: first atom index, and for each atom its part and category positions.
        self._cliques: list[tuple[int, np.ndarray, list[np.ndarray]]] = []
        for clique in model.cliques:
            shape = [len(model.dimensions[d]) for d in clique]
            combos = int(np.prod(shape)) if shape else 1
            grid = np.indices((len(model.parts), *shape)).reshape(len(shape) + 1, -1)
            self._cliques.append((self.size, grid[0], list(grid[1:])))
            self.size += len(model.parts) * combos
        self._cols: list[np.ndarray] = []
        self._vals: list[np.ndarray] = []
        self.rhs: list[float] = []
        # Withheld cells: their atoms and what the page tells of them (lowest, highest).
        self.withheld: list[tuple[np.ndarray, float, float]] = []
        # Other published figures as inequalities: atoms, coefficients, upper bound.
        self._relations: list[tuple[np.ndarray, np.ndarray, float]] = []
        self._consistency()

    def part_atoms(self, q: int, part: int) -> np.ndarray:
        """Return the atoms of one part in one clique, in the clique array's C order."""
        start, parts, _ = self._cliques[q]
        return start + np.flatnonzero(parts == part)

    def _parts_for(self, *, scope: Hashable | None, version: Hashable) -> np.ndarray:
        return np.array(
            [
                i
                for i, owner in enumerate(self.model.parts)
                if (scope is None or owner == scope) and version in self.model.versions_of(i)
            ],
            dtype=np.int64,
        )

    def _atoms_in(self, q: int, parts_wanted: np.ndarray, selection: Selection) -> np.ndarray:
        start, parts, cats = self._cliques[q]
        clique = self.model.cliques[q]
        # Boolean lookups indexed by each atom's positions: fast for thousands of cells.
        part_ok = np.zeros(len(self.model.parts), dtype=bool)
        part_ok[parts_wanted] = True
        mask = part_ok[parts]
        for dim, group in selection:
            categories = self.model.dimensions[dim]
            cat_ok = np.fromiter(
                (c in group for c in categories), dtype=bool, count=len(categories)
            )
            mask &= cat_ok[cats[clique.index(dim)]]
        return start + np.flatnonzero(mask)

    def expression(
        self, *, scope: Hashable | None, selection: Selection, version: Hashable = CURRENT
    ) -> np.ndarray:
        """Return the atom indices that add up to one cell of one version."""
        chosen = {d for d, _ in selection}
        q = next((q for q, c in enumerate(self.model.cliques) if chosen <= set(c)), None)
        if q is None:
            raise ValueError(f"no clique holds {sorted(chosen)}")
        return self._atoms_in(q, self._parts_for(scope=scope, version=version), selection)

    def _consistency(self) -> None:
        cliques = self.model.cliques
        for a in range(len(cliques)):
            for b in range(a + 1, len(cliques)):
                shared = [d for d in cliques[a] if d in cliques[b]]
                for part in range(len(self.model.parts)):
                    only = np.array([part], dtype=np.int64)
                    for combo in product(*(self.model.dimensions[d] for d in shared)):
                        selection = selection_of(
                            (d, frozenset([c])) for d, c in zip(shared, combo, strict=True)
                        )
                        self.add(
                            self._atoms_in(a, only, selection),
                            0.0,
                            minus=self._atoms_in(b, only, selection),
                        )

    def add(self, plus: np.ndarray, value: float, minus: np.ndarray | None = None) -> None:
        minus = minus if minus is not None else np.zeros(0, dtype=np.int64)
        self._cols.append(np.concatenate([plus, minus]))
        self._vals.append(np.concatenate([np.ones(len(plus)), -np.ones(len(minus))]))
        self.rhs.append(value)

    def relate(self, terms: list[tuple[np.ndarray, float]], low: float, high: float) -> None:
        """low <= sum(coef * cell) <= high, kept as two upper bounds."""
        cols = np.concatenate([expr for expr, _ in terms])
        vals = np.concatenate([np.full(len(expr), coef) for expr, coef in terms])
        self._relations.append((cols, -vals, -low))
        self._relations.append((cols, vals, high))

    def matrix(self) -> tuple[csr_matrix, np.ndarray]:
        return _sparse_rows(self._cols, self._vals, self.size), np.array(self.rhs)

    def withheld_matrix(self) -> tuple[csr_matrix, np.ndarray]:
        """-expr <= -low and expr <= high for every withheld cell (linprog takes upper bounds)."""
        cols: list[np.ndarray] = []
        vals: list[np.ndarray] = []
        rhs: list[float] = []
        for expr, low, high in self.withheld:
            cols.append(expr)
            vals.append(-np.ones(len(expr)))
            rhs.append(-low)
            if np.isfinite(high):
                cols.append(expr)
                vals.append(np.ones(len(expr)))
                rhs.append(high)
        for relation_cols, relation_vals, bound in self._relations:
            cols.append(relation_cols)
            vals.append(relation_vals)
            rhs.append(bound)
        return _sparse_rows(cols, vals, self.size), np.array(rhs)


def _sparse_rows(cols: list[np.ndarray], vals: list[np.ndarray], size: int) -> csr_matrix:
    rows = np.concatenate(
        [np.full(len(c), i, dtype=np.int64) for i, c in enumerate(cols)]
        or [np.zeros(0, dtype=np.int64)]
    )
    flat_cols = np.concatenate(cols or [np.zeros(0, dtype=np.int64)])
    flat_vals = np.concatenate(vals or [np.zeros(0)])
    return csr_matrix((flat_vals, (rows, flat_cols)), shape=(len(cols), size))


def _components(
    rows: csr_matrix, targets: list[np.ndarray], ids: list[int]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Group the targets by the connected piece of the system that holds them.

    Two atoms are connected when a row (an equation, or a withheld cell's "at least one")
    names both. Pieces are independent linear programs; a piece without withheld cells cannot
    move any of them, so it is never solved. Returns, per piece, its targets and its atoms.
    """
    incidence = rows.copy().tocsr()
    incidence.data[:] = 1
    graph = (incidence.T @ incidence).tocsr()
    _, labels = connected_components(graph, directed=False)
    pieces: dict[int, list[int]] = {}
    for k, expr in zip(ids, targets, strict=True):
        pieces.setdefault(int(labels[expr[0]]), []).append(k)
    return [
        (np.array(members), np.flatnonzero(labels == label)) for label, members in pieces.items()
    ]


@dataclass(frozen=True)
class Relation:
    """Something else published that ties cells together: low <= sum(coef * cell) <= high.

    A term is (scope, selection, version, coefficient). A year-over-year change in points,
    100 * b / B - 100 * a / A with the totals A and B shown, is one: its terms are the two
    cells with coefficients 100 / B and -100 / A, and its bounds the shown change plus or
    minus the rounding.
    """

    terms: tuple[tuple[Hashable | None, Selection, Hashable, float], ...]
    low: float
    high: float


def tables_audit(
    *,
    tables: Sequence[ProtectedTable],
    model: AuditModel,
    earlier: Sequence[ProtectedTable] = (),
    known: dict[int, list[np.ndarray]] | None = None,
    relations: Sequence[Relation] = (),
) -> bool:
    """Bound every withheld cell of every table from all that a reader has, together.

    What a reader has: every shown number of every table of the year (zeros too), of this
    version and of every ``earlier`` public version; that cells are whole numbers of people,
    never negative; and that every withheld cell holds at least one person. Fills each table's
    ``audit`` with one entry per withheld cell: the range the cell can take, and whether it is
    at least MIN_RANGE wide. Withheld cells of earlier versions are bounded too (a new version
    must not narrow them). Returns True when every cell is protected.

    Every feasible solution the solver returns is a set of values consistent with what is
    published, so a cell already seen spanning MIN_RANGE is protected without its own solve;
    the others get their exact minimum and maximum.

    ``known``: the true hires of parts owned by opted-in members (part index -> one array per
    clique). A part whose owner has no withheld cell in any table is fixed at its true values
    before solving. That only takes solutions away, so every range found is still one the
    reader cannot narrow (sound), and the program shrinks to the parts that matter: at 1,000
    members, everyone else's part instead of 51 parts.

    ``relations``: other published figures that tie cells together (a year-over-year change
    across two years' tables, whose versions the model's parts must then hold).
    """
    system = _LinearSystem(model)
    for relation in relations:
        system.relate(
            [
                (system.expression(scope=scope, selection=sel, version=version), coef)
                for scope, sel, version, coef in relation.terms
            ],
            relation.low,
            relation.high,
        )
    targets: list[tuple[ProtectedTable, Cell, np.ndarray]] = []
    for table in [*tables, *earlier]:
        if table.dropped:
            continue  # keeps the audit that dropped it, for staff to read
        table.audit = []
        scope = table.spec.scope
        for cell in table.cells.values():
            expr = system.expression(scope=scope, selection=cell.selection, version=table.version)
            if cell.withheld:
                targets.append((table, cell, expr))
                shown = cell.reason if table.reasons_shown else PROTECTED
                system.withheld.append((expr, *reader_bounds(shown)))
            else:
                system.add(expr, float(cell.value))
    if not targets:
        return True
    a_eq, b_eq = system.matrix()
    a_ub, b_ub = system.withheld_matrix()
    objectives = _sparse_rows(
        [e for _, _, e in targets], [np.ones(len(e)) for _, _, e in targets], system.size
    )
    fixed = np.zeros(system.size, dtype=bool)
    values_fixed = np.zeros(system.size)
    with_withheld = {table.spec.scope for table, _, _ in targets}
    for part, arrays in (known or {}).items():
        if model.parts[part] in with_withheld:
            continue
        for q, array in enumerate(arrays):
            atoms = system.part_atoms(q, part)
            fixed[atoms] = True
            values_fixed[atoms] = array.ravel()
    free = np.flatnonzero(~fixed)
    b_eq = b_eq - a_eq @ values_fixed
    b_ub = b_ub - a_ub @ values_fixed
    offset = objectives @ values_fixed
    a_eq, a_ub, objectives = a_eq[:, free], a_ub[:, free], objectives[:, free]
    renumber = np.full(system.size, -1, dtype=np.int64)
    renumber[free] = np.arange(len(free))
    free_exprs = [renumber[e][renumber[e] >= 0] for _, _, e in targets]
    # Start from nothing: the stored ranges come from solutions alone, never from true values.
    seen_low = np.full(len(targets), np.inf)
    seen_high = np.full(len(targets), -np.inf)
    shown_as = [cell.reason if table.reasons_shown else PROTECTED for table, cell, _ in targets]

    def settled(k: int) -> bool:
        return reader_protected(shown_as[k], seen_low[k], seen_high[k])

    exact_low = [False] * len(targets)
    exact_high = [False] * len(targets)
    for k, expr in enumerate(free_exprs):
        if not len(expr):  # every atom fixed: the cell is known
            seen_low[k] = seen_high[k] = offset[k]
    solvable = [k for k, expr in enumerate(free_exprs) if len(expr)]
    for members, atoms in _components(
        vstack([a_eq, a_ub]).tocsr(), [free_exprs[k] for k in solvable], solvable
    ):
        eq_rows = np.flatnonzero(abs(a_eq[:, atoms]).sum(axis=1).A.ravel())
        ub_rows = np.flatnonzero(abs(a_ub[:, atoms]).sum(axis=1).A.ravel())
        sub_eq, sub_b = a_eq[eq_rows][:, atoms], b_eq[eq_rows]
        sub_ub, sub_bu = a_ub[ub_rows][:, atoms], b_ub[ub_rows]
        sub_obj = objectives[members][:, atoms]

        def solve(
            c: np.ndarray,
            members: np.ndarray = members,
            sub_eq: csr_matrix = sub_eq,
            sub_b: np.ndarray = sub_b,
            sub_ub: csr_matrix = sub_ub,
            sub_bu: np.ndarray = sub_bu,
            sub_obj: csr_matrix = sub_obj,
        ) -> np.ndarray:
            # Dual simplex: the solves of one piece differ only in their objective.
            result = linprog(
                c,
                A_eq=sub_eq,
                b_eq=sub_b,
                A_ub=sub_ub,
                b_ub=sub_bu,
                bounds=(0, None),
                method="highs-ds",
            )
            if result.status == 3:  # unbounded above: only when nothing bounds the cell
                return np.full(len(members), np.inf)
            if not result.success:
                raise RuntimeError(f"audit linear program failed: {result.message}")
            values = sub_obj @ result.x + offset[members]
            seen_low[members] = np.minimum(seen_low[members], values)
            seen_high[members] = np.maximum(seen_high[members], values)
            return values

        # Two solves over all the piece's withheld cells at once usually settle most of them.
        everything = np.asarray(sub_obj.sum(axis=0)).ravel()
        solve(everything)
        solve(-everything)
        for i, k in enumerate(members.tolist()):
            if settled(k):
                continue
            objective = sub_obj[i].toarray().ravel()
            values = solve(-objective)
            seen_high[k] = values[i] if np.isfinite(values[i]) else np.inf
            exact_high[k] = True
            if settled(k):
                continue
            values = solve(objective)
            seen_low[k] = values[i]
            exact_low[k] = True
    for k, (table, cell, _) in enumerate(targets):
        low, high = float(seen_low[k]), float(seen_high[k])
        shown = cell.reason if table.reasons_shown else PROTECTED
        table.audit.append(
            {
                "cell": selection_label(cell.selection),
                "reason": cell.reason,
                # Not a bound of the cell: the values the audit showed it can take.
                "range_low": round(low, 3),
                "range_high": None if not np.isfinite(high) else round(high, 3),
                "exact": exact_low[k] and exact_high[k],
                "shown_as": shown,
                "protected": reader_protected(shown, low, high),
            }
        )
    return all(entry["protected"] for table in [*tables, *earlier] for entry in table.audit)


def selection_label(selection: Selection) -> dict[str, list[str]]:
    return {d: sorted(group) for d, group in selection}


def tables_protect(
    *,
    specs: Sequence[TableSpec],
    source: StatsSource,
    model: AuditModel,
    changes: VersionChanges | None = None,
    earlier: Sequence[ProtectedTable] = (),
    known: dict[int, list[np.ndarray]] | None = None,
) -> list[ProtectedTable]:
    """Protect every table built from one year's data, auditing them together until all pass.

    A table with a cell the audit can narrow below MIN_RANGE gets that cell's category merged
    into a bigger group and is protected again; a table that cannot be merged further is dropped.
    ``earlier``: the year's public versions, audited with these tables (frozen: when one of
    their withheld cells would be narrowed, the new table of the same scope and dimensions
    merges that cell's categories instead). ``known``: see tables_audit.
    """
    tables = [table_protect(spec=spec, source=source, changes=changes) for spec in specs]
    for _ in range(MAX_ROUNDS):
        if tables_audit(tables=tables, model=model, earlier=earlier, known=known):
            return tables
        blame: dict[int, dict[str, object]] = {}
        for position, table in enumerate(tables):
            failing = [entry for entry in table.audit if not entry["protected"]]
            if failing:
                blame[position] = failing[0]
        for old in earlier:
            failing = [entry for entry in old.audit if not entry["protected"]]
            shape = (old.spec.scope, tuple(d.key for d in old.spec.dimensions))
            for position, table in enumerate(tables):
                mine = (table.spec.scope, tuple(d.key for d in table.spec.dimensions))
                if failing and mine == shape and not table.dropped:
                    blame.setdefault(position, failing[0])
        if not blame:
            break  # an earlier version's cell fails with no new table to change: give up
        for position, entry in blame.items():
            tables[position] = _merge_for_audit(
                table=tables[position], entry=entry, source=source, changes=changes
            )
    for table in tables:
        if not table.passed and not table.dropped:
            table.dropped = "audit_failed"
    if not tables_audit(tables=tables, model=model, earlier=earlier, known=known):
        for table in tables:
            if not table.dropped:
                table.dropped = "audit_failed"
    return tables


def _merge_for_audit(
    *,
    table: ProtectedTable,
    entry: dict[str, object],
    source: StatsSource,
    changes: VersionChanges | None = None,
) -> ProtectedTable:
    spec = table.spec
    dims = {d.key: d for d in spec.dimensions}
    cell = entry["cell"]
    assert isinstance(cell, dict)
    # Merge along the dimension with the most groups first: it loses the least detail.
    for dim_key in sorted(cell, key=lambda d: -len(table.groups[d])):
        group = frozenset(cell[dim_key])
        if group not in table.groups[dim_key]:
            # A cell of an earlier version: take the group of this table that holds it.
            group = next((g for g in table.groups[dim_key] if g & group), group)
            if group not in table.groups[dim_key]:
                continue
        sizes = {
            g: source.stats(scope=spec.scope, selection=selection_of([(dim_key, g)])).hires
            for g in table.groups[dim_key]
        }
        merged = _merge(table.groups, dim=dims[dim_key], group=group, sizes=sizes)
        if merged is None:
            continue
        groups, record = merged
        return table_protect(
            spec=spec,
            source=source,
            groups=groups,
            merges=[*table.merges, {**record, "why": "audit"}],
            changes=changes,
        )
    return ProtectedTable(
        spec, table.groups, {}, [], table.merges, dropped="audit_failed", audit=table.audit
    )
