"""Sign-in, sign-out and password reset, with failed sign-ins rate-limited per username + IP."""

import pytest
from django.core.cache import cache

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


def _sign_in(client, username, password, ip="10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_sign_in_page_renders(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'for="id_username"' in response.content.decode()


def test_right_password_signs_in(client, admin_user):
    response = _sign_in(client, admin_user.username, PASSWORD)
    assert response.status_code == 302


def test_wrong_password_says_so(client, admin_user):
    response = _sign_in(client, admin_user.username, "wrong")
    assert response.status_code == 200
    assert "is not right" in response.content.decode()


def test_repeated_failures_lock_the_account_from_that_address(client, admin_user, settings):
    settings.ALLIANCE_SIGNIN_MAX_FAILURES = 3
    for _ in range(3):
        _sign_in(client, admin_user.username, "wrong")
    response = _sign_in(client, admin_user.username, PASSWORD)
    body = response.content.decode()
    assert response.status_code == 200  # not signed in
    assert "Too many failed sign-ins" in body
    assert "_auth_user_id" not in client.session
    # Another address is not locked out by someone else's guessing.
    assert _sign_in(client, admin_user.username, PASSWORD, ip="10.0.0.2").status_code == 302


def test_a_successful_sign_in_clears_the_count(client, admin_user, settings):
    settings.ALLIANCE_SIGNIN_MAX_FAILURES = 3
    _sign_in(client, admin_user.username, "wrong")
    _sign_in(client, admin_user.username, "wrong")
    assert _sign_in(client, admin_user.username, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    _sign_in(client, admin_user.username, "wrong")
    _sign_in(client, admin_user.username, "wrong")
    assert _sign_in(client, admin_user.username, PASSWORD).status_code == 302


def test_sign_out_is_a_post(client, admin_user):
    client.force_login(admin_user)
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client, admin_user, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": admin_user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/reset/" in line)
    path = link[link.index("/accounts/") :]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "another long phrase", "new_password2": "another long phrase"}
    )
    assert done.status_code == 302
    admin_user.refresh_from_db()
    assert admin_user.check_password("another long phrase")


def test_password_reset_for_unknown_email_reveals_nothing(client, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mailoutbox == []


@pytest.mark.parametrize(
    "path", ["/accounts/password_reset/", "/accounts/password_reset/done/", "/accounts/reset/done/"]
)
def test_password_pages_render_in_both_languages(client, path):
    for prefix in ("", "/es"):
        assert client.get(prefix + path).status_code == 200
