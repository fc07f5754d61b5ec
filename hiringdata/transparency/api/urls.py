from rest_framework.routers import SimpleRouter

from .views import TransparencyReportViewSet

router = SimpleRouter()
router.register("transparency-reports", TransparencyReportViewSet, basename="transparency-report")

urlpatterns = router.urls
