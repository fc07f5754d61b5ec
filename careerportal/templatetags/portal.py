"""Template helpers shared by every page."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def localized(path: str) -> str:
    """Prefix a site path with the active language, as i18n_patterns serve it (/es/...)."""
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, path: str) -> str:
    """Return 'usa-current' when the page being shown is inside the given section."""
    request = context.get("request")
    if request is None:
        return ""
    current = request.path
    return "usa-current" if current.startswith(localized(path)) and path != "/" else ""


@register.simple_tag(takes_context=True)
def account_memberships(context: template.Context) -> list:
    """The Alliance members the signed-in user belongs to, for the header's account menu.

    Signed-out visitors cost no query. The import is local: the project layer sits above the apps.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    from alliance.selectors import memberships_for_user

    return list(memberships_for_user(user=user))
