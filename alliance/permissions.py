"""Who may act for a member, and who sits on the task force (used by views and the API)."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from .models import Member, Membership, MembershipRole

TASK_FORCE_GROUP = "Alliance task force"

User = AbstractBaseUser | AnonymousUser


def is_staff(user: User) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_staff", False))


def is_task_force(user: User) -> bool:
    """Staff, or a member of the task-force group, may certify and approve standards."""
    if not user.is_authenticated:
        return False
    if is_staff(user):
        return True
    cached = getattr(user, "_alliance_task_force", None)
    if cached is None:
        cached = user.groups.filter(name=TASK_FORCE_GROUP).exists()  # type: ignore[union-attr]
        user._alliance_task_force = cached  # type: ignore[union-attr]
    return cached


def member_role(user: User, member: Member) -> str | None:
    """The user's role at this member, or None."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, member=member).values_list("role", flat=True).first()
    )


def can_manage_member(user: User, member: Member) -> bool:
    """Member admins act for their member (sign, recognise, draft standards, invite); staff too."""
    return is_staff(user) or member_role(user, member) == MembershipRole.ADMIN


def managed_member_ids(user: User) -> list[int] | None:
    """Ids of members the user may change; None means every member (staff)."""
    if is_staff(user):
        return None
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user, role=MembershipRole.ADMIN).values_list(
            "member_id", flat=True
        )
    )


class IsMemberAdminOrReadOnly(BasePermission):
    """Anyone reads; writes only by an admin of the object's member (or staff)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or bool(
            request.user and request.user.is_authenticated
        )

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return can_manage_member(request.user, obj.member)


class IsTaskForceOrReadOnly(BasePermission):
    """Anyone reads; only the task force writes."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or is_task_force(request.user)
