"""Reads for counselor plans."""

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, QuerySet

from .models import Plan, PlanItem


def plan_get(*, token: str) -> Plan | None:
    """A plan with its items (careers and credentials) in a fixed number of queries."""
    items = PlanItem.objects.select_related("occupation", "credential", "credential__provider")
    return (
        Plan.objects.prefetch_related(Prefetch("items", queryset=items)).filter(token=token).first()
    )


def plan_list_for_user(*, user: User) -> QuerySet[Plan]:
    return Plan.objects.filter(owner=user).annotate(item_count=Count("items"))
