from rest_framework.routers import SimpleRouter

from .views import FundingSourceViewSet, OccupationViewSet, PathwayViewSet

router = SimpleRouter()
router.register("occupations", OccupationViewSet, basename="api-occupation")
router.register("pathways", PathwayViewSet, basename="api-pathway")
router.register("funding-sources", FundingSourceViewSet, basename="api-funding-source")

urlpatterns = router.urls
