"""Counselor plans: no account, a view link and an edit link, notes, share, print; owners see a
list and may change their plans by either link."""

import pytest
from django.contrib.auth import get_user_model

from credentials.models import Credential, Provider
from credentials.plans import services as plan_services
from credentials.plans.models import Plan
from pathways.models import Occupation
from tests.pages import page_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def occupation():
    return Occupation.objects.create(
        soc_code="15-1212",
        title="Information Security Analysts",
        title_en="Information Security Analysts",
    )


@pytest.fixture
def credential():
    provider = Provider.objects.create(name="CompTIA", slug="comptia", kind="certification_body")
    return Credential.objects.create(
        name="CompTIA Security+",
        slug="comptia-security-plus",
        provider=provider,
        credential_type="certification",
        category="cybersecurity",
    )


def test_tokens_are_long_and_distinct():
    plans = [plan_services.plan_create() for _ in range(20)]
    tokens = {t for p in plans for t in (p.token, p.edit_token)}
    assert len(tokens) == 40
    assert all(len(t) >= 22 for t in tokens)


def test_add_career_from_its_page_creates_a_plan(client, occupation):
    response = client.post(
        "/plans/add/", {"occupation": "15-1212", "note": "Ask about night classes"}
    )
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.edit_token}/"
    html = client.get(response["Location"]).content.decode()
    assert "Information Security Analysts" in html and "Ask about night classes" in html
    assert f"/plans/{plan.token}/" in html  # the view link to share
    assert f"/plans/{plan.edit_token}/" in html  # the edit link


def test_second_add_goes_to_the_same_plan_and_is_not_duplicated(client, occupation, credential):
    client.post("/plans/add/", {"occupation": "15-1212"})
    client.post("/plans/add/", {"occupation": "15-1212"})
    client.post("/plans/add/", {"credential": "comptia-security-plus"})
    plan = Plan.objects.get()
    assert plan.items.count() == 2


def test_unknown_things_are_refused_with_a_message(client, occupation):
    response = client.post("/plans/add/", {"occupation": "15-9999"})
    assert response.status_code == 400
    assert "No career with SOC code 15-9999" in response.content.decode()
    response = client.post("/plans/add/", {})
    assert response.status_code == 400


