from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("alliance/convenings", views.ConveningViewSet, basename="alliance-convening")
router.register(
    "alliance/recommitments", views.RecommitmentViewSet, basename="alliance-recommitment"
)
router.register("alliance/access-plans", views.AccessPlanViewSet, basename="alliance-access-plan")
router.register(
    "alliance/standard-versions",
    views.StandardVersionViewSet,
    basename="alliance-standard-version",
)
router.register("alliance/needs", views.NeedViewSet, basename="alliance-need")
router.register("alliance/spotlights", views.SpotlightViewSet, basename="alliance-spotlight")

urlpatterns = [
    *router.urls,
    path("alliance/awards/", views.AwardListView.as_view(), name="alliance-award-list"),
]
