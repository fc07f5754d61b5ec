"""Uploads for one member and year are processed one at a time, with real transactions."""

import io
import threading
from unittest import mock

import pytest
from django.db import connection, transaction

from hiringdata import services
from hiringdata.models import HiringCount, SubmissionStatus

from .conftest import GOOD_ROWS, YEAR, records

pytestmark = pytest.mark.django_db(transaction=True)


def receive(member, data: bytes):
    with mock.patch("hiringdata.services.submission_enqueue", return_value=False):
        return services.submission_receive(
            member=member, year=YEAR, upload=io.BytesIO(data), filename="a.csv", user=None
        ).submission


def test_processing_waits_while_another_holds_the_member_year(member, catalog):
    first = receive(member, records(*GOOD_ROWS))
    second = receive(member, records(GOOD_ROWS[0]))
    holding, release, done = threading.Event(), threading.Event(), threading.Event()

    def hold_lock():
        try:
            with transaction.atomic():
                services._lock_member_year(member_id=member.pk, year=YEAR)
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    def process_second():
        try:
            services.submission_process(submission_id=second.pk)
            done.set()
        finally:
            connection.close()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    assert holding.wait(10)
    worker = threading.Thread(target=process_second)
    worker.start()
    assert not done.wait(1.0)  # blocked on the member-year lock, nothing written yet
    assert not HiringCount.objects.exists()
    release.set()
    holder.join(10)
    worker.join(20)
    assert done.is_set()
    services.submission_process(submission_id=first.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    # The newer upload stays the accepted one whatever order the workers ran in.
    assert second.status == SubmissionStatus.ACCEPTED
    assert (first.status, first.superseded_by_id) == (SubmissionStatus.SUPERSEDED, second.pk)


def test_two_workers_on_the_same_submission_import_it_once(member, catalog):
    submission = receive(member, records(*GOOD_ROWS))
    results = []

    def work():
        try:
            results.append(services.submission_process(submission_id=submission.pk).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results == ["accepted", "accepted"]
    submission.refresh_from_db()
    assert submission.attempts <= 2  # the second delivery may count, but imports nothing
    assert HiringCount.objects.filter(submission=submission).count() == 2
