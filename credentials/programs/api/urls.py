from rest_framework.routers import SimpleRouter

from .views import ProgramViewSet

router = SimpleRouter()
router.register("programs", ProgramViewSet, basename="api-programs")

urlpatterns = router.urls
