from rest_framework.routers import SimpleRouter

from .views import CredentialViewSet

router = SimpleRouter()
router.register("credentials", CredentialViewSet, basename="api-credentials")

urlpatterns = router.urls
