"""Counselor plans in the API: create a plan, read it and add items by its token.

Serializers and the viewset together: the plans API is small.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from careerportal.api_errors import ErrorSerializer, error_response
from careerportal.api_fields import StrictCharField, StrictTextModelSerializer
from pathways.models import soc_code_validator

from . import services
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

    class Meta:
        model = Plan
        fields = ["token", "title", "notes", "items", "created_at", "updated_at"]
        read_only_fields = ["token", "created_at", "updated_at"]


class PlanViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A plan is reached only by its unguessable token; there is no public list."""

    serializer_class = PlanSerializer
    permission_classes = [AllowAny]
    lookup_field = "token"
    lookup_value_regex = r"[A-Za-z0-9_-]{16,43}"

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return Plan.objects.prefetch_related("items__occupation", "items__credential")

    def perform_create(self, serializer: PlanSerializer) -> None:  # type: ignore[override]
        serializer.instance = services.plan_create(
            user=self.request.user, **serializer.validated_data
        )

    @extend_schema(
        request=PlanItemInputSerializer, responses={201: PlanItemSerializer, 400: ErrorSerializer}
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


router = SimpleRouter()
router.register("plans", PlanViewSet, basename="api-plan")

urlpatterns = router.urls
