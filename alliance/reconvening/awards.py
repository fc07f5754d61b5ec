"""Awards computed from published data: each category is a rule anyone can check.

A category takes a convening and returns its ranked members with the figures behind the ranking,
the winner the rule gives and a sentence saying why ("chosen because ..."). The same data gives
the same winner: rows are ordered by the rule's figures, and a tie on every figure is reported
as a tie (no winner is computed; the task force chooses, with a written reason). Nothing here
reads an unpublished figure: commitments, milestones and the transparency report's shares are
all on public pages.

Categories are registered (register_award_category): the two the Alliance computes from its own
pages live here; the transparency report (a higher layer) registers "most progress" from its
published tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance.models import Commitment, CommitmentStatus, Convening, Member

from .models import Milestone, MilestoneStatus


@dataclass
class AwardRow:
    """One member's place under a rule: the figures shown, and the values it is ranked by."""

    member: Member
    figures: list[tuple[str, str]]
    # Compared as a tuple, larger first; the first one is the headline figure.
    rank_by: tuple[float, ...]
    headline: str
    rank: int = 0


@dataclass
class AwardResult:
    category: str
    title: str
    rule: str
    source: str
    source_url: str
    as_of: date | None
    rows: list[AwardRow] = field(default_factory=list)
    winner: Member | None = None
    tied: list[Member] = field(default_factory=list)
    reasoning: str = ""
    is_synthetic: bool = False

    def as_json(self) -> dict[str, Any]:
        """What is kept with a decision (and served by the API): the result as computed."""
        return {
            "category": self.category,
            "title": self.title,
            "rule": self.rule,
            "source": self.source,
            "source_url": self.source_url,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "winner_id": self.winner.pk if self.winner else None,
            "tied_ids": [m.pk for m in self.tied],
            "reasoning": self.reasoning,
            "rows": [
                {
                    "rank": row.rank,
                    "member_id": row.member.pk,
                    "member": row.member.name,
                    "member_slug": row.member.slug,
                    "headline": row.headline,
                    "figures": [{"label": label, "value": value} for label, value in row.figures],
                }
                for row in self.rows
            ],
        }


AwardCategory = Callable[[Convening], AwardResult]
_categories: dict[str, tuple[int, AwardCategory]] = {}


def register_award_category(*, key: str, order: int, compute: AwardCategory) -> None:
    """Add (or replace) an award category; pages list categories by order."""
    _categories[key] = (order, compute)


def award_category_keys() -> list[str]:
    return [key for key, _entry in sorted(_categories.items(), key=lambda kv: (kv[1][0], kv[0]))]


def rank(result: AwardResult, *, measure: str) -> AwardResult:
    """Order the rows, number them (equal figures share a rank) and name the winner or a tie.

    measure names the headline figure in the reasoning ("the highest share of ...").
    """
    rows = sorted(result.rows, key=lambda r: (tuple(-v for v in r.rank_by), r.member.name))
    for i, row in enumerate(rows):
        row.rank = rows[i - 1].rank if i and row.rank_by == rows[i - 1].rank_by else i + 1
    result.rows = rows
    if not rows:
        result.reasoning = _("No member qualifies under this rule yet, so no winner is computed.")
        return result
    top = [row for row in rows if row.rank == 1]
    if len(top) > 1:
        result.tied = [row.member for row in top]
        result.reasoning = _(
            "No winner is computed: %(names)s are tied on every figure (%(value)s). "
            "The task force chooses between them and says why."
        ) % {"names": ", ".join(m.name for m in result.tied), "value": top[0].headline}
        return result
    winner = rows[0]
    result.winner = winner.member
    if len(rows) == 1:
        result.reasoning = _(
            "Chosen because %(member)s is the only member the rule applies to: %(measure)s "
            "%(value)s."
        ) % {"member": winner.member.name, "measure": measure, "value": winner.headline}
    else:
        runner = rows[1]
        result.reasoning = _(
            "Chosen because %(member)s has the best %(measure)s: %(value)s, ahead of "
            "%(runner)s (%(runner_value)s)."
        ) % {
            "member": winner.member.name,
            "measure": measure,
            "value": winner.headline,
            "runner": runner.member.name,
            "runner_value": runner.headline,
        }
        if winner.rank_by[0] == runner.rank_by[0]:
            result.reasoning += " " + _("The tie on the first figure is broken by the next one.")
    return result


def award_results(*, convening: Convening) -> list[AwardResult]:
    """Every registered category's result for a convening, in page order."""
    return [_categories[key][1](convening) for key in award_category_keys()]


