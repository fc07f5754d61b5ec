"""Bulk open data: files built into storage with their checks, listed and served streamed."""

import hashlib
import json
import re

import pytest

from credentials.downloads import downloads_build

from .factories import CostItemFactory, CredentialFactory


@pytest.fixture
def built(db, indexed, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    credential = CredentialFactory(name="CompTIA Security+", slug="security-plus")
    CostItemFactory(credential=credential, amount_min_usd=439)
    CredentialFactory(slug="draft-one", status="draft")
    indexed()
    return downloads_build(), credential


def test_every_file_has_rows_checksum_and_dictionary(client, built):
    manifest, credential = built

    csv_entry = next(f for f in manifest["files"] if f["file"] == "credentials.csv")
    response = client.get("/data/downloads/credentials.csv")

    assert response.status_code == 200
    assert response.streaming
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == csv_entry["sha256"]
    lines = body.decode().splitlines()
    assert lines[0].startswith("ctdl_id,slug,name")
    assert len(lines) == 2 and csv_entry["rows"] == 1  # the draft is not published
    assert credential.ctdl_id in lines[1]
    assert csv_entry["dictionary"]["ctdl_id"]


def test_jsonl_and_ctdl_files_parse(client, built):
    manifest, credential = built

    jsonl = b"".join(client.get("/data/downloads/credentials.jsonl").streaming_content)
    ctdl = b"".join(client.get("/data/downloads/credentials.jsonld").streaming_content)

    assert json.loads(jsonl.splitlines()[0])["slug"] == "security-plus"
    assert json.loads(ctdl)["@graph"][0]["ceterms:ctid"] == credential.ctdl_id
    assert {f["dataset"] for f in manifest["files"]} >= {
        "credentials",
        "programs",
        "occupations",
        "funding-sources",
    }


def test_downloads_page_lists_files_with_licence(client, built):
    response = client.get("/data/downloads/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "credentials.csv" in html and "SHA-256" in html and "CC0" in html
    assert '"@type": "DataCatalog"' in html
    assert client.get("/data/downloads/nope.csv").status_code == 404


def test_downloads_page_describes_each_dataset_with_its_files(client, built):
    manifest, _credential = built

    response = client.get("/data/downloads/")

    assert response.status_code == 200
    html = response.content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    catalog = json.loads(block.group(1))
    assert catalog["@type"] == "DataCatalog"
    datasets = {d["name"]: d for d in catalog["dataset"]}
    credentials = datasets["Credentials"]
    assert credentials["@type"] == "Dataset"
    assert credentials["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert "ctdl_id" in {v["name"] for v in credentials["variableMeasured"]}
    files = {d["contentUrl"]: d for d in credentials["distribution"]}
    csv_entry = next(f for f in manifest["files"] if f["file"] == "credentials.csv")
    csv_file = files["http://testserver/data/downloads/credentials.csv"]
    assert csv_file["sha256"] == csv_entry["sha256"]
    assert csv_file["encodingFormat"].startswith("text/csv")
    assert {d["encodingFormat"] for d in credentials["distribution"]} >= {"application/ld+json"}


def test_programs_ctdl_file_holds_each_programs_own_document_node(client, built):
    from django.utils import translation

    from credentials.ctdl import export

    from .ctdl_check import problems
    from .test_program_views import NEWARK, _program

    programs = [
        _program("Network Support", point=NEWARK, zip_code="07102", cost=3000, online=True),
        _program("Cyber Analyst", point=NEWARK, zip_code="07102", cost=None, calendar_length=5),
    ]
    downloads_build(names=["programs"])

    with translation.override("es"):  # labels in the "en" maps stay English
        graph = json.loads(
            b"".join(client.get("/data/downloads/programs.jsonld").streaming_content)
        )
    nodes = graph["@graph"]

    expected = [
        export.program_document(export.programs_for_export().get(pk=p.pk))["@graph"][0]
        for p in programs
    ]
    assert nodes == expected
    assert [problems(node, "learning") for node in nodes] == [[], []]
    delivery = nodes[0]["ceterms:deliveryType"][0]["ceterms:targetNodeName"]
    assert delivery == {"en": "Online"}
