"""Helpers for tests that read a rendered page."""

import re
from typing import Any

GLOSSARY_LINK = re.compile(
    r'<a class="glossary-term" href="[^"]*">(?:<abbr title="[^"]*">)?([^<]*)(?:</abbr>)?</a>'
)


def page_html(response: Any) -> str:
    """A page's HTML with the glossary links (careerportal.glossary_links) unwrapped to their
    words, so a test can look for a sentence whatever words in it the glossary links."""
    return GLOSSARY_LINK.sub(r"\1", response.content.decode())


def official_description(html: str) -> str:
    """The text a page keeps under its "Official description" details element."""
    start = html.index("<summary>Official description</summary>")
    return html[start : html.index("</details>", start)]


def plain_summary_official(response: Any, plain: str) -> str:
    """Check a page shows our plain text, marked as ours; return its official description."""
    assert response.status_code == 200
    html = page_html(response)
    assert plain in html
    assert "Written by the portal team in plain words." in html
    return official_description(html)
