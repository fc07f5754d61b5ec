"""Sign-in limits per account across addresses and per address across accounts; the client
address behind proxies; password reset limited per address and per e-mail address."""

import pytest
from django.test import RequestFactory

from alliance.signin import client_ip

from .conftest import PASSWORD
from .test_signin import _empty_cache  # noqa: F401  (autouse: every test starts with no counts)

pytestmark = pytest.mark.django_db


def _sign_in(client, username, password, ip="10.0.0.1", **headers):  # type: ignore[no-untyped-def]
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        **headers,
    )


def test_guesses_from_many_addresses_lock_the_account(client, admin_user, settings):
    settings.ALLIANCE_SIGNIN_MAX_FAILURES_PER_ACCOUNT = 4
    for n in range(4):
        assert _sign_in(client, admin_user.username, "wrong", ip=f"10.0.1.{n}").status_code == 200
    response = _sign_in(client, admin_user.username, PASSWORD, ip="10.0.2.1")
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_address_trying_many_accounts_is_stopped(client, admin_user, settings):
    settings.ALLIANCE_SIGNIN_MAX_FAILURES_PER_ADDRESS = 4
    for n in range(4):
        _sign_in(client, f"someone{n}", "guess")
    # Even the right password for a real account is refused from that address now...
    response = _sign_in(client, admin_user.username, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    # ...and not from another.
    assert _sign_in(client, admin_user.username, PASSWORD, ip="10.0.0.9").status_code == 302


def test_signing_in_to_ones_own_account_does_not_reset_the_address_count(
    client, admin_user, django_user_model, settings
):
    settings.ALLIANCE_SIGNIN_MAX_FAILURES_PER_ADDRESS = 3
    _sign_in(client, "victim-1", "guess")
    _sign_in(client, "victim-2", "guess")
    assert _sign_in(client, admin_user.username, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    _sign_in(client, "victim-3", "guess")
    assert _sign_in(client, admin_user.username, PASSWORD).status_code == 200  # locked


def test_without_trusted_proxies_a_forwarded_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.9.9.9"


def test_behind_one_proxy_the_address_it_saw_counts_not_what_the_client_wrote(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(
        "/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 10.0.0.2"
    )
    assert client_ip(request) == "203.0.113.7"


def test_behind_a_proxy_one_person_cannot_lock_out_everyone(client, admin_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ALLIANCE_SIGNIN_MAX_FAILURES = 3
    for _ in range(3):
        _sign_in(client, admin_user.username, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7")
    # Same proxy address, another client behind it.
    response = _sign_in(client, admin_user.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert response.status_code == 302


def _reset(client, email, ip="10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post("/accounts/password_reset/", {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_mails_one_account_a_few_times_at_most(
    client, admin_user, mailoutbox, settings
):
    settings.ALLIANCE_PASSWORD_RESET_MAX_PER_ACCOUNT = 3
    for n in range(10):
        response = _reset(client, admin_user.email, ip=f"10.0.3.{n}")
        assert response.status_code == 302  # the same answer every time: nothing revealed
    assert len(mailoutbox) == 3


def test_password_reset_requests_from_one_address_are_limited(client, admin_user, settings):
    settings.ALLIANCE_PASSWORD_RESET_MAX_PER_ADDRESS = 2
    assert _reset(client, "a@example.org").status_code == 302
    assert _reset(client, "b@example.org").status_code == 302
    response = _reset(client, "c@example.org")
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    assert _reset(client, "c@example.org", ip="10.0.0.2").status_code == 302
