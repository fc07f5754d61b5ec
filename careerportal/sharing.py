"""What a page needs to be shared, for every app: Open Graph / Twitter card tags (rendered by
templates/includes/_share_meta.html), schema.org JSON-LD and plain share links."""

import json
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/"


def json_ld(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> block; "<" escaped so text cannot end the script."""
    text = json.dumps(data, ensure_ascii=False, default=str).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def share_links(*, url: str, title: str) -> list[dict[str, str]]:
    """Plain links to each network's share page: no scripts, no tracking pixels."""
    return [
        {"network": "LinkedIn", "href": f"{LINKEDIN_SHARE}?{urlencode({'url': url})}"},
        {
            "network": "X",
            "href": "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
        },
        {
            "network": "Facebook",
            "href": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {"network": "email", "href": "mailto:?" + urlencode({"subject": title, "body": url})},
    ]


def page_share(
    *,
    site: str,
    url: str,
    title: str,
    description: str,
    image: str,
    schema: dict[str, Any] | None = None,
    embeddable: bool = True,
) -> dict[str, Any]:
    """The `share` context of a page: tags, card image, JSON-LD, oEmbed discovery, links.

    `url` and `image` are paths; `site` is the scheme and host they are made absolute with.
    """
    page_url = site + url
    return {
        "url": page_url,
        "title": title,
        "description": " ".join(description.split())[:200],
        "image": site + image,
        "oembed": site + reverse("oembed") + "?" + urlencode({"url": page_url})
        if embeddable
        else "",
        "json_ld": json_ld(schema) if schema is not None else "",
        "links": share_links(url=page_url, title=title),
    }


def site_of(request: Any) -> str:
    """The scheme and host a request came to, for absolute URLs in shared tags."""
    return str(request.build_absolute_uri("/")).rstrip("/")
