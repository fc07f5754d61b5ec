"""POST a hiring-data file, then read its status and problems; Idempotency-Key for retries."""

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from alliance.models import Member
from alliance.permissions import can_upload_for
from careerportal.api_errors import ErrorSerializer, error_response
from hiringdata import selectors, services
from hiringdata.models import IdempotencyKey, Submission

from .serializers import (
    SubmissionSerializer,
    SubmissionUploadSerializer,
    ValidationIssueSerializer,
)

IDEMPOTENCY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="Any unique string (up to 200 characters). A retry with the same key and the "
    "same file returns the first answer; the same key with a different request is refused (422).",
)


class SubmissionViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Hiring-data submissions of the members you act for (staff: all)."""

    serializer_class = SubmissionSerializer
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self) -> QuerySet[Submission]:
        return selectors.submissions_visible_to(user=self.request.user)

    @extend_schema(
        request={"multipart/form-data": SubmissionUploadSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        responses={
            201: SubmissionSerializer,
            200: SubmissionSerializer,
            400: ErrorSerializer,
            403: ErrorSerializer,
            413: ErrorSerializer,
            422: ErrorSerializer,
        },
        description="Upload a file. 201: recorded and queued; 200: the same file was sent "
        "before (or the same Idempotency-Key), here is that submission. Poll status_url.",
    )
    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        upload = SubmissionUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        member = Member.objects.filter(slug=upload.validated_data["member"]).first()
        user = request.user
        # can_upload_for refuses anonymous users; isinstance says so to the type checker.
        if member is None or not isinstance(user, User) or not can_upload_for(user, member):
            return error_response(
                code="forbidden",
                detail=_("You cannot upload files for this member."),
                status=403,
            )
        file = upload.validated_data["file"]
        year = upload.validated_data["year"]
        key = request.headers.get("Idempotency-Key", "").strip()
        if len(key) > 200:
            return error_response(
                code="bad_idempotency_key",
                detail=_("The Idempotency-Key is too long."),
                status=400,
            )
        fingerprint = ""
        if key:
            sha256 = services.file_sha256(file)
            fingerprint = services.submission_fingerprint(member=member, year=year, sha256=sha256)
            earlier = services.idempotency_lookup(user=user, key=key)
            if earlier is not None:
                return self._replay(earlier, fingerprint)
        try:
            received = services.submission_receive(
                member=member, year=year, upload=file, filename=file.name, user=user
            )
        except services.SubmissionRefused as refused:
            return error_response(code=refused.code, detail=refused.message, status=refused.status)
        code = status.HTTP_201_CREATED if received.created else status.HTTP_200_OK
        if key:
            remembered = services.idempotency_remember(
                user=user, key=key, fingerprint=fingerprint,
                submission=received.submission, status=code,
            )  # fmt: skip
            if remembered.submission_id != received.submission.pk:
                return self._replay(remembered, fingerprint)
        return Response(SubmissionSerializer(received.submission).data, status=code)

    def _replay(self, earlier: IdempotencyKey, fingerprint: str) -> Response:
        if earlier.fingerprint != fingerprint:
            return error_response(
                code="idempotency_key_reused",
                detail=_(
                    "This Idempotency-Key was already used for a different upload. "
                    "Use a new key for a new file."
                ),
                status=422,
            )
        submission = Submission.objects.select_related("member").get(pk=earlier.submission_id)
        response = Response(SubmissionSerializer(submission).data, status=earlier.response_status)
        response["Idempotent-Replayed"] = "true"
        return response

    @extend_schema(responses=ValidationIssueSerializer(many=True))
    @action(detail=True, methods=["get"])
    def problems(self, request: Request, pk: str | None = None) -> Response:
        """Every stored problem: row (header = 1), column, value, code and message."""
        submission = self.get_object()
        issues = selectors.submission_issues(submission=submission)
        page = self.paginate_queryset(issues)
        return self.get_paginated_response(ValidationIssueSerializer(page, many=True).data)

    @extend_schema(request=None, responses={202: SubmissionSerializer, 409: ErrorSerializer})
    @action(detail=True, methods=["post"])
    def rerun(self, request: Request, pk: str | None = None) -> Response:
        """Staff: process a waiting, rejected or failed submission again."""
        submission = self.get_object()
        try:
            submission = services.submission_rerun(submission=submission, user=request.user)
        except services.SubmissionRefused as refused:
            return error_response(code=refused.code, detail=refused.message, status=refused.status)
        return Response(SubmissionSerializer(submission).data, status=202)
