"""The task force verifies a provider's outcome report on a credential from the review queue:
the figures then read "Verified by the task force on <date>"; audited; nobody else can."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alliance.models import AuditEntry
from alliance.providers import services
from credentials.outcome_provenance import report_outcome_provenance
from tests.credentials.factories import OutcomeReportFactory
from tests.pages import page_html

pytestmark = pytest.mark.django_db
NOTE = "Checked against the provider's cohort spreadsheet and placement letters."


@pytest.fixture
def report(credential):  # type: ignore[no-untyped-def]
    return OutcomeReportFactory(credential=credential, self_reported=True)


def test_task_force_verifies_from_the_queue_and_it_is_audited(report, task_force_user, client):
    assert report_outcome_provenance(report) == "Reported by the provider"
    client.force_login(task_force_user)
    page = page_html(client.get("/alliance/task-force/providers/"))
    url = f"/alliance/task-force/providers/outcome-reports/{report.pk}/verify/"
    assert f'action="{url}"' in page and "CompTIA A+" in page
    response = client.post(url, {f"r{report.pk}-note": "ok"})
    assert response.status_code == 400
    assert "Say what you checked" in response.content.decode()
    report.refresh_from_db()
    assert report.verified_on is None and not AuditEntry.objects.exists()
    assert client.post(url, {f"r{report.pk}-note": NOTE}).status_code == 302
    report.refresh_from_db()
    assert report.verified_on == timezone.localdate()
    assert report_outcome_provenance(report).startswith("Verified by the task force on")
    entry = AuditEntry.objects.get(action="outcome_report.verify")
    assert entry.actor == task_force_user and entry.after["note"] == NOTE
    # Gone from the queue; verifying twice is refused.
    assert f'action="{url}"' not in page_html(client.get("/alliance/task-force/providers/"))
    with pytest.raises(ValidationError):
        services.outcome_report_verify(actor=task_force_user, report=report, note=NOTE)


@pytest.mark.parametrize("who", ["admin_user", "other_admin", "viewer_user"])
def test_only_the_task_force_verifies(request, report, who, client):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.outcome_report_verify(actor=actor, report=report, note=NOTE)
    client.force_login(actor)
    url = f"/alliance/task-force/providers/outcome-reports/{report.pk}/verify/"
    assert client.post(url, {f"r{report.pk}-note": NOTE}).status_code == 403
    report.refresh_from_db()
    assert report.verified_on is None and not AuditEntry.objects.exists()


def test_a_public_sources_report_is_not_verified_here(credential, task_force_user, client):
    public = OutcomeReportFactory(credential=credential, self_reported=False)
    with pytest.raises(ValidationError):
        services.outcome_report_verify(actor=task_force_user, report=public, note=NOTE)
    client.force_login(task_force_user)
    url = f"/alliance/task-force/providers/outcome-reports/{public.pk}/verify/"
    assert client.post(url, {f"r{public.pk}-note": NOTE}).status_code == 404
