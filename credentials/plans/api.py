"""Counselor plans in the API: create a plan, read it by its view or edit token, change it by
its edit token (or as its signed-in owner).

Serializers and the viewset together: the plans API is small.
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from careerportal.api_errors import ErrorSerializer, error_response
from careerportal.api_fields import StrictCharField, StrictTextModelSerializer
from pathways.models import soc_code_validator

from . import selectors, services
from .models import Plan, PlanItem


class PlanItemSerializer(serializers.ModelSerializer):
    occupation: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="soc_code", read_only=True
    )
    credential: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = PlanItem
        fields = ["id", "occupation", "credential", "note", "added_at"]


class PlanItemInputSerializer(serializers.Serializer):
    occupation = StrictCharField(
        max_length=7, required=False, allow_blank=True, validators=[soc_code_validator]
    )
    credential = serializers.SlugField(max_length=120, required=False, allow_blank=True)
    note = StrictCharField(max_length=500, required=False, allow_blank=True, default="")

    def validate(self, attrs: dict) -> dict:
        if bool(attrs.get("occupation")) == bool(attrs.get("credential")):
            raise serializers.ValidationError("Give exactly one of occupation or credential.")
        return attrs


class PlanSerializer(StrictTextModelSerializer):
    items = PlanItemSerializer(many=True, read_only=True)
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="The student's language: the printout (/plans/<token>/print/) is in it. "
        "Without one, a plan made through the API is in English (en).",
    )

    class Meta:
        model = Plan
        fields = ["token", "title", "notes", "language", "items", "created_at", "updated_at"]
        read_only_fields = ["token", "created_at", "updated_at"]


class PlanEditorSerializer(PlanSerializer):
    """What the creator, the owner or an edit-link holder sees: the plan and its edit token."""

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "edit_token"]
        read_only_fields = [*PlanSerializer.Meta.read_only_fields, "edit_token"]


class PlanViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """A plan is reached only by one of its unguessable tokens; there is no public list.

    The view token reads; the edit token (or the owner's session) also changes.
    """

    serializer_class = PlanSerializer
    permission_classes = [AllowAny]
    lookup_field = "token"
    lookup_value_regex = r"[A-Za-z0-9_-]{16,43}"

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return Plan.objects.none()  # plans are found by plan_access only

    def _access(self, *, edit: bool) -> selectors.PlanAccess:
        access = selectors.plan_access(key=self.kwargs["token"], user=self.request.user)  # type: ignore[arg-type]
        if access is None:
            raise Http404
        if edit and not access.can_edit:
            raise PermissionDenied(
                _("This token lets you read the plan, not change it: use its edit token.")
            )
        return access

    def get_object(self) -> Plan:
        edit = self.request.method not in ("GET", "HEAD", "OPTIONS")
        self.access = self._access(edit=edit)
        return self.access.plan

    def get_serializer_class(self):  # type: ignore[no-untyped-def]
        access = getattr(self, "access", None)
        return PlanEditorSerializer if access is not None and access.can_edit else PlanSerializer

    @extend_schema(responses={201: PlanEditorSerializer, 400: ErrorSerializer})
    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        data = PlanSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan = services.plan_create(user=request.user, **data.validated_data)  # type: ignore[arg-type]
        return Response(PlanEditorSerializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: PlanEditorSerializer, 403: ErrorSerializer})
    def update(self, request: Request, *args: object, **kwargs: object) -> Response:
        plan = self.get_object()
        data = PlanSerializer(plan, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.plan_update(
            plan=plan,
            title=data.validated_data.get("title", plan.title),
            notes=data.validated_data.get("notes", plan.notes),
            language=data.validated_data.get("language"),
        )
        return Response(PlanEditorSerializer(plan).data)

    @extend_schema(
        request=PlanItemInputSerializer,
        responses={201: PlanItemSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
    )
    @action(detail=True, methods=["post"])
    def items(self, request: Request, token: str) -> Response:
        plan = self.get_object()
        data = PlanItemInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            item = services.plan_item_add(
                plan=plan,
                soc_code=data.validated_data.get("occupation", ""),
                credential_slug=data.validated_data.get("credential", ""),
                note=data.validated_data.get("note", ""),
            )
        except services.PlanError as error:
            return error_response(code="plan_item_refused", detail=str(error), status=400)
        return Response(PlanItemSerializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None, 403: ErrorSerializer})
    @action(detail=True, methods=["delete"], url_path=r"items/(?P<item_id>[0-9]+)")
    def item_remove(self, request: Request, token: str, item_id: str) -> Response:
        services.plan_item_remove(plan=self.get_object(), item_id=int(item_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


router = SimpleRouter()
router.register("plans", PlanViewSet, basename="api-plan")

urlpatterns = router.urls
