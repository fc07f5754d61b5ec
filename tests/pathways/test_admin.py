"""Pathways are authored in the admin with their steps inline."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pathways/pathway/add/",
        "/admin/pathways/fundingsource/add/",
        "/admin/pathways/occupation/",
        "/admin/credentials/plan/",
    ],
)
def test_admin_pages_open(staff_client, url):
    assert staff_client.get(url).status_code == 200


def test_pathway_change_page_shows_steps_inline(staff_client, sample_data):
    from pathways.models import Pathway

    pathway = Pathway.objects.get(occupation__soc_code="15-1212", education_level="high_school")
    html = staff_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/").content.decode()
    assert "Earn an entry security certification" in html