def award_result(*, convening: Convening, category: str) -> AwardResult | None:
    entry = _categories.get(category)
    return entry[1](convening) if entry else None


def award_window(convening: Convening) -> tuple[date, date]:
    """The year a convening looks back on: after the previous convening, up to this one's day
    (or today, when the convening is still ahead: nothing not yet due counts against anyone)."""
    previous = (
        Convening.objects.filter(year__lt=convening.year).order_by("-year").only("held_on").first()
    )
    start = previous.held_on if previous else convening.held_on - timedelta(days=365)
    return start, min(convening.held_on, timezone.localdate())


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1)


def _share_rows(
    result: AwardResult,
    items: list[tuple[Member, bool, bool]],
    *,
    labels: tuple[str, str, str],
    headline: Callable[[float, int, int], str],
) -> None:
    """Rank members by the share of their items that count (then by how many): items are
    (member, counts, is_synthetic); labels name the due, counted and share columns."""
    by_member: dict[int, list[bool]] = {}
    members: dict[int, Member] = {}
    for member, counts, is_synthetic in items:
        by_member.setdefault(member.pk, []).append(counts)
        members[member.pk] = member
        result.is_synthetic |= is_synthetic
    for member_id, counted in by_member.items():
        done, due = sum(counted), len(counted)
        share = _percent(done, due)
        result.rows.append(
            AwardRow(
                member=members[member_id],
                figures=[(labels[0], str(due)), (labels[1], str(done)), (labels[2], f"{share}%")],
                rank_by=(share, done),
                headline=headline(share, done, due),
            )
        )


def commitments_kept(convening: Convening) -> AwardResult:
    """Commitments kept on time: of each member's public commitments due in the window, the
    share marked done on or before the deadline."""
    start, end = award_window(convening)
    result = AwardResult(
        category="commitments_kept",
        title=_("Promises kept on time"),
        rule=_(
            "Every public commitment with a deadline after %(start)s and up to %(end)s counts. "
            "A commitment is kept when it is marked done on or before its deadline. Members are "
            "ranked by the share kept, then by the number kept; a member needs at least one "
            "commitment due to take part."
        )
        % {"start": date_format(start), "end": date_format(end)},
        source=_("The Alliance's commitment board"),
        source_url=reverse("alliance:home"),
        as_of=end,
    )
    commitments = Commitment.objects.filter(deadline__gt=start, deadline__lte=end)
    _share_rows(
        result,
        [
            (
                c.member,
                c.status == CommitmentStatus.DATA_SUBMITTED
                and c.done_on is not None
                and c.done_on <= c.deadline,
                c.is_synthetic,
            )
            for c in commitments.select_related("member")
        ],
        labels=(_("Commitments due"), _("Kept on time"), _("Share kept")),
        headline=lambda share, done, due: (
            ngettext(
                "%(share)s%% (%(done)s of %(due)s commitment)",
                "%(share)s%% (%(done)s of %(due)s commitments)",
                due,
            )
            % {"share": share, "done": done, "due": due}
        ),
    )
    return rank(result, measure=_("share of commitments kept on time"))


def access_milestones_done(convening: Convening) -> AwardResult:
    """Plans for access delivered: of each member's milestones due in the window, the share
    reported done by the window's end."""
    start, end = award_window(convening)
    result = AwardResult(
        category="access_milestones_done",
        title=_("Plans for access delivered"),
        rule=_(
            "Every milestone of a member's published plans for access that was due after "
            "%(start)s and up to %(end)s counts. A milestone counts as delivered when the member "
            "reported it done by %(end)s; dropped ones count as not delivered. Members are "
            "ranked by the share delivered, then by the number delivered; a member needs at "
            "least one milestone due to take part."
        )
        % {"start": date_format(start), "end": date_format(end)},
        source=_("Members' plans for access"),
        source_url=reverse("reconvening:year", args=[convening.year]),
        as_of=end,
    )
    milestones = Milestone.objects.filter(due_on__gt=start, due_on__lte=end)
    _share_rows(
        result,
        [
            (
                m.plan.member,
                m.status == MilestoneStatus.DONE and m.updated_on <= end,
                m.is_synthetic,
            )
            for m in milestones.select_related("plan__member")
        ],
        labels=(_("Milestones due"), _("Reported done"), _("Share done")),
        headline=lambda share, done, due: (
            ngettext(
                "%(share)s%% (%(done)s of %(due)s milestone)",
                "%(share)s%% (%(done)s of %(due)s milestones)",
                due,
            )
            % {"share": share, "done": done, "due": due}
        ),
    )
    return rank(result, measure=_("share of milestones delivered"))
