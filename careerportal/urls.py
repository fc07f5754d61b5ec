"""URL wiring: pages under i18n patterns (/es/... for Spanish), the API and health outside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from alliance import views as alliance_views
from credentials.sharing import views as credential_sharing

from . import health, phone_app, views
from .api_root import ApiRoot
from .headers import csp_update
from .translations import views as translation_views

# The API explorers inject style elements; their scripts are files (the split view serves its
# set-up script from its own URL), so scripts stay 'self' only.
api_docs_styles = csp_update(style_src="'self' 'unsafe-inline'")

api_v1: list[URLPattern | URLResolver] = [
    path("", include("pathways.api.urls")),
    path("", include("credentials.api.urls")),
    path("", include("credentials.plans.api")),
    path("", include("credentials.programs.api.urls")),
    path("", include("alliance.api.urls")),
    path("", include("alliance.providers.api.urls")),
    path("", include("alliance.reconvening.api.urls")),
    path("", include("hiringdata.api.urls")),
    path("", include("hiringdata.transparency.api.urls")),
]
api_v1.insert(0, path("", ApiRoot.as_view(patterns=list(api_v1)), name="api-root"))

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # At the root so that the service worker's scope is the whole site, every language included.
    path("sw.js", phone_app.service_worker, name="service-worker"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("credentials.ctdl.urls")),
    path("alliance/members/<slug:slug>.jsonld", alliance_views.member_jsonld, name="member-ctdl"),
    path("oembed", credential_sharing.oembed, name="oembed"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/docs/",
        api_docs_styles(SpectacularSwaggerSplitView.as_view(url_name="schema")),
        name="api-docs",
    ),
    path(
        "api/redoc/",
        api_docs_styles(SpectacularRedocView.as_view(url_name="schema")),
        name="api-redoc",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("manifest.webmanifest", phone_app.manifest, name="manifest"),
    path("offline/", phone_app.offline, name="offline"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # Before Django's own: the reset page with its limits (alliance/signin.py).
    path(
        "accounts/password_reset/",
        alliance_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("credentials.sharing.urls")),
    path("", include("pathways.urls")),
    path("credentials/", include("credentials.urls")),
    path("plans/", include("credentials.plans.urls")),
    path("programs/", include("credentials.programs.urls")),
    path("", include("alliance.urls")),
    path("", include("alliance.taskforce.urls")),
    path("", include("alliance.providers.urls")),
    path("", include("alliance.reconvening.urls")),
    path("", include("hiringdata.urls")),
    path("transparency/", include("hiringdata.transparency.urls")),
    path("staff/translations/", translation_views.translation_status, name="translation-status"),
    prefix_default_language=False,
)

handler404 = "careerportal.views.page_not_found"
handler500 = "careerportal.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
