"""The languages of the portal: which one a request gets, and the words that say a text is
shown in English or was translated by us."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

# Shown beside content that has no translation in the page's language yet (in English).
NOT_YET_TRANSLATED = _("Not yet translated into %(language)s.")
# Shown beside content we translated ourselves.
TRANSLATED_BY_US = _("Translated by the portal team, not by a professional translator.")
TRANSLATED_BY = _("Translated by %(translator)s.")
# Shown beside a member's or provider's own version of what they wrote, in the page's language.
WRITTEN_BY = _("Written by %(author)s in %(language)s.")


class PreferredLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing the language in this order: the URL prefix (/es/...),
    then the saved choice (the language cookie the switcher sets), then the browser's
    Accept-Language.

    Django alone serves English at every unprefixed URL (i18n_patterns without a prefix for
    English), so a Spanish speaker whose choice is saved still got English at /. Here a page
    read without a prefix by someone who prefers another language is redirected to the same
    page under that language's prefix; choosing English in the switcher saves "en" and stops it.
    """

    def process_request(self, request: HttpRequest) -> HttpResponseBase | None:  # type: ignore[override]
        super().process_request(request)
        if request.method not in ("GET", "HEAD"):
            return None
        if translation.get_language_from_path(request.path_info):
            return None
        preferred = translation.get_language_from_request(request, check_path=False)
        if preferred == settings.LANGUAGE_CODE:
            return None
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        with translation.override(preferred):  # the prefix pattern matches the active language
            in_languages = is_valid_path(f"/{preferred}{request.path_info}", urlconf)
        if not in_languages:
            return None  # not a page in the languages (the API, health, files)
        prefix = get_script_prefix()
        location = request.get_full_path().replace(prefix, f"{prefix}{preferred}/", 1)
        redirect = HttpResponseRedirect(location)
        patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
        return redirect

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        if not translation.get_language_from_path(request.path_info):
            # The same unprefixed address answers differently by the saved choice.
            patch_vary_headers(response, ("Cookie",))
        return response
