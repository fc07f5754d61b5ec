"""URL wiring: pages under i18n patterns (/es/... for Spanish), the API and health outside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from . import health, views
from .api_root import API_MODULES, api_root

api_v1: list[URLPattern | URLResolver] = [
    path("", api_root, name="api-root"),
    *(path("", include(module)) for module in API_MODULES),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("pathways.urls")),
    path("credentials/", include("credentials.urls")),
    path("plans/", include("credentials.plans.urls")),
    path("", include("alliance.urls")),
    path("", include("hiringdata.urls")),
    path("transparency/", include("hiringdata.transparency.urls")),
    prefix_default_language=False,
)

handler404 = "careerportal.views.page_not_found"
handler500 = "careerportal.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
