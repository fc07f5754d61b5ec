"""Adding credentials to a counselor plan from the catalog's pages (plain forms, no JS)."""

import pytest
from django.urls import reverse

from credentials.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_catalog_pages_offer_add_to_plan(client, security_catalog):
    detail = client.get(reverse("credentials:detail", args=["a-plus"])).content.decode()
    results = client.get(reverse("credentials:list")).content.decode()
    compare = client.get(
        reverse("credentials:compare"), {"ids": "a-plus,security-plus"}
    ).content.decode()

    add_url = reverse("plans:add")
    assert f'action="{add_url}"' in detail
    assert 'name="credential" value="a-plus"' in detail
    assert 'name="next" value="/credentials/a-plus/"' in detail
    assert results.count(f'action="{add_url}"') == 3  # one per result
    assert compare.count(f'action="{add_url}"') == 2  # one per column
    assert "Your plan" in compare


def test_adding_comes_back_to_the_page_and_links_to_the_plan(client, security_catalog):
    back = reverse("credentials:detail", args=["a-plus"])

    response = client.post(reverse("plans:add"), {"credential": "a-plus", "next": back})

    assert response.status_code == 302 and response["Location"] == back
    plan = Plan.objects.get()
    assert [i.credential.slug for i in plan.items.all()] == ["a-plus"]
    page = client.get(back).content.decode()
    plan_url = reverse("plans:detail", args=[plan.edit_token])
    assert "Added to your plan." in page
    assert f'<a class="usa-link" href="{plan_url}">Open your plan</a>' in page


def test_second_add_goes_to_the_same_plan(client, security_catalog):
    client.post(reverse("plans:add"), {"credential": "a-plus", "next": "/credentials/"})
    client.post(reverse("plans:add"), {"credential": "security-plus", "next": "/credentials/"})

    plan = Plan.objects.get()
    assert sorted(i.credential.slug for i in plan.items.all()) == ["a-plus", "security-plus"]


def test_offsite_next_opens_the_plan_instead(client, security_catalog):
    response = client.post(
        reverse("plans:add"), {"credential": "a-plus", "next": "https://evil.example/"}
    )

    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:detail", args=[plan.edit_token])
