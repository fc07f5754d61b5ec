"""The API's front door: root, partner keys, throttles, CORS for reads, conditional GET."""

import logging

import pytest
from django.core.cache import cache
from rest_framework.throttling import SimpleRateThrottle

from careerportal.api_access import throttle_counts
from careerportal.models import PartnerKey, key_hash
from tests.credentials.factories import CredentialFactory


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def low_rates(monkeypatch):
    # DRF reads the rates into the throttle class when it is imported.
    monkeypatch.setattr(
        SimpleRateThrottle,
        "THROTTLE_RATES",
        {"anon": "2/minute", "user": "2/minute", "partner": "4/minute"},
    )


def test_root_lists_every_resource(client, db):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    body = response.json()
    assert body["resources"]["credentials"].endswith("/api/v1/credentials/")
    assert "occupations" in body["resources"] and "funding-sources" in body["resources"]
    assert body["schema"].endswith("/api/schema/")
    assert body["rate_limits"]["anon"]


def test_anonymous_reads_are_throttled_with_retry_after(client, db, low_rates):
    statuses = [client.get("/api/v1/funding-sources/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    response = client.get("/api/v1/funding-sources/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"
    # Counted in the default cache (Redis when REDIS_URL is set), under DRF's own key.
    assert len(cache.get("throttle_anon_127.0.0.1")) == 2
    assert throttle_counts.memory.get("throttle_anon_127.0.0.1") is None


def test_anonymous_reads_stay_throttled_with_redis_down(client, db, redis_down, low_rates):
    statuses = [client.get("/api/v1/credentials/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    response = client.get("/api/v1/credentials/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"


def test_counting_in_memory_is_logged_once_not_per_request(
    client, db, redis_down, caplog, monkeypatch
):
    monkeypatch.setattr(throttle_counts, "warned_at", None)

    with caplog.at_level(logging.WARNING, logger="careerportal.api_access"):
        statuses = [client.get("/api/v1/credentials/").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]
    warnings = [r for r in caplog.records if r.name == "careerportal.api_access"]
    assert len(warnings) == 1
    assert "per worker process" in warnings[0].getMessage()


def test_after_a_failure_redis_is_left_alone_for_a_few_seconds(client, db, redis_down, monkeypatch):
    """A Redis that hangs would cost every throttled request its socket timeouts: after one
    failure the counts stay in memory for RETRY_AFTER_SECONDS, then Redis is tried again."""
    import careerportal.api_access as api_access

    calls = []
    raising = api_access._raising
    monkeypatch.setattr(api_access, "_raising", lambda cache: calls.append(1) or raising(cache))
    now = [1000.0]
    monkeypatch.setattr(api_access.time, "monotonic", lambda: now[0])

    client.get("/api/v1/credentials/")
    tried = len(calls)
    assert tried == 1  # the first read fails; its write goes to memory without a second try
    client.get("/api/v1/credentials/")
    assert len(calls) == tried
    now[0] += throttle_counts.RETRY_AFTER_SECONDS
    client.get("/api/v1/credentials/")
    assert len(calls) == tried + 1


def test_partner_key_has_its_own_rate_and_counts_use(client, db, low_rates):
    key, secret = PartnerKey.issue(name="State portal")

    statuses = [
        client.get("/api/v1/funding-sources/", HTTP_X_API_KEY=secret).status_code for _ in range(5)
    ]

    assert statuses == [200, 200, 200, 200, 429]
    key.refresh_from_db()
    assert key.request_count == 5 and key.last_used_at is not None
    # Stored hashed: the secret itself is nowhere in the row.
    assert key.hashed_key == key_hash(secret) and secret not in (key.prefix, key.hashed_key)


def test_revoked_or_wrong_key_is_refused(client, db):
    key, secret = PartnerKey.issue(name="Old partner")
    PartnerKey.objects.filter(pk=key.pk).update(revoked_at="2026-01-01T00:00:00Z")

    response = client.get("/api/v1/funding-sources/", HTTP_X_API_KEY=secret)

    assert response.status_code == 401
    assert response.json()["code"] == "bad_api_key"
    assert client.get("/api/v1/funding-sources/", HTTP_X_API_KEY="nope").status_code == 401


def test_staff_create_a_key_and_see_it_once(admin_client):
    response = admin_client.post(
        "/admin/careerportal/partnerkey/add/", {"name": "Job board"}, follow=True
    )

    assert response.status_code == 200
    key = PartnerKey.objects.get(name="Job board")
    shown = [str(m) for m in response.context["messages"]]
    assert any("shown only this once" in m for m in shown)
    secret = next(m for m in shown if "shown only this once" in m).split(" is ")[1].split(".")[0]
    assert key_hash(secret) == key.hashed_key


def test_reads_allow_any_origin_and_answer_preflight(client, db):
    response = client.get("/api/v1/funding-sources/", HTTP_ORIGIN="https://partner.example")
    preflight = client.options(
        "/api/v1/funding-sources/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_writes_get_no_cors(client, db):
    response = client.post("/api/v1/alliance/recognitions/", {}, HTTP_ORIGIN="https://x.example")

    assert response.status_code in (401, 403)
    assert "Access-Control-Allow-Origin" not in response


def test_conditional_get_answers_304(client, db):
    credential = CredentialFactory()
    first = client.get(f"/api/v1/credentials/{credential.slug}/")

    second = client.get(f"/api/v1/credentials/{credential.slug}/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert second.status_code == 304
    assert "Last-Modified" in first


def test_unroutable_api_path_is_json_404(client, db):
    response = client.get("/api/v1/occupations/%C2%84/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_unknown_list_parameter_is_refused(client, db):
    response = client.get("/api/v1/funding-sources/?requires_etpl=-1")
    misspelt = client.get("/api/v1/funding-sources/?kindd=grant")

    assert response.status_code == 400
    assert "requires_etpl" in response.json()
    assert misspelt.status_code == 400
    assert misspelt.json()["kindd"] == ["Unknown parameter."]
