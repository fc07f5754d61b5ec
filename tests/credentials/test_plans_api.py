"""Plans in the API: create, read by token, add items; no list of everyone's plans."""

import pytest

from credentials.plans.models import Plan
from pathways.models import Occupation

pytestmark = pytest.mark.django_db


def test_create_read_and_add(client):
    Occupation.objects.create(soc_code="15-1232", title="Support", title_en="Support")
    created = client.post(
        "/api/v1/plans/", {"title": "API plan", "notes": "hi"}, content_type="application/json"
    )
    assert created.status_code == 201
    token = created.json()["token"]
    added = client.post(
        f"/api/v1/plans/{token}/items/", {"occupation": "15-1232"}, content_type="application/json"
    )
    assert added.status_code == 201
    body = client.get(f"/api/v1/plans/{token}/").json()
    assert body["title"] == "API plan"
    assert [i["occupation"] for i in body["items"]] == ["15-1232"]


def test_there_is_no_public_list(client):
    Plan.objects.create()
    assert client.get("/api/v1/plans/").status_code == 405


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"occupation": "15-1232", "credential": "x"},
        {"occupation": "bogus"},
        {"occupation": "15-9999"},
    ],
)
def test_bad_items_are_400(client, payload):
    token = client.post("/api/v1/plans/", {}, content_type="application/json").json()["token"]
    response = client.post(
        f"/api/v1/plans/{token}/items/", payload, content_type="application/json"
    )
    assert response.status_code == 400


def test_an_unknown_career_is_refused_with_the_shared_error_shape(client):
    token = client.post("/api/v1/plans/", {}, content_type="application/json").json()["token"]
    response = client.post(
        f"/api/v1/plans/{token}/items/", {"occupation": "15-9999"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "plan_item_refused"
    assert "15-9999" in response.json()["detail"]


def test_unknown_token_is_404(client):
    assert client.get("/api/v1/plans/aaaaaaaaaaaaaaaaaaaaaa/").status_code == 404