def test_notes_and_title_are_saved_through_the_edit_link(client):
    plan = plan_services.plan_create()
    response = client.post(
        f"/plans/{plan.edit_token}/edit/", {"title": "Maria's plan", "notes": "Start in May"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/plans/{plan.edit_token}/"
    html = client.get(f"/plans/{plan.token}/").content.decode()
    assert "Maria&#x27;s plan" in html and "Start in May" in html


def test_remove_item_through_the_edit_link(client, occupation):
    plan = plan_services.plan_create()
    item = plan_services.plan_item_add(plan=plan, soc_code="15-1212")
    response = client.post(f"/plans/{plan.edit_token}/items/{item.id}/remove/")
    assert response.status_code == 302
    assert plan.items.count() == 0


def test_the_view_link_cannot_rename_the_plan(client):
    plan = plan_services.plan_create(title="Maria's plan", notes="Start in May")
    response = client.post(f"/plans/{plan.token}/edit/", {"title": "Hacked", "notes": ""})
    assert response.status_code == 403
    assert "edit link" in response.content.decode()
    plan.refresh_from_db()
    assert (plan.title, plan.notes) == ("Maria's plan", "Start in May")


def test_the_view_link_cannot_remove_items(client, occupation):
    plan = plan_services.plan_create()
    item = plan_services.plan_item_add(plan=plan, soc_code="15-1212")
    response = client.post(f"/plans/{plan.token}/items/{item.id}/remove/")
    assert response.status_code == 403
    assert plan.items.count() == 1


def test_the_view_link_cannot_add_items(client, occupation):
    plan = plan_services.plan_create()
    response = client.post("/plans/add/", {"token": plan.token, "occupation": "15-1212"})
    assert response.status_code == 403
    assert plan.items.count() == 0 and Plan.objects.count() == 1


def test_the_edit_link_can_add_items(client, occupation):
    plan = plan_services.plan_create()
    response = client.post("/plans/add/", {"token": plan.edit_token, "occupation": "15-1212"})
    assert response.status_code == 302
    assert response["Location"] == f"/plans/{plan.edit_token}/"
    assert plan.items.count() == 1


def test_the_view_link_shows_no_forms_and_not_the_edit_link(client, occupation):
    plan = plan_services.plan_create(title="Shared")
    plan_services.plan_item_add(plan=plan, soc_code="15-1212")
    response = client.get(f"/plans/{plan.token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert plan.edit_token not in html
    assert "/edit/" not in html and "/remove/" not in html
    assert 'id="read-only-note"' in html


def test_the_owner_signed_in_edits_through_the_view_link(client):
    owner = get_user_model().objects.create_user("counselor", password="x")
    plan = plan_services.plan_create(title="Before", user=owner)
    client.force_login(owner)
    page = client.get(f"/plans/{plan.token}/")
    assert page.status_code == 200
    assert plan.edit_token in page.content.decode()  # the owner may hand out the edit link
    response = client.post(f"/plans/{plan.token}/edit/", {"title": "After", "notes": ""})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "After"


def test_another_signed_in_person_cannot_edit_through_the_view_link(client):
    owner = get_user_model().objects.create_user("counselor", password="x")
    stranger = get_user_model().objects.create_user("stranger", password="x")
    plan = plan_services.plan_create(title="Before", user=owner)
    client.force_login(stranger)
    response = client.post(f"/plans/{plan.token}/edit/", {"title": "After", "notes": ""})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.title == "Before"


def test_this_browsers_plan_is_kept_by_its_edit_link(client, occupation):
    client.post("/plans/new/", {"title": "Mine"})
    plan = Plan.objects.get()
    html = client.get("/plans/").content.decode()
    assert f"/plans/{plan.edit_token}/" in html


def test_wrong_token_is_a_404(client):
    response = client.get("/plans/not-a-real-token-at-all/")
    assert response.status_code == 404
    assert "No plan at this link" in response.content.decode()


def test_plan_page_has_a_print_stylesheet(client):
    plan = plan_services.plan_create()
    html = client.get(f"/plans/{plan.token}/").content.decode()
    assert 'plan-print.css" media="print"' in html


def test_signed_in_user_sees_own_plans_only(client):
    user = get_user_model().objects.create_user("counselor", password="x")
    other = get_user_model().objects.create_user("other", password="x")
    mine = plan_services.plan_create(title="Mine", user=user)
    plan_services.plan_create(title="Theirs", user=other)
    client.force_login(user)
    html = client.get("/plans/").content.decode()
    assert "Mine" in html and "Theirs" not in html
    assert mine.token in html


def test_new_plan_by_signed_in_user_is_owned(client):
    user = get_user_model().objects.create_user("counselor", password="x")
    client.force_login(user)
    client.post("/plans/new/", {"title": "Class of 2027"})
    assert Plan.objects.get().owner == user


def test_plan_page_query_count_is_constant(
    client, occupation, credential, django_assert_num_queries
):
    plan = plan_services.plan_create()
    plan_services.plan_item_add(plan=plan, soc_code="15-1212")
    # 1 the plan by its view or edit token, 2 its items with their occupations, credentials and
    # providers
    with django_assert_num_queries(2):
        response = client.get(f"/plans/{plan.token}/")
    assert response.status_code == 200
    for i in range(5):
        Occupation.objects.create(soc_code=f"15-90{i}0", title=f"Job {i}", title_en=f"Job {i}")
        plan_services.plan_item_add(plan=plan, soc_code=f"15-90{i}0")
    plan_services.plan_item_add(plan=plan, credential_slug="comptia-security-plus")
    # With a credential on the plan, the funding screen reads the credentials' facts and the
    # funding sources with their facts in bulk: 5 more, the same for any number of credentials
    # (test_plan_page_query_count_is_constant_with_credentials).
    with django_assert_num_queries(7):
        response = client.get(f"/plans/{plan.token}/")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/plans/add/", {"occupation": "15-1212"}),
        ("/credentials/tray/add/", {"slug": "comptia-security-plus"}),
    ],
)
def test_both_back_links_refuse_to_drop_from_https_to_http(
    client, occupation, credential, path, data
):
    """One safe-redirect rule for the catalog and the plans (they differed on https)."""
    response = client.post(path, {**data, "next": "http://testserver/credentials/"}, secure=True)
    assert response.status_code == 302
    assert not response["Location"].startswith("http://")


def _credentials(count):
    provider = Provider.objects.create(name="A College", slug="a-college", kind="community_college")
    return [
        Credential.objects.create(
            name=f"Diploma {n}", slug=f"diploma-{n}", provider=provider,
            credential_type="diploma", category="it_support", status="published",
        )
        for n in range(count)
    ]  # fmt: skip


def test_plan_shows_each_credentials_verdicts_and_range_left(client):
    from pathways.sample_data import funding_sources_load

    funding_sources_load()
    (diploma,) = _credentials(1)
    plan = plan_services.plan_create()
    plan_services.plan_item_add(plan=plan, credential_slug=diploma.slug)

    response = client.get(f"/plans/{plan.token}/")

    assert response.status_code == 200
    html = page_html(response)
    assert "Price not published." in html  # no cost items: no range is made up
    assert "Federal Pell Grant: Unknown: our data does not say" in html
    assert "Title IV" in html  # the rule that decided it


def test_plan_page_query_count_is_constant_with_credentials(client):
    from pathways.sample_data import funding_sources_load

    funding_sources_load()
    made = _credentials(3)
    plan = plan_services.plan_create()
    plan_services.plan_item_add(plan=plan, credential_slug=made[0].slug)
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # both counts with the funding sources read, not from the public cache
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"/plans/{plan.token}/").status_code == 200
    for credential in made[1:]:
        plan_services.plan_item_add(plan=plan, credential_slug=credential.slug)
    cache.clear()
    with CaptureQueriesContext(connection) as three:
        assert client.get(f"/plans/{plan.token}/").status_code == 200
    # The funding facts, sources and rules are read in bulk: same count for 1 and 3.
    assert len(one.captured_queries) == len(three.captured_queries)
