"""Who acts for a training provider; the task force is alliance.permissions.is_task_force."""

from django.db.models import QuerySet

from alliance.permissions import UserLike, is_task_force
from credentials.models import Provider

from .models import ProviderAccount

__all__ = ["acts_for_provider", "is_task_force", "providers_for_user"]


def providers_for_user(user: UserLike) -> QuerySet[Provider]:
    """The providers this user acts for (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return Provider.objects.none()
    return Provider.objects.filter(accounts__user=user).order_by("name")


def acts_for_provider(user: UserLike, provider: Provider) -> bool:
    return bool(
        user.is_authenticated
        and ProviderAccount.objects.filter(user=user, provider=provider).exists()
    )
