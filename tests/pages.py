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
