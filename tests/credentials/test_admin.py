"""Staff edit the catalog in the admin; saving a credential refreshes its index row."""

import pytest
from django.urls import reverse

from credentials.models import ComparisonIndex

from .factories import CostItemFactory, CredentialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return client


def test_changelists_and_change_form_show_both_languages(staff_client):
    credential = CredentialFactory()
    CostItemFactory(credential=credential)
    assert staff_client.get(reverse("admin:credentials_provider_changelist")).status_code == 200
    changelist = staff_client.get(
        reverse("admin:credentials_credential_changelist"), {"q": "Credential"}
    )
    assert changelist.status_code == 200
    form = staff_client.get(reverse("admin:credentials_credential_change", args=[credential.pk]))
    body = form.content.decode()
    assert 'name="summary_en"' in body and 'name="summary_es"' in body
    assert 'name="cost_items-0-amount_min_usd"' in body
    assert "outcome_reports-TOTAL_FORMS" in body


def test_saving_a_credential_refreshes_its_index_row(
    staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        credential = CredentialFactory(name="Old name")
    url = reverse("admin:credentials_credential_change", args=[credential.pk])
    data = {
        "name": "New name", "slug": credential.slug, "provider": credential.provider.pk,
        "credential_type": credential.credential_type, "category": credential.category,
        "status": "published", "summary_en": "Plain words.", "summary_es": "Palabras simples.",
        "delivery": "online", "languages": "en",
        "cost_items-TOTAL_FORMS": "1", "cost_items-INITIAL_FORMS": "0",
        "cost_items-0-kind": "exam_fee", "cost_items-0-amount_min_usd": "120",
        "cost_items-0-amount_max_usd": "120", "cost_items-0-unit": "once",
        "cost_items-0-count": "1", "cost_items-0-source_date": "2026-06",
        "outcome_reports-TOTAL_FORMS": "0", "outcome_reports-INITIAL_FORMS": "0",
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert row.name == "New name"
    assert row.total_cost_min_usd == 120
