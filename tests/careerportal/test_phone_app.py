"""The phone app's server side: the manifest per language, the service worker and its
configuration, the offline page, and no-store on everything private."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image, ImageChops

from careerportal import app_icon
from tests.pages import page_html

pytestmark = pytest.mark.django_db


def worker_config(response) -> dict:  # type: ignore[no-untyped-def]
    first_line = response.content.decode().split("\n", 1)[0]
    assert first_line.startswith("const CONFIG = ") and first_line.endswith(";")
    return json.loads(first_line.removeprefix("const CONFIG = ").removesuffix(";"))


@pytest.mark.parametrize(
    ("path", "lang", "start", "name", "short_name"),
    [
        ("/manifest.webmanifest", "en", "/", "Transparent Tech Training", "Tech Training"),
        (
            "/es/manifest.webmanifest",
            "es",
            "/es/",
            "Capacitación Tecnológica Transparente",
            "Capacitación TI",
        ),
    ],
)
def test_the_manifest_names_the_app_in_the_page_language(
    client, path, lang, start, name, short_name
):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == lang and manifest["dir"] == "ltr"
    assert manifest["name"] == name and manifest["short_name"] == short_name
    assert manifest["start_url"] == start and manifest["scope"] == "/" and manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == app_icon.THEME
    icons = {(i["src"], i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert icons == {
        ("/static/img/app/icon-192.png", "192x192", "any"),
        ("/static/img/app/icon-512.png", "512x512", "any"),
        ("/static/img/app/icon-maskable-192.png", "192x192", "maskable"),
        ("/static/img/app/icon-maskable-512.png", "512x512", "maskable"),
    }


@pytest.mark.parametrize(
    ("path", "manifest"),
    [("/", "/manifest.webmanifest"), ("/es/glossary/", "/es/manifest.webmanifest")],
)
def test_every_page_links_the_manifest_of_its_language(client, path, manifest):
    response = client.get(path)
    assert response.status_code == 200
    html = page_html(response)
    assert f'<link rel="manifest" href="{manifest}">' in html
    assert 'data-worker="/sw.js"' in html
    assert '<meta name="theme-color" content="#1a4480">' in html


def test_the_committed_icons_are_the_drawing(tmp_path):
    """static/img/app/ holds what careerportal/app_icon.py draws (rerun it after a change)."""
    for path in app_icon.write_icons(tmp_path):
        committed = finders.find(f"img/app/{path.name}")
        assert committed, f"static/img/app/{path.name} is missing"
        if path.suffix == ".svg":
            assert path.read_text() == Path(str(committed)).read_text()
            continue
        with Image.open(path) as drawn, Image.open(committed) as shipped:
            assert shipped.size == drawn.size
            assert (
                ImageChops.difference(drawn.convert("RGBA"), shipped.convert("RGBA")).getbbox()
                is None
            )


def test_the_worker_is_served_at_the_root_with_its_configuration(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    config = worker_config(response)
    assert config["offline"] == {
        code: "/offline/" if code == "en" else f"/{code}/offline/"
        for code, _name in settings.LANGUAGES
    }
    assert "/static/css/portal.css" in config["shell"]
    assert "/static/js/phone-app.js" in config["shell"]
    for private in ("/api/", "/admin/", "/portal/", "/staff/", "/accounts/"):
        assert private in config["private"]
    assert len(config["version"]) == 12
    assert 'self.addEventListener("fetch"' in response.content.decode()


def test_the_worker_version_follows_the_shell(client, settings, monkeypatch):
    """A deploy that changes a shell file (its hashed name) is a new version of the worker."""
    from careerportal import phone_app

    before = worker_config(client.get("/sw.js"))["version"]
    monkeypatch.setattr(phone_app, "SHELL", (*phone_app.SHELL, "img/app/icon-512.png"))
    phone_app._cached_worker_script.cache_clear()  # a deploy starts new processes
    after = worker_config(client.get("/sw.js"))["version"]
    phone_app._cached_worker_script.cache_clear()
    assert before != after


@pytest.mark.parametrize(
    ("path", "heading"), [("/offline/", "You are offline"), ("/es/offline/", "Sin conexión")]
)
def test_the_offline_page(client, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in page_html(response)
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_policy_names_the_manifest_and_the_worker(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "manifest-src 'self'" in policy
    assert "worker-src 'self'" in policy
    assert "script-src 'self';" in policy


def test_public_pages_may_be_saved(client):
    response = client.get("/glossary/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_pages_shown_to_a_signed_in_person_are_no_store(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("ana"))
    response = client.get("/glossary/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_response_that_sets_the_session_cookie_is_no_store(client):
    response = client.get("/programs/", {"zip": "07102"})  # remembers the ZIP in the session
    assert "sessionid" in response.cookies
    assert "no-store" in response["Cache-Control"]
