import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_start_page_routes_each_kind_of_user(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for link in (
        'href="/credentials/"',
        'href="/careers/"',
        'href="/employers/"',
        'href="/portal/"',
    ):
        assert link in html
    assert '<html lang="en"' in html
    assert 'class="usa-skipnav" href="#main-content"' in html
    assert html.count("<h1") == 1


def test_spanish_start_page_is_translated_and_links_stay_in_spanish(client):
    response = client.get("/es/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es"' in html
    assert "Buscar capacitación" in html
    assert 'href="/es/credentials/"' in html


def test_language_switcher_posts_and_redirects_to_the_same_page_in_spanish(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_404_page_uses_the_site_layout_in_the_right_language(client, settings):
    settings.DEBUG = False
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "No pudimos encontrar esa página" in html
    assert "language-select" in html


def test_500_page_renders_without_a_database(rf):
    from careerportal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Nothing you entered was lost" in response.content


def test_the_api_root_lists_every_collection(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["resources"]["credentials"].endswith("/api/v1/credentials/")
    assert {"occupations", "alliance/members", "transparency-reports"} <= set(body["resources"])
    for name, url in body["resources"].items():
        # plans are created by POST and read by their token only: no list to GET; a member's
        # submissions need a signed-in member: 401, since the API names its schemes (session,
        # partner key) in WWW-Authenticate
        expected = {"plans": 405, "hiring-data/submissions": 401}.get(name, 200)
        assert client.get(url).status_code == expected, url
    assert body["schema"].endswith("/api/schema/")
