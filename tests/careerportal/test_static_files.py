"""Static files: hashed names from the production storage, cached for a year, immutable."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory

from careerportal.staticfiles import StaticFilesMiddleware

PRODUCTION_STORAGE = "careerportal.staticfiles.StaticFilesStorage"


@pytest.fixture
def collected(settings, tmp_path):
    """A small static tree collected with the production storage (the real tree takes minutes)."""
    source = tmp_path / "src"
    (source / "css").mkdir(parents=True)
    (source / "img").mkdir()
    (source / "img" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    # hero.jpg is not shipped, as in the vendored USWDS stylesheet: left as written.
    (source / "css" / "site.css").write_text(
        "body { background: url(../img/logo.svg); } .hero { background: url(../img/hero.jpg); }"
    )
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "root"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STORAGE}}
    settings.DEBUG = False
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", "--noinput", verbosity=0)
    return settings.STATIC_ROOT


def test_names_carry_a_hash_and_references_inside_css_follow(collected):
    url = staticfiles_storage.url("css/site.css")
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"
    hashed_css = (collected / url.removeprefix("/static/")).read_text()
    logo = staticfiles_storage.url("img/logo.svg").rsplit("/", 1)[1]
    assert logo in hashed_css and logo != "logo.svg"
    assert 'url("../img/hero.jpg")' in hashed_css


def test_hashed_file_is_cached_for_a_year_and_immutable(collected):
    middleware = StaticFilesMiddleware(lambda request: HttpResponse(status=404))
    url = staticfiles_storage.url("css/site.css")
    response = middleware(RequestFactory().get(url))
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=31536000, public, immutable"


def test_unhashed_name_is_cached_briefly(collected):
    middleware = StaticFilesMiddleware(lambda request: HttpResponse(status=404))
    response = middleware(RequestFactory().get("/static/css/site.css"))
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]


def test_production_settings_use_the_manifest_storage():
    code = (
        "import django, os; os.environ.update(DEBUG='0', SECRET_KEY='x', ALLOWED_HOSTS='x');"
        "os.environ['DJANGO_SETTINGS_MODULE']='careerportal.settings';"
        "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert out.stdout.strip() == PRODUCTION_STORAGE
