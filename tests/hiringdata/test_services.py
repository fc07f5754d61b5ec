"""Submission lifecycle: keep the raw file, same bytes once, supersede, all or nothing, sweep."""

import hashlib
import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from alliance.models import AuditEntry
from hiringdata import services
from hiringdata.models import HiringCount, Submission, SubmissionStatus, ValidationIssue

from .conftest import GOOD_ROWS, YEAR, records
from .helpers import upload

pytestmark = pytest.mark.django_db


def test_raw_file_is_kept_privately_with_its_sha256(member, catalog, submitter):
    data = records(*GOOD_ROWS)
    submission = upload(member, data, user=submitter)
    assert submission.sha256 == hashlib.sha256(data).hexdigest()
    with storages["private"].open(submission.stored_path, "rb") as kept:
        assert kept.read() == data
    assert submission.uploaded_by == submitter


def test_rejected_file_is_kept_too(member, catalog):
    submission = upload(member, records("x,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    assert submission.status == SubmissionStatus.REJECTED
    assert storages["private"].exists(submission.stored_path)


def test_same_bytes_again_return_the_earlier_submission_and_change_nothing(member, catalog):
    first = upload(member, records(*GOOD_ROWS))
    cells = list(HiringCount.objects.values_list("pk", flat=True))
    again = services.submission_receive(
        member=member, year=YEAR, upload=io.BytesIO(records(*GOOD_ROWS)), filename="b.csv",
        user=None,
    )  # fmt: skip
    assert not again.created
    assert again.submission.pk == first.pk
    assert Submission.objects.count() == 1
    assert list(HiringCount.objects.values_list("pk", flat=True)) == cells


def test_new_accepted_file_supersedes_the_old_one_which_stays_in_history(member, catalog):
    old = upload(member, records(*GOOD_ROWS))
    new = upload(member, records(GOOD_ROWS[0]))
    old.refresh_from_db()
    assert (old.status, old.superseded_by_id) == (SubmissionStatus.SUPERSEDED, new.pk)
    assert new.status == SubmissionStatus.ACCEPTED
    # History is kept: the old cells are still there, but only one accepted file per year.
    assert HiringCount.objects.filter(submission=old).exists()
    accepted = HiringCount.objects.filter(submission__status=SubmissionStatus.ACCEPTED)
    assert sum(accepted.values_list("hires", flat=True)) == 1


def test_rejected_file_does_not_supersede(member, catalog):
    good = upload(member, records(*GOOD_ROWS))
    upload(member, records("x,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    good.refresh_from_db()
    assert good.status == SubmissionStatus.ACCEPTED


def test_files_processed_out_of_order_keep_the_newest_upload(member, catalog):
    older = services.submission_receive(
        member=member, year=YEAR, upload=io.BytesIO(records(*GOOD_ROWS)), filename="a.csv",
        user=None,
    ).submission  # fmt: skip
    newer = upload(member, records(GOOD_ROWS[0]))
    services.submission_process(submission_id=older.pk)
    older.refresh_from_db()
    assert (older.status, older.superseded_by_id) == (SubmissionStatus.SUPERSEDED, newer.pk)
    newer.refresh_from_db()
    assert newer.status == SubmissionStatus.ACCEPTED


def test_all_or_nothing_one_bad_row_stores_no_cells(member, catalog):
    rows = [*GOOD_ROWS, "h9,2025-01-01,15-1212,professionals,white,female,bachelor,other,nope"]
    submission = upload(member, records(*rows))
    assert submission.status == SubmissionStatus.REJECTED
    assert HiringCount.objects.count() == 0
    assert submission.cells_total is None


def test_crash_mid_import_leaves_nothing_and_the_retry_gives_the_same_result(member, catalog):
    received = services.submission_receive(
        member=member, year=YEAR, upload=io.BytesIO(records(*GOOD_ROWS)), filename="a.csv",
        user=None,
    ).submission  # fmt: skip
    original = services.ingest._insert_cells

    def insert_then_die(**kwargs):
        original(**kwargs)
        raise RuntimeError("worker killed")

    with (
        mock.patch.object(services.ingest, "_insert_cells", insert_then_die),
        pytest.raises(RuntimeError),
    ):
        services.submission_process(submission_id=received.pk)
    assert HiringCount.objects.count() == 0
    assert ValidationIssue.objects.count() == 0
    received.refresh_from_db()
    assert received.status == SubmissionStatus.PROCESSING  # waiting for the retry
    retried = services.submission_process(submission_id=received.pk)
    assert retried.status == SubmissionStatus.ACCEPTED
    assert (retried.hires_total, retried.cells_total) == (3, 2)
    # A duplicate delivery of the task afterwards changes nothing.
    again = services.submission_process(submission_id=received.pk)
    assert again.attempts == retried.attempts
    assert HiringCount.objects.count() == 2


def test_a_file_that_keeps_killing_its_worker_is_given_up(member, catalog):
    received = services.submission_receive(
        member=member,
        year=YEAR,
        upload=io.BytesIO(records(*GOOD_ROWS)),
        filename="a.csv",
        user=None,
    ).submission
    with mock.patch.object(services.ingest, "import_file", side_effect=MemoryError):
        for _ in range(services.MAX_ATTEMPTS):
            with pytest.raises(MemoryError):
                services.submission_process(submission_id=received.pk)
    final = services.submission_process(submission_id=received.pk)
    assert (final.status, final.failure_reason) == ("failed", "too_many_attempts")
    assert HiringCount.objects.count() == 0


def test_processing_takes_the_member_year_lock(member, catalog):
    received = services.submission_receive(
        member=member, year=YEAR, upload=io.BytesIO(records(*GOOD_ROWS)), filename="a.csv",
        user=None,
    ).submission  # fmt: skip
    seen = []
    original = services.ingest.import_file

    def spy(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                "AND pid = pg_backend_pid() AND granted"
            )
            seen.append(cursor.fetchone()[0])
        return original(**kwargs)

    with mock.patch.object(services.ingest, "import_file", spy):
        services.submission_process(submission_id=received.pk)
    assert seen == [1]


def test_broker_down_keeps_the_submission_and_the_sweep_processes_it(member, catalog, settings):
    from kombu.exceptions import OperationalError

    with mock.patch(
        "hiringdata.tasks.process_submission.apply_async",
        side_effect=OperationalError("connection refused"),
    ):
        assert services.submission_enqueue(submission_id=0) is False
        received = services.submission_receive(
            member=member, year=YEAR, upload=io.BytesIO(records(*GOOD_ROWS)), filename="a.csv",
            user=None,
        ).submission  # fmt: skip
    assert received.status == SubmissionStatus.RECEIVED
    # Too fresh for the sweep (it may still be on its way to a worker).
    assert services.submission_sweep() == 0
    later = timezone.now() + timedelta(minutes=10)
    assert services.submission_sweep(now=later) == 1  # eager in tests: runs the task
    received.refresh_from_db()
    assert received.status == SubmissionStatus.ACCEPTED


def test_failed_processing_is_recorded_and_staff_can_rerun(member, catalog, staff, submitter):
    received = services.submission_receive(
        member=member, year=YEAR, upload=io.BytesIO(records(*GOOD_ROWS)), filename="a.csv",
        user=None,
    ).submission  # fmt: skip
    from hiringdata.tasks import process_submission

    with mock.patch.object(services.ingest, "import_file", side_effect=ValueError("boom")):
        assert process_submission.apply(args=[received.pk]).get() == "failed"
    received.refresh_from_db()
    assert (received.status, received.failure_reason) == ("failed", "ValueError")
    with pytest.raises(services.SubmissionRefused):
        services.submission_rerun(submission=received, user=submitter)
    services.submission_rerun(submission=received, user=staff)
    received.refresh_from_db()
    assert received.status == SubmissionStatus.RECEIVED
    assert services.submission_process(submission_id=received.pk).status == "accepted"


def test_every_action_is_audited(member, catalog, submitter):
    first = upload(member, records(*GOOD_ROWS), user=submitter)
    upload(member, records(GOOD_ROWS[0]), user=submitter)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "hiringdata.submission_received",
        "hiringdata.submission_accepted",
        "hiringdata.submission_received",
        "hiringdata.submission_superseded",
        "hiringdata.submission_accepted",
    ]
    assert AuditEntry.objects.filter(object_id=str(first.pk), actor=submitter).exists()


def test_too_large_file_is_refused_before_it_is_stored(member, settings):
    settings.HIRINGDATA_MAX_FILE_BYTES = 10
    with pytest.raises(services.SubmissionRefused) as refused:
        services.submission_receive(
            member=member, year=YEAR, upload=io.BytesIO(b"x" * 11), filename="a.csv", user=None
        )
    assert refused.value.code == "too_large"
    assert Submission.objects.count() == 0


def test_viewer_cannot_upload(member, viewer):
    with pytest.raises(services.SubmissionRefused) as refused:
        services.submission_receive(
            member=member, year=YEAR, upload=io.BytesIO(b"a"), filename="a.csv", user=viewer
        )
    assert refused.value.status == 403


def test_import_command_uses_the_same_path(member, catalog, tmp_path):
    path = tmp_path / "hires.csv"
    path.write_bytes(records(*GOOD_ROWS))
    out = io.StringIO()
    call_command("import_hiring_data", str(path), member="acme", year=YEAR, stdout=out)
    assert "accepted: 3 hires in 2 cells" in out.getvalue()
    call_command("import_hiring_data", str(path), member="acme", year=YEAR, stdout=out)
    assert "nothing changed" in out.getvalue()
    assert Submission.objects.get().status == SubmissionStatus.ACCEPTED


def test_import_command_reports_problems(member, catalog, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "bad.csv"
    path.write_bytes(records("h1,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_hiring_data", str(path), member="acme", year=YEAR, stdout=out)
    assert "row 2 job_category" in out.getvalue()


def test_an_accepted_file_marks_the_members_data_commitment_done_and_a_rejected_one_does_not(
    member, catalog
):
    from alliance.models import Commitment, CommitmentStatus
    from tests.alliance.factories import CommitmentFactory

    commitment = CommitmentFactory(member=member, signed_on=timezone.localdate())
    upload(member, records("x,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.ON_TRACK

    upload(member, records(*GOOD_ROWS))

    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.DATA_SUBMITTED
    assert Commitment.objects.with_board_status(today=timezone.localdate()).get().board_status == (
        "data_submitted"
    )


@pytest.mark.parametrize(("filed_days_ago", "expected"), [(0, "data_submitted"), (1, "on_track")])
def test_signing_after_the_file_was_accepted_keeps_the_data_commitment(
    member, catalog, filed_days_ago, expected
):
    """Upload in the morning, sign in the afternoon: kept. A file from before the signing day
    does not count (the rule of alliance.services.commitments_hiring_data_filed)."""
    from alliance.models import Commitment, MembershipRole
    from alliance.services import commitment_sign

    from .factories import MembershipFactory

    submission = upload(member, records(*GOOD_ROWS))
    assert submission.status == SubmissionStatus.ACCEPTED
    Submission.objects.filter(pk=submission.pk).update(
        created_at=timezone.now() - timedelta(days=filed_days_ago)
    )
    admin = MembershipFactory(member=member, role=MembershipRole.ADMIN).user
    commitment = commitment_sign(
        actor=admin,
        member=member,
        kind="hiring_data",
        deadline=timezone.localdate() + timedelta(days=180),
        signer_name="Ana Ruiz",
    )
    board = Commitment.objects.with_board_status(today=timezone.localdate()).get(pk=commitment.pk)
    assert (commitment.status, board.board_status) == (expected, expected)
