"""Reads for counselor plans."""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Prefetch, Q, QuerySet

from pathways.screener import LeftToPayTotal, left_to_pay_total

from .. import funding
from ..compare_table import weeks_text
from .models import Plan, PlanItem


@dataclass(frozen=True)
class PlanAccess:
    """A plan reached by one of its links, and whether the person holding it may change it."""

    plan: Plan
    can_edit: bool
    # The key in the link that reached the plan: edits go back through the same link.
    key: str


def plan_access(*, key: str, user: User | AnonymousUser | None = None) -> PlanAccess | None:
    """The plan behind a view or edit link, items loaded; changes need the edit link or the
    owner signed in (the one rule for pages and API)."""
    items = PlanItem.objects.select_related("occupation", "credential", "credential__provider")
    plan = (
        Plan.objects.prefetch_related(Prefetch("items", queryset=items))
        .filter(Q(token=key) | Q(edit_token=key))
        .first()
    )
    if plan is None:
        return None
    by_edit_link = secrets.compare_digest(plan.edit_token, key)
    by_owner = bool(user is not None and user.is_authenticated and plan.owner_id == user.pk)
    return PlanAccess(plan=plan, can_edit=by_edit_link or by_owner, key=key)


def plan_list_for_user(*, user: User) -> QuerySet[Plan]:
    return Plan.objects.filter(owner=user).annotate(item_count=Count("items"))


@dataclass
class PlanCredentialLine:
    """One credential of a plan with its cost, time, funding that may apply and what is left."""

    item: PlanItem
    # None when the credential is no longer published: no facts to screen.
    screen: funding.FundingScreen | None
    time_text: str


@dataclass
class PlanContents:
    careers: list[PlanItem]
    credentials: list[PlanCredentialLine]
    total: LeftToPayTotal | None
    # The credentials with no published price, named once beside the totals.
    unpriced: list[str] = field(default_factory=list)


def plan_contents(*, plan: Plan) -> PlanContents:
    """The plan's items with the same funding screen and range left to pay as the credential
    and compare pages (from the programs' facts alone: a plan keeps no personal answers), and
    the totals. Reads the items prefetched by plan_access; a fixed number of queries."""
    items = list(plan.items.all())
    credential_items = [i for i in items if i.credential is not None]
    slugs = [i.credential.slug for i in credential_items if i.credential is not None]
    facts = funding.credentials_program_facts(slugs=slugs) if slugs else {}
    screens = {
        s.facts.slug: s
        for s in (
            funding.credentials_funding_screen(facts=list(facts.values()), answers={})
            if facts
            else []
        )
    }
    lines = [
        PlanCredentialLine(
            item=i,
            screen=screens.get(i.credential.slug),
            time_text=weeks_text(i.credential),
        )
        for i in credential_items
        if i.credential is not None
    ]
    screened = [line.screen for line in lines if line.screen is not None]
    return PlanContents(
        careers=[i for i in items if i.occupation_id],
        credentials=lines,
        total=left_to_pay_total(parts=[s.left for s in screened]) if screened else None,
        unpriced=[s.facts.name for s in screened if s.facts.total_cost_usd is None],
    )
