"""Pictures with words (#14 item 4): the start page's choices and the main routes carry a
small picture beside their words, hidden from screen readers (the words say the same)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages import page_html

SPRITE = Path(settings.BASE_DIR) / "static" / "img" / "route-icons.svg"
ICON = re.compile(
    r'<svg class="route-icon[^"]*" aria-hidden="true" focusable="false"[^>]*>'
    r'<use href="/static/img/route-icons.svg#([a-z_]+)"></use></svg>'
)


def _icons(response):
    return ICON.findall(page_html(response))


@pytest.mark.django_db
def test_every_choice_on_the_start_page_has_a_picture(client):
    response = client.get("/")
    assert response.status_code == 200
    html = page_html(response)
    # Each of the four "What do you want to do?" cards, and every link in them.
    assert html.count("route-icon route-icon--lg") == 4
    cards = html[html.index("What do you want to do?") :]
    links = re.findall(r'<a class="usa-link" href="[^"]+">(.*?)</a>', cards)
    assert len(links) == 10 and all(ICON.match(link) for link in links)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "icon"),
    [
        ("/careers/", "work"),
        ("/credentials/", "school"),
        ("/programs/", "local_library"),
        ("/funding/", "attach_money"),
        ("/plans/", "list"),
    ],
)
def test_each_main_route_shows_its_picture_beside_its_heading(client, path, icon):
    response = client.get(path)
    assert response.status_code == 200
    html = page_html(response)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert ICON.findall(heading) == [icon]
    # The menu shows the same picture beside the same words (careers, training, funding).
    assert set(_icons(response)) >= {"work", "school", "attach_money"}


def test_every_picture_used_is_in_the_sprite_with_its_licence_note():
    sprite = SPRITE.read_text()
    assert "Apache License 2.0" in sprite and "LICENSE.md" in sprite
    templates = Path(settings.BASE_DIR) / "templates"
    used = set()
    for path in templates.rglob("*.html"):
        used |= set(re.findall(r'{% route_icon "([a-z_]+)"', path.read_text()))
    assert used and used <= set(re.findall(r'<symbol id="([a-z_]+)"', sprite))
