"""Who may act for a member, and who sits on the task force (used by views and the API)."""

from typing import Any, cast

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from .models import Member, Membership, MembershipRole

TASK_FORCE_GROUP = "Alliance task force"

# Who may be asking: a signed-in user or an anonymous visitor.
UserLike = User | AnonymousUser


def signed_in_user(request: HttpRequest | Request) -> User:
    """The request's user, refusing anonymous visitors (for writes done in their name)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    return cast(User, request.user)


def is_staff(user: UserLike) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_staff", False))


def is_task_force(user: UserLike) -> bool:
    """Staff, or a member of the task-force group, may certify and approve standards."""
    if not user.is_authenticated:
        return False
    if is_staff(user):
        return True
    cached: bool | None = getattr(user, "_alliance_task_force", None)
    if cached is None:
        cached = user.groups.filter(name=TASK_FORCE_GROUP).exists()
        # Asked several times per request (page, queryset, template): look it up once.
        setattr(user, "_alliance_task_force", cached)  # noqa: B010
    return cached


def require_task_force(request: HttpRequest | Request) -> None:
    """Refuse (403) anyone who is not on the task force (the task force's pages and forms)."""
    if not is_task_force(request.user):
        raise PermissionDenied


def member_role(user: UserLike, member: Member) -> str | None:
    """The user's role at this member, or None."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, member=member).values_list("role", flat=True).first()
    )


def can_manage_member(user: UserLike, member: Member) -> bool:
    """Member admins act for their member (sign, recognise, draft standards, invite); staff too."""
    return is_staff(user) or member_role(user, member) == MembershipRole.ADMIN


# Who may upload hiring data for a member: its admins and data submitters (viewers and staff
# only look). The one rule the portal page, the API and the import service ask.
UPLOAD_ROLES = (MembershipRole.ADMIN, MembershipRole.SUBMITTER)


def can_upload_for(user: UserLike, member: Member) -> bool:
    return member_role(user, member) in UPLOAD_ROLES


def upload_member_ids(user: UserLike) -> list[int]:
    """Ids of the members this user may upload for."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user, role__in=UPLOAD_ROLES).values_list(
            "member_id", flat=True
        )
    )


def managed_member_ids(user: UserLike) -> list[int] | None:
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
