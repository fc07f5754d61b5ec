"""API of the Alliance: public reads; writes only by permitted users, through services.

Write querysets are narrowed to what the user may change, so another member's id is a 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from .. import selectors, services
from ..filters import (
    CertificationDecisionFilter,
    CommitmentFilter,
    HiringStandardFilter,
    MemberFilter,
    RecognitionFilter,
)
from ..models import (
    NEWEST_DECISION_FIRST,
    CertificationDecision,
    Commitment,
    CredentialRecognition,
    HiringStandard,
    Member,
)
from ..permissions import (
    IsMemberAdminOrReadOnly,
    IsTaskForceOrReadOnly,
    can_manage_member,
    is_task_force,
    managed_member_ids,
    signed_in_user,
)
from .serializers import (
    CertificationDecisionSerializer,
    CommitmentSerializer,
    HiringStandardReviewSerializer,
    HiringStandardSerializer,
    MemberSerializer,
    RecognitionSerializer,
)


@contextmanager
def _service_errors() -> Iterator[None]:
    """Turn a service's refusal into the API's 400 with the same messages."""
    try:
        yield
    except DjangoValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise ValidationError(detail) from error


def _managed_only(request: Request, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """For writes: only objects of members the user administers (others 404)."""
    ids = managed_member_ids(request.user)
    return queryset if ids is None else queryset.filter(member_id__in=ids)


def _check_member(request: Request, member: Member) -> None:
    if not can_manage_member(request.user, member):
        raise PermissionDenied("Only an admin of this member can do this.")


class MemberViewSet(viewsets.ReadOnlyModelViewSet):
    """Alliance members (organizations). Synthetic sample members are flagged."""

    queryset = Member.objects.order_by("name")
    serializer_class = MemberSerializer
    filterset_class = MemberFilter
    lookup_field = "slug"


class CommitmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Public commitments with status against the deadline; a member admin signs new ones."""

    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilter
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_queryset(self) -> QuerySet[Commitment]:
        return selectors.commitment_board(today=timezone.localdate())

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        _check_member(self.request, data["member"])
        with _service_errors():
            signed = services.commitment_sign(
                actor=signed_in_user(self.request),
                member=data["member"],
                kind=data["kind"],
                deadline=data["deadline"],
                signer_name=data["signer_name"],
                signer_title=data.get("signer_title", ""),
                note=data.get("note", ""),
            )
        # Answer with the board's status rule, the same one every read uses.
        serializer.instance = selectors.commitment_board(today=timezone.localdate()).get(
            pk=signed.pk
        )


class CertificationDecisionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The public history of certification decisions; the task force records new steps."""

    queryset = CertificationDecision.objects.select_related("credential").order_by(
        "credential__slug", *NEWEST_DECISION_FIRST
    )
    serializer_class = CertificationDecisionSerializer
    filterset_class = CertificationDecisionFilter
    permission_classes = [IsTaskForceOrReadOnly]

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        data = dict(serializer.validated_data)
        credential = data.pop("credential")
        with _service_errors():
            serializer.instance = services.certification_decide(
                actor=signed_in_user(self.request), credential=credential, **data
            )


class RecognitionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """What members say about credentials (requires / prefers / accepts / has hired)."""

    serializer_class = RecognitionSerializer
    filterset_class = RecognitionFilter
    permission_classes = [IsMemberAdminOrReadOnly]

    def get_queryset(self) -> QuerySet[CredentialRecognition]:
        queryset = CredentialRecognition.objects.select_related("member", "credential").order_by(
            "credential__slug", "member__slug", "kind"
        )
        if self.request.method not in SAFE_METHODS:
            queryset = _managed_only(self.request, queryset)
        return queryset

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        _check_member(self.request, data["member"])
        with _service_errors():
            serializer.instance = services.recognition_set(
                actor=signed_in_user(self.request),
                member=data["member"],
                credential=data["credential"],
                kind=data["kind"],
            )

    def perform_destroy(self, instance: CredentialRecognition) -> None:
        services.recognition_remove(actor=signed_in_user(self.request), recognition=instance)


class HiringStandardViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Hiring standards: approved ones public; drafts only to their member and the task force."""

    serializer_class = HiringStandardSerializer
    filterset_class = HiringStandardFilter
    permission_classes = [IsMemberAdminOrReadOnly]

    def get_queryset(self) -> QuerySet[HiringStandard]:
        queryset = selectors.hiring_standards_visible_to(user=self.request.user).prefetch_related(
            "credentials_valued"
        )
        if self.request.method not in SAFE_METHODS and self.action != "review":
            queryset = _managed_only(self.request, queryset)
        return queryset.order_by("occupation__soc_code", "title", "id")

    def _save(self, serializer: BaseSerializer[Any], standard: HiringStandard | None) -> None:
        data = dict(serializer.validated_data)
        member = data.pop("member", None) or standard.member  # type: ignore[union-attr]
        if standard is not None and member != standard.member:
            raise ValidationError({"member": "A standard cannot move to another member."})
        _check_member(self.request, member)
        credentials = data.pop("credentials_valued", None)
        submit = data.pop("submit", False)
        with _service_errors():
            serializer.instance = services.hiring_standard_save(
                actor=signed_in_user(self.request),
                member=member,
                data=data,
                credentials=credentials,
                standard=standard,
                submit=submit,
            )

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        self._save(serializer, None)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        self._save(serializer, serializer.instance)

    @extend_schema(request=HiringStandardReviewSerializer, responses=HiringStandardSerializer)
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def review(self, request: Request, pk: str | None = None) -> Response:
        """Task force: approve (publish) a submitted standard or return it with a note."""
        if not is_task_force(request.user):
            raise NotFound
        standard = self.get_object()
        review = HiringStandardReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        with _service_errors():
            standard = services.hiring_standard_review(
                actor=signed_in_user(request), standard=standard, **review.validated_data
            )
        return Response(HiringStandardSerializer(standard).data, status=status.HTTP_200_OK)
