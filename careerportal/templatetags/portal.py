"""Template helpers shared by every page."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from careerportal import numbers
from careerportal.text import release_label

register = template.Library()


@register.filter
def release(value: str) -> str:
    """A data release's name ("May 2024") in the page's language; see text.release_label."""
    return release_label(str(value or ""))


@register.simple_tag
def localized(path: str) -> str:
    """Prefix a site path with the active language, as i18n_patterns serve it (/es/...)."""
    language = get_language() or settings.LANGUAGE_CODE
    # Another site's address (or a protocol-relative one) is left as it is.
    if language == settings.LANGUAGE_CODE or not path.startswith("/") or path.startswith("//"):
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


@register.simple_tag
def filters_in_use(form, exclude: str = "q sort") -> int:  # type: ignore[no-untyped-def]
    """How many of a filter form's fields have a value (the search box and sort order aside).

    Shown in the summary of the filter disclosure, so a visitor on a phone sees that filters
    narrow the results even while the filters are folded away.
    """
    skipped = set(exclude.split())
    data = form.data
    count = 0
    for name in form.fields:
        if name in skipped:
            continue
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        if any(str(value).strip() for value in values if value is not None):
            count += 1
    return count


@register.filter
def usd(value, decimals: int = 0) -> str:  # type: ignore[no-untyped-def]
    """US dollars in the page's number style ("$5,250"); "" for no value (careerportal.numbers)."""
    if value is None or value == "":
        return ""
    return numbers.usd(value, decimals=decimals)


@register.filter
def amount(value, decimals: int = 0) -> str:  # type: ignore[no-untyped-def]
    """A number in the page's style ("5,250"), for sentences that put the "$" in themselves."""
    if value is None or value == "":
        return ""
    return numbers.amount(value, decimals=decimals)


@register.simple_tag
def route_icon(name: str, size: str = "") -> SafeString:
    """A small picture beside a route's words (static/img/route-icons.svg), hidden from screen
    readers: the words beside it say the same. size "lg" for the start page's choices."""
    sprite = static("img/route-icons.svg")
    return format_html(
        '<svg class="route-icon{}" aria-hidden="true" focusable="false" width="24" height="24">'
        '<use href="{}#{}"></use></svg>',
        f" route-icon--{size}" if size else "",
        sprite,
        name,
    )
