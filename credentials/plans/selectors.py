"""Reads for counselor plans."""

import secrets
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Prefetch, Q, QuerySet

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
