"""The published transparency tables in the bulk open data (/data/downloads/)."""

import csv
import hashlib
import io
import json

import pytest

from credentials.downloads import downloads_build
from hiringdata.transparency.services import report_build, report_publish

from ..conftest import YEAR

pytestmark = pytest.mark.django_db

NAME = "transparency-tables"


@pytest.fixture
def storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def published(hiring_year):
    report = report_publish(report=report_build(year=YEAR))
    report_build(year=YEAR)  # a newer draft: never public
    return report


def _body(client, name):
    response = client.get(f"/data/downloads/{name}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_csv_holds_what_the_report_page_shows_and_no_more(storage, published, client):
    manifest = downloads_build(names=[NAME])

    body = _body(client, f"{NAME}.csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    page_csv = client.get(f"/transparency/{YEAR}/data.csv").content.decode("utf-8-sig")
    page_rows = list(csv.DictReader(io.StringIO(page_csv)))

    assert [{k: r[k] for k in page_rows[0]} for r in rows] == page_rows
    assert {r["version"] for r in rows} == {str(published.version)}  # the draft is not there
    assert {r["is_synthetic"] for r in rows} == {"True"}
    entry = next(f for f in manifest["files"] if f["file"] == f"{NAME}.csv")
    assert entry["rows"] == len(rows)
    assert entry["sha256"] == hashlib.sha256(body).hexdigest()
    assert set(entry["dictionary"]) == set(rows[0])
    assert manifest["licence"] and entry["built_at"]


def test_withheld_cells_stay_withheld_in_the_json_lines(storage, published, client):
    downloads_build(names=[NAME])

    rows = [json.loads(line) for line in _body(client, f"{NAME}.jsonl").splitlines()]

    withheld = [r for r in rows if r["withheld_reason"]]
    assert withheld
    assert all(r["hires"] == "" and r["share_percent"] == "" for r in withheld)
    assert all(r["hires"] != "" for r in rows if not r["withheld_reason"])


def test_without_a_published_report_the_files_are_empty(storage, hiring_year):
    report_build(year=YEAR)  # a draft only

    manifest = downloads_build(names=[NAME])

    assert {f["format"]: f["rows"] for f in manifest["files"]} == {"csv": 0, "jsonl": 0}
