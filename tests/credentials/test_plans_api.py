"""Plans in the API: create, read by either token, change only by the edit token or as the
owner; no list of everyone's plans."""

import pytest
from django.contrib.auth import get_user_model

from credentials.plans import services as plan_services
from credentials.plans.models import Plan
from pathways.models import Occupation

pytestmark = pytest.mark.django_db


def test_create_read_and_add(client):
    Occupation.objects.create(soc_code="15-1232", title="Support", title_en="Support")
    created = client.post(
        "/api/v1/plans/", {"title": "API plan", "notes": "hi"}, content_type="application/json"
    )
    assert created.status_code == 201
    token, edit_token = created.json()["token"], created.json()["edit_token"]
    added = client.post(
        f"/api/v1/plans/{edit_token}/items/",
        {"occupation": "15-1232"},
        content_type="application/json",
    )
    assert added.status_code == 201
    body = client.get(f"/api/v1/plans/{token}/").json()
    assert body["title"] == "API plan"
    assert [i["occupation"] for i in body["items"]] == ["15-1232"]


def test_reading_by_the_view_token_does_not_reveal_the_edit_token(client):
    plan = plan_services.plan_create(title="Shared")
    response = client.get(f"/api/v1/plans/{plan.token}/")
    assert response.status_code == 200
    assert "edit_token" not in response.json()
    assert plan.edit_token not in response.content.decode()


def test_the_view_token_cannot_add_items(client):
    Occupation.objects.create(soc_code="15-1232", title="Support", title_en="Support")
    plan = plan_services.plan_create()
    response = client.post(
        f"/api/v1/plans/{plan.token}/items/",
        {"occupation": "15-1232"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert plan.items.count() == 0


def test_the_view_token_cannot_rename_the_plan(client):
    plan = plan_services.plan_create(title="Before")
    response = client.patch(
        f"/api/v1/plans/{plan.token}/", {"title": "Hacked"}, content_type="application/json"
    )
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.title == "Before"


def test_the_edit_token_renames_the_plan_and_removes_items(client):
    Occupation.objects.create(soc_code="15-1232", title="Support", title_en="Support")
    plan = plan_services.plan_create(title="Before")
    item = plan_services.plan_item_add(plan=plan, soc_code="15-1232")
    renamed = client.patch(
        f"/api/v1/plans/{plan.edit_token}/",
        {"title": "After", "notes": "Tuesday"},
        content_type="application/json",
    )
    assert renamed.status_code == 200
    assert (renamed.json()["title"], renamed.json()["notes"]) == ("After", "Tuesday")
    refused = client.delete(f"/api/v1/plans/{plan.token}/items/{item.id}/")
    assert refused.status_code == 403 and plan.items.count() == 1
    removed = client.delete(f"/api/v1/plans/{plan.edit_token}/items/{item.id}/")
    assert removed.status_code == 204
    assert plan.items.count() == 0


def test_the_owner_signed_in_changes_the_plan_by_its_view_token(client):
    owner = get_user_model().objects.create_user("counselor", password="x")
    plan = plan_services.plan_create(title="Before", user=owner)
    client.force_login(owner)
    response = client.patch(
        f"/api/v1/plans/{plan.token}/", {"title": "After"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["edit_token"] == plan.edit_token
    plan.refresh_from_db()
    assert plan.title == "After"


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
    token = client.post("/api/v1/plans/", {}, content_type="application/json").json()["edit_token"]
    response = client.post(
        f"/api/v1/plans/{token}/items/", payload, content_type="application/json"
    )
    assert response.status_code == 400


def test_an_unknown_career_is_refused_with_the_shared_error_shape(client):
    token = client.post("/api/v1/plans/", {}, content_type="application/json").json()["edit_token"]
    response = client.post(
        f"/api/v1/plans/{token}/items/", {"occupation": "15-9999"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "plan_item_refused"
    assert "15-9999" in response.json()["detail"]


def test_unknown_token_is_404(client):
    assert client.get("/api/v1/plans/aaaaaaaaaaaaaaaaaaaaaa/").status_code == 404


def test_a_plans_language_is_set_read_and_changed_through_the_api(client):
    created = client.post(
        "/api/v1/plans/", {"title": "Plan", "language": "es"}, content_type="application/json"
    )
    assert created.status_code == 201
    token, edit_token = created.json()["token"], created.json()["edit_token"]
    assert client.get(f"/api/v1/plans/{token}/").json()["language"] == "es"
    changed = client.patch(
        f"/api/v1/plans/{edit_token}/", {"language": "en"}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["language"] == "en"
    refused = client.patch(
        f"/api/v1/plans/{edit_token}/", {"language": "xx"}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert Plan.objects.get(token=token).language == "en"


def test_a_new_plan_without_a_language_is_in_english(client):
    created = client.post("/api/v1/plans/", {"title": "Plan"}, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["language"] == "en"


def test_the_schema_documents_the_plans_language(client):
    schema = client.get("/api/schema/?format=json").json()
    language = schema["components"]["schemas"]["Plan"]["properties"]["language"]
    assert "printout" in language["description"]
