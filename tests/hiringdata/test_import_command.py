"""import_hiring_data: its exit status tells accepted, wrong usage, refused and our outage apart."""

from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from hiringdata import ingest
from hiringdata.models import Submission, SubmissionStatus

from .conftest import GOOD_ROWS, YEAR, records

pytestmark = pytest.mark.django_db


def run(path, member_slug="acme"):
    """The command's exit status, as the shell would see it."""
    try:
        call_command("import_hiring_data", str(path), "--member", member_slug, "--year", str(YEAR))
    except CommandError as error:
        return error.returncode
    return 0


def test_accepted_file_exits_0(member, catalog, tmp_path):
    path = tmp_path / "hires.csv"
    path.write_bytes(records(*GOOD_ROWS))
    assert run(path) == 0
    assert Submission.objects.get().status == SubmissionStatus.ACCEPTED


def test_unknown_member_or_file_exits_1(member, tmp_path):
    assert run(tmp_path / "missing.csv") == 1
    path = tmp_path / "hires.csv"
    path.write_bytes(records(*GOOD_ROWS))
    assert run(path, member_slug="nobody") == 1


def test_file_with_a_nul_byte_exits_2_and_prints_the_row(member, catalog, tmp_path, capsys):
    path = tmp_path / "hires.csv"
    path.write_bytes(records(GOOD_ROWS[0], GOOD_ROWS[1].replace("h2", "h\x002")))
    assert run(path) == 2
    assert Submission.objects.get().status == SubmissionStatus.REJECTED
    assert "row 3 hire_id:" in capsys.readouterr().out


def test_same_refused_file_again_exits_2(member, catalog, tmp_path):
    path = tmp_path / "hires.csv"
    path.write_bytes(b"soc_code,total\n15-1212,3\n")
    assert run(path) == 2
    assert run(path) == 2
    assert Submission.objects.count() == 1


def test_database_outage_exits_3_and_marks_the_submission_failed(member, catalog, tmp_path):
    path = tmp_path / "hires.csv"
    path.write_bytes(records(*GOOD_ROWS))
    with mock.patch.object(ingest, "import_file", side_effect=OperationalError("server closed")):
        assert run(path) == 3
    submission = Submission.objects.get()
    assert (submission.status, submission.failure_reason) == ("failed", "OperationalError")
