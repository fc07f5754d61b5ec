"""The header's account area: "Sign in" for visitors, the account menu and "Sign out" for users."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.alliance.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _account_area(html: str) -> str:
    start = html.index('class="header-tools"')
    return html[start : html.index("</nav>", start)]


def test_visitor_sees_sign_in_that_returns_to_the_page(client):
    area = _account_area(client.get("/credentials/?q=cloud").content.decode())

    assert 'href="/accounts/login/?next=/credentials/%3Fq%3Dcloud"' in area
    assert "Sign in" in area
    assert "Sign out" not in area


def test_visitor_sees_spanish_sign_in_link(client):
    area = _account_area(client.get("/es/careers/").content.decode())

    assert 'href="/es/accounts/login/?next=/es/careers/"' in area
    assert "Iniciar sesión" in area


def test_member_sees_their_links_and_sign_out(client):
    membership = MembershipFactory(user__first_name="Ana", user__last_name="Ruiz")
    client.force_login(membership.user)

    area = _account_area(client.get("/careers/").content.decode())

    assert "Ana Ruiz" in area
    assert 'href="/portal/"' in area
    assert 'href="/plans/"' in area
    assert f'href="/alliance/manage/{membership.member.slug}/"' in area
    assert 'href="/admin/"' not in area
    assert 'action="/accounts/logout/"' in area
    assert 'name="csrfmiddlewaretoken"' in area
    assert "Sign in" not in area


def test_user_without_membership_has_no_alliance_link(client):
    client.force_login(UserFactory())

    area = _account_area(client.get("/").content.decode())

    assert "/alliance/manage/" not in area
    assert 'href="/plans/"' in area


def test_staff_sees_staff_links_in_spanish(client):
    client.force_login(UserFactory(is_staff=True))

    area = _account_area(client.get("/es/").content.decode())

    assert 'href="/es/alliance/manage/"' in area
    assert 'href="/es/transparency/staff/"' in area
    assert 'href="/es/admin/"' in area
    assert "Cerrar sesión" in area
    assert 'name="next" value="/es/"' in area


def test_sign_out_post_ends_the_session_and_returns_to_the_language_start_page():
    client = Client(enforce_csrf_checks=True)
    user = UserFactory()
    client.force_login(user)
    page = client.get("/es/careers/")
    token = page.context["csrf_token"]

    response = client.post(
        "/es/accounts/logout/", {"csrfmiddlewaretoken": str(token), "next": "/es/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_sign_out_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())

    response = client.post("/accounts/logout/", {"next": "/"})

    assert response.status_code == 403
    assert "_auth_user_id" in client.session
