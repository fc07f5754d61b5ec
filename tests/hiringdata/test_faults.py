"""Uploads and report builds survive faults: the broker (Redis or RabbitMQ) down, the private
storage full.

Real faults: the broker at a closed port; the private storage on a 64 KB tmpfs.
"""

import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from careerportal.settings import redis_cache
from hiringdata import services
from hiringdata.models import Submission, SubmissionStatus
from hiringdata.transparency.models import TransparencyReport

from .conftest import GOOD_ROWS, YEAR, records
from .test_api import api_for

pytestmark = pytest.mark.django_db


# --- The broker down ----------------------------------------------


@pytest.mark.parametrize("broker_down", ["redis", "amqp"], indirect=True)
def test_an_upload_is_kept_while_the_broker_is_down_and_swept_later(
    client, broker_down, broker_back, member, catalog, submitter, settings, tmp_path,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    if broker_down.startswith("redis"):  # Redis down: the cache goes with the broker
        settings.CACHES = {"default": redis_cache(broker_down)}
    client.force_login(submitter)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        upload = SimpleUploadedFile("h.csv", records(*GOOD_ROWS))
        response = client.post(
            reverse("hiringdata:upload"), {"member": member.pk, "year": YEAR, "file": upload}
        )
    assert response.status_code == 302
    assert time.monotonic() - started < 15  # the dead broker does not hold the request long
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.RECEIVED
    assert (tmp_path / "private" / submission.stored_path).read_bytes() == records(*GOOD_ROWS)

    # The broker is back; the periodic sweep finds the upload that waited and queues it.
    broker_back()
    Submission.objects.update(created_at=timezone.now() - timedelta(hours=1))
    assert services.submission_sweep() == 1
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED
    assert submission.hires_total == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("broker_down", ["redis", "amqp"], indirect=True)
def test_a_staff_report_build_with_the_broker_down_is_built_in_the_request(
    client, broker_down, hiring_year, staff_user
):
    """The view queues the build after commit and, when the broker cannot be reached, builds
    it in the request instead. Real commits (transaction=True): inside a test's transaction the
    on-commit queueing would never run, so the fallback would go untested."""
    client.force_login(staff_user)
    response = client.post(reverse("transparency:staff"), {"year": str(hiring_year)}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("transparency:staff"), 302)]
    page = response.content.decode()
    assert f"Built a new draft of the {hiring_year} report." in page
    assert "Reload in a minute" not in page
    report = TransparencyReport.objects.get(year=hiring_year)
    assert (report.version, report.built_by, report.is_published) == (1, staff_user, False)
    assert report.tables.filter(passed=True).exists()


# --- Upload storage full ----------------------------------------------------------------------


def _big_records_file(rows: int) -> bytes:
    row = GOOD_ROWS[0].split(",", 1)[1]
    return records(*(f"h{i},{row}" for i in range(rows)))


def test_a_full_storage_refuses_the_upload_clearly_and_keeps_no_part(
    client, full_storage, member, catalog, submitter
):
    data = _big_records_file(2_000)  # about 200 KB: more than the 64 KB disk
    assert len(data) > 100_000
    client.force_login(submitter)
    response = client.post(
        reverse("hiringdata:upload"),
        {"member": member.pk, "year": YEAR, "file": SimpleUploadedFile("big.csv", data)},
    )
    assert response.status_code == 503
    assert "our file storage is full" in response.content.decode()
    assert Submission.objects.count() == 0
    assert [p for p in full_storage.rglob("*") if p.is_file()] == []


def test_a_full_storage_is_a_clear_api_error(full_storage, member, catalog, submitter):
    client = api_for(submitter)
    upload = SimpleUploadedFile("big.csv", _big_records_file(2_000))
    response = client.post(
        "/api/v1/hiring-data/submissions/",
        {"member": member.slug, "year": YEAR, "file": upload},
        format="multipart",
    )
    assert response.status_code == 503
    assert response.json()["code"] == "storage_full"
    assert Submission.objects.count() == 0
    assert [p for p in full_storage.rglob("*") if p.is_file()] == []
