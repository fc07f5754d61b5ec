"""Content-Security-Policy and Permissions-Policy: on every response, and no inline script left."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.clickjacking import xframe_options_exempt

from careerportal.headers import SecurityHeadersMiddleware

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_pages_get_a_policy_that_allows_no_inline_script(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "camera=()" in response["Permissions-Policy"]


def test_errors_and_api_responses_get_the_policy_too(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert directives(response)["script-src"] == "'self'"
    response = client.get("/api/v1/credentials/")
    assert response.status_code == 200
    assert "Permissions-Policy" in response


def test_api_explorer_scripts_are_files_and_only_its_styles_are_widened(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    policy = directives(response)
    assert (policy["script-src"], policy["style-src"]) == ("'self'", "'self' 'unsafe-inline'")
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


def test_redoc_page_has_no_inline_script(client):
    response = client.get("/api/redoc/")
    assert response.status_code == 200
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode())


def test_a_frameable_view_keeps_the_policy_but_may_be_framed():
    view = xframe_options_exempt(lambda request: HttpResponse("embed"))
    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/embed/"))
    policy = directives(response)
    assert "frame-ancestors" not in policy
    assert policy["script-src"] == "'self'"


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        if re.search(
            r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", text
        ):
            offenders.append(f"{template}: inline <script>")
        if re.search(r"<[a-z][^>]*\son[a-z]+\s*=", text):
            offenders.append(f"{template}: inline event handler")
    assert not offenders, offenders


@pytest.mark.django_db
def test_pages_are_gzip_compressed_for_browsers_that_ask(client):
    import gzip

    response = client.get("/glossary/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert b"<h1" in gzip.decompress(response.content)
    plain = client.get("/glossary/", HTTP_ACCEPT_ENCODING="identity")
    assert "Content-Encoding" not in plain
