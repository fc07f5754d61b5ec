from rest_framework.routers import SimpleRouter

from .views import SubmissionViewSet

router = SimpleRouter()
router.register("hiring-data/submissions", SubmissionViewSet, basename="hiring-submission")

urlpatterns = router.urls
