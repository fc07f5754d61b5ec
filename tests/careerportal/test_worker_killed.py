"""A Celery worker killed (SIGKILL) in the middle of a task, on the machine's real RabbitMQ.

Each test starts `celery worker` as a subprocess on a queue of its own, queues one task, kills
the worker's whole process group while the task is running, checks that nothing of it was
committed, starts a new worker and counts the results after RabbitMQ redelivers the message:
exactly one import (its cells once), exactly one report version.

The worker and its fixtures: tests/careerportal/worker_process.py and conftest.py (the broker
is CELERY_TEST_AMQP_URL; outside CI the tests skip when RabbitMQ is not reachable).
"""

import csv
import io
import random
import uuid

import pytest
from django.db import connection
from django.db.models import Sum
from kombu import Connection

from alliance.models import AuditEntry, Member
from hiringdata import ingest, services
from hiringdata.models import HiringCount, Submission, SubmissionShape, SubmissionStatus
from hiringdata.synthetic import hires_generate, members_create
from hiringdata.transparency.models import TransparencyReport
from pathways.models import Occupation
from tests.careerportal.worker_process import AMQP_URL
from tests.careerportal.worker_process import wait_until as _wait

YEAR = 2025
SOCS = ["15-1211", "15-1212", "15-1231", "15-1232", "15-1241", "15-1244", "15-1252"]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("rabbitmq")]


def _waiting_messages(name: str) -> int:
    with Connection(AMQP_URL) as conn:
        return int(conn.default_channel.queue_declare(name, passive=True).message_count)


def _advisory_lock_held_elsewhere() -> bool:
    """A submission's import transaction is open (it holds the member-year advisory lock)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            " WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()"
            " AND l.pid <> pg_backend_pid()"
        )
        return bool(cursor.fetchone()[0])


def _report_build_running(year: int) -> bool:
    """Another connection holds the build lock of this year: a build's transaction is open
    (it takes the lock before reading anything and keeps it until it commits)."""
    from hiringdata.transparency.services import build_lock_name

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks l, (SELECT hashtextextended(%s, 0) AS k) h"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()"
            " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND l.classid::bigint = (h.k >> 32) & 4294967295"
            " AND l.objid::bigint = h.k & 4294967295",
            [build_lock_name(year=year)],
        )
        return bool(cursor.fetchone()[0])


def _records_file(rows: int, seed: int) -> tuple[bytes, dict[tuple[str, ...], int]]:
    """A valid records file (synthetic) and the cells the import must make of it."""
    rng = random.Random(seed)
    dims = ingest.DIMENSIONS[1:]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ingest.COLUMNS[SubmissionShape.RECORDS])
    cells: dict[tuple[str, ...], int] = {}
    for i in range(rows):
        soc = rng.choice(SOCS)
        values = [rng.choice(sorted(ingest.VOCABULARIES[d])) for d in dims]
        writer.writerow([f"H{i}", f"{YEAR}-{1 + i % 12:02d}-15", soc, *values, ""])
        key = (soc, *values)
        cells[key] = cells.get(key, 0) + 1
    return out.getvalue().encode(), cells


def test_an_import_killed_midway_is_imported_once_by_the_next_worker(
    queue_name, start_worker, tmp_path, settings, monkeypatch
):
    from hiringdata.tasks import process_submission

    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    for code in SOCS:
        Occupation.objects.create(soc_code=code, title=f"Job {code}", title_en=f"Job {code}")
    member = Member.objects.get(pk=members_create(count=1)[0])
    data, cells = _records_file(rows=150_000, seed=3)
    # Recorded without queueing (as with the broker down), then queued by hand to this test's
    # queue on the real RabbitMQ.
    monkeypatch.setattr(services, "submission_enqueue", lambda **kwargs: False)
    submission = services.submission_receive(
        member=member, year=YEAR, upload=io.BytesIO(data), filename="hires.csv", user=None
    ).submission
    first = start_worker()
    process_submission.apply_async(args=[submission.pk], queue=queue_name)

    _wait(_advisory_lock_held_elsewhere, 60, "the import transaction to open", first)
    first.kill()

    # Killed in the middle: nothing of the import was committed and the message is back.
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PROCESSING, first.log()
    assert HiringCount.objects.filter(submission=submission).count() == 0
    assert _waiting_messages(queue_name) == 1

    second = start_worker()
    _wait(
        lambda: Submission.objects.get(pk=submission.pk).status != SubmissionStatus.PROCESSING,
        120,
        "the redelivered import to finish",
        second,
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED, second.log()
    assert submission.attempts == 2  # the killed run and the redelivered one
    made = HiringCount.objects.filter(submission=submission)
    assert made.count() == len(cells)
    assert made.aggregate(total=Sum("hires"))["total"] == 150_000
    assert Submission.objects.filter(member=member, year=YEAR).count() == 1
    accepted = AuditEntry.objects.filter(action="hiringdata.submission_accepted")
    assert accepted.count() == 1
    second.wait_for_line("succeeded")
    assert _waiting_messages(queue_name) == 0


@pytest.fixture
def report_year(db):
    """Accepted synthetic submissions from 60 employers: a build that takes a few seconds."""
    ids = members_create(count=60)
    hires_generate(member_ids=ids, year=YEAR - 1, hires_per_member=300, seed=7)
    hires_generate(member_ids=ids, year=YEAR, hires_per_member=320, seed=8)
    return YEAR


def test_a_report_build_killed_midway_makes_one_version_after_redelivery(
    queue_name, start_worker, report_year
):
    from hiringdata.transparency.tasks import build_transparency_report

    first = start_worker()
    task_id = str(uuid.uuid4())
    build_transparency_report.apply_async(args=[report_year], queue=queue_name, task_id=task_id)
    # The build holds its year's lock from before its first read until its commit (seconds:
    # it reads the cells, audits every table, then writes): kill it while the lock is held.
    _wait(lambda: _report_build_running(report_year), 60, "the build to start", first)
    first.kill()

    assert TransparencyReport.objects.count() == 0, "the build finished before the kill"
    assert _waiting_messages(queue_name) == 1

    second = start_worker()
    second.wait_for_line(f"[{task_id}] succeeded", timeout=180)
    assert TransparencyReport.objects.filter(year=report_year).count() == 1
    assert TransparencyReport.objects.get().build_key == task_id
    assert _waiting_messages(queue_name) == 0


def test_a_report_task_delivered_twice_builds_one_version(queue_name, start_worker, report_year):
    """What a redelivery after the commit and before the ack looks like: the same task id
    again."""
    from hiringdata.transparency.tasks import build_transparency_report

    worker = start_worker()
    task_id = str(uuid.uuid4())
    for _ in range(2):
        build_transparency_report.apply_async(args=[report_year], queue=queue_name, task_id=task_id)
    _wait(
        lambda: sum(f"[{task_id}] succeeded" in line for line in worker.lines) == 2,
        180,
        "both deliveries to finish",
        worker,
    )
    assert TransparencyReport.objects.filter(year=report_year).count() == 1
