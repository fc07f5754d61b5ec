from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("alliance/members", views.MemberViewSet, basename="alliance-member")
router.register("alliance/commitments", views.CommitmentViewSet, basename="alliance-commitment")
router.register(
    "alliance/certification-decisions",
    views.CertificationDecisionViewSet,
    basename="alliance-certification-decision",
)
router.register("alliance/recognitions", views.RecognitionViewSet, basename="alliance-recognition")
router.register(
    "alliance/hiring-standards", views.HiringStandardViewSet, basename="alliance-hiring-standard"
)

urlpatterns = router.urls
