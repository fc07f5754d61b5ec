"""CTDL out and in: documents valid against the vocabulary and schemas, real registry records
loaded, round trips that keep what the portal models."""

import base64
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from credentials.ctdl import export, terms
from credentials.ctdl.load import CtdlError, ctdl_load, read_source
from credentials.models import (
    CostKind,
    CostUnit,
    Credential,
    CredentialType,
    CtdlRecord,
    OutcomeVocabulary,
    Program,
    Provider,
)

from . import ctdl_check
from .factories import CostItemFactory, CredentialFactory, OccupationFactory, OutcomeReportFactory

SAMPLES = ctdl_check.CTDL_DIR / "registry_assistant_samples"
INGEST = ctdl_check.CTDL_DIR / "ingest_examples"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared CTDL samples not present")


def _kind(node):
    if node["@type"] in terms.LEARNING_CLASSES:
        return "learning"
    if node["@type"] in terms.ORGANIZATION_CLASSES:
        return "organization"
    return "credential"


@pytest.fixture
def full_credential(db):
    occupation = OccupationFactory(soc_code="15-1212", title="Information Security Analysts")
    credential = CredentialFactory(
        name="CompTIA Security+",
        slug="security-plus",
        description_en="Entry security certification.",
        description_es="Certificación de seguridad de entrada.",
        duration_weeks=Decimal("12"),
        total_hours=120,
        level="entry",
        delivery=["online", "in_person"],
        official_url="https://www.comptia.org/certifications/security",
    )
    credential.occupations.add(occupation)
    CostItemFactory(
        credential=credential,
        amount_min_usd=Decimal("425"),
        amount_max_usd=Decimal("439"),
        unit=CostUnit.PER_ATTEMPT,
        count=1,
    )
    CostItemFactory(credential=credential, kind=CostKind.MATERIALS, amount_min_usd=Decimal("50"))
    OutcomeReportFactory(credential=credential)
    return credential


def _node(document, ctid):
    return next(n for n in document["@graph"] if n.get("ceterms:ctid") == ctid)


# CTDL out


def test_every_credential_gets_a_ctid_that_stays(db):
    first, second = CredentialFactory(), CredentialFactory()

    assert first.ctdl_id.startswith("ce-") and len(first.ctdl_id) == 39
    assert terms.ctid_in(first.ctdl_id) == first.ctdl_id
    assert first.ctdl_id != second.ctdl_id
    first.refresh_from_db()
    assert first.ctdl_id == Credential.objects.get(pk=first.pk).ctdl_id


def test_credential_document_passes_vocabulary_and_schema(client, full_credential):
    response = client.get(f"/credentials/{full_credential.slug}.jsonld")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    document = response.json()
    assert document["@context"] == terms.CONTEXT
    for node in document["@graph"]:
        if node["@type"].startswith("ceterms:"):
            assert ctdl_check.problems(node, _kind(node)) == [], node["@type"]
    node = _node(document, full_credential.ctdl_id)
    assert node["@type"] == "ceterms:Certification"
    assert node["ceterms:description"] == {
        "en": "Entry security certification.",
        "es": "Certificación de seguridad de entrada.",
    }
    assert [d["ceterms:exactDuration"] for d in node["ceterms:estimatedDuration"]] == [
        "P12W",
        "PT120H",
    ]
    assert [
        c["ceterms:directCostType"]["ceterms:targetNode"] for c in node["ceterms:estimatedCost"]
    ] == ["costType:StandaloneAssessment", "costType:LearningResource"]
    assert node["ceterms:estimatedCost"][0]["ceterms:price"] == 439
    assert node["ceterms:occupationType"][0]["ceterms:codedNotation"] == "15-1212"
    profile = node["ceterms:aggregateData"][0]
    assert profile["@type"] == "ceterms:AggregateDataProfile"
    dataset = next(n for n in document["@graph"] if n["@type"] == "qdata:DataSetProfile")
    assert profile["qdata:relevantDataSet"] == [dataset["@id"]]
    owner = next(n for n in document["@graph"] if n["@type"] == "ceterms:CredentialOrganization")
    assert node["ceterms:ownedBy"] == node["ceterms:offeredBy"] == [owner["@id"]]


def test_provider_document_lists_what_it_owns(client, full_credential):
    provider = full_credential.provider

    response = client.get(f"/providers/{provider.slug}.jsonld")

    assert response.status_code == 200
    node = response.json()["@graph"][0]
    assert ctdl_check.problems(node, "organization") == []
    assert node["ceterms:ctid"] == provider.ctdl_id
    assert node["ceterms:owns"] == [export.credential_uri(full_credential)]
    assert node["ceterms:agentType"][0]["ceterms:targetNode"] == "orgType:CertificationBody"


def test_document_query_count_does_not_grow_with_costs_and_outcomes(client, full_credential):
    # 1 credential + provider + records (joined), 2 cost items, 3 outcome reports,
    # 4 occupations.
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"/credentials/{full_credential.slug}.jsonld").status_code == 200
    for _ in range(3):
        CostItemFactory(credential=full_credential)
        OutcomeReportFactory(credential=full_credential)
    with CaptureQueriesContext(connection) as many:
        assert client.get(f"/credentials/{full_credential.slug}.jsonld").status_code == 200
    assert len(few) == len(many) == 4


def test_unknown_or_draft_credential_is_404(client, db):
    draft = CredentialFactory(status="draft")

    assert client.get("/credentials/no-such.jsonld").status_code == 404
    assert client.get(f"/credentials/{draft.slug}.jsonld").status_code == 404
    assert client.get("/providers/no-such.jsonld").status_code == 404


def test_api_detail_answers_ctdl_when_asked(client, full_credential):
    response = client.get(
        f"/api/v1/credentials/{full_credential.slug}/", HTTP_ACCEPT="application/ld+json"
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert _node(response.json(), full_credential.ctdl_id)["ceterms:name"] == {
        "en": "CompTIA Security+"
    }


# CTDL in


def test_envelope_is_decoded_and_loaded(db):
    path = SAMPLES / "EnvelopeSamples__CredentialEnvelope.json"

    result = ctdl_load(documents=read_source(str(path)))

    ctid = "ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b"
    assert result.created == [ctid]
    credential = Credential.objects.get(ctdl_id=ctid)
    assert credential.name == "21st Century Skills for Workplace Success"
    assert credential.credential_type == CredentialType.CERTIFICATION
    record = CtdlRecord.objects.get(ctdl_id=ctid)
    assert record.credential == credential
    # Published properties the portal does not model are kept whole and listed.
    assert "ceterms:alternateName" in record.unmodelled
    assert record.document["ceterms:alternateName"] == {"en": ["Test Code 1437"]}
    assert result.unmodelled[ctid] == record.unmodelled


def test_envelope_payload_is_decoded_not_run(db):
    payload = {
        "@type": "ceterms:Certification",
        "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000001",
        "ceterms:name": {"en": "__import__('os').system('false')"},
        "ceterms:ownedBy": ["ce-00000000-0000-4000-8000-000000000002"],
    }
    token = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    envelope = {"envelope_type": "resource_data", "resource": f"e30.{token}.c2ln"}

    ctdl_load(documents=[("test", envelope)])

    assert (
        Credential.objects.get(ctdl_id=payload["ceterms:ctid"]).name
        == payload["ceterms:name"]["en"]
    )


def test_owner_in_another_file_of_the_folder_is_linked(db):
    ctdl_load(documents=read_source(str(INGEST)))

    credential = Credential.objects.get(ctdl_id="ce-edc318c1-aa67-47e2-9638-a8529e6612d4")
    assert credential.type_as_published == "ceterms:BachelorDegree"
    assert credential.credential_type == CredentialType.OTHER
    assert credential.provider.ctdl_record.ctdl_type == "ceterms:Organization"
    assert credential.provider.name == "Example University"


def test_owner_that_cannot_be_found_is_named(db):
    path = str(INGEST / "Credential_1_Credential-1-graph.json")

    with pytest.raises(CtdlError, match=r"Organization-1.json.* is neither in this load"):
        ctdl_load(documents=read_source(path))


def test_unknown_subclass_keeps_its_published_type_on_the_way_out(db):
    ctdl_load(documents=read_source(str(SAMPLES / "ProPath__ProPath_Published.json")))

    credential = Credential.objects.get(type_as_published="ceterms:License")
    node, _datasets = export.credential_node(credential)
    assert credential.credential_type == CredentialType.OTHER
    assert node["@type"] == "ceterms:License"


def test_learning_opportunity_becomes_a_program(db, client):
    path = SAMPLES / "EnvelopeSamples__LearningOpportunityEnvelope.json"

    result = ctdl_load(documents=read_source(str(path)))

    program = Program.objects.get(external_id__in=result.created)
    assert program.source == "ctdl"
    response = client.get(f"/programs/{program.pk}.jsonld")
    assert response.status_code == 200
    node = response.json()["@graph"][0]
    assert node["ceterms:ctid"] == program.external_id
    assert ctdl_check.problems(node, "learning") == []
    # The sample's deliveryType (in person and online only) is read, and written back under
    # the learning opportunity's own term.
    assert program.online is True
    assert node["ceterms:deliveryType"][0]["ceterms:targetNode"] == "deliveryType:OnlineOnly"


def test_outcome_data_is_read_as_reports(db):
    path = (
        SAMPLES / "OutcomeData__files__Kansas_Credential_WithAggregateDataProfile_API_Output.json"
    )

    ctdl_load(documents=read_source(str(path)))

    credential = Credential.objects.get(ctdl_id="ce-bd860014-039c-9c32-f816-e4f429b17f40")
    reports = sorted(credential.outcome_reports.all(), key=lambda r: r.reported_salary_usd)
    assert [r.reported_salary_usd for r in reports] == [44439, 49333]
    assert reports[0].reported_employment_pct == Decimal("88.0")
    assert all(r.vocabulary == OutcomeVocabulary.OTHER for r in reports)
    assert credential.duration_weeks == Decimal("104.0")  # P2Y


def test_non_ctdl_json_is_refused_with_a_message(db, tmp_path):
    path = tmp_path / "people.json"
    path.write_text(json.dumps({"name": "Ada", "email": "ada@example.org"}))

    with pytest.raises(CommandError, match="not CTDL JSON-LD"):
        call_command("load_ctdl", str(path))
    with pytest.raises(CtdlError, match="no such file"):
        list(read_source(str(tmp_path / "missing.json")))
    assert not CtdlRecord.objects.exists()


def test_folder_loads_ctdl_and_names_each_refused_file(db):
    result = ctdl_load(documents=read_source(str(SAMPLES)))

    refused = {origin.rsplit("/", 1)[-1] for origin, _why in result.refused}
    # Publishing-API inputs are not CTDL; two sample files are not valid JSON as published.
    assert "ProPath__ProPath_Input.json" in refused
    assert "EnvelopeSamples__ConditionManifest.json" in refused
    assert Credential.objects.count() >= 8
    assert any("CostManifest" in line for line in result.kept_raw)


# Round trips


MODELLED_SAMPLES = [
    "EnvelopeSamples__CredentialEnvelope__decoded.jsonld",
    "Credentials__files__Credential_WithOutcomeData_Credential_API_output.json",
    "OutcomeData__files__CareerBridge_Credential_WithAggregateDataProfile_API_Output.json",
    "OutcomeData__files__Kansas_Credential_WithAggregateDataProfile_API_Output.json",
    "ProPath__ProPath_Published.json",
]


def _texts(value):
    """A language map's texts by primary language ("en-US" -> "en")."""
    return {key.split("-")[0].lower(): text for key, text in value.items()}


@pytest.mark.parametrize("name", MODELLED_SAMPLES)
def test_export_of_an_import_keeps_every_modelled_property(db, name):
    document = json.loads((SAMPLES / name).read_text(encoding="utf-8-sig"))
    source = next(n for n in document["@graph"] if n["@type"] in terms.CREDENTIAL_SUBCLASSES)
    ctdl_load(documents=[(name, document)])

    node, _datasets = export.credential_node(
        Credential.objects.get(ctdl_id=source["ceterms:ctid"].lower())
    )

    assert node["@type"] == source["@type"]
    assert _texts(node["ceterms:name"]) == _texts(source["ceterms:name"])
    assert _texts(node["ceterms:description"]) == _texts(source["ceterms:description"])
    assert node["ceterms:subjectWebpage"] == source["ceterms:subjectWebpage"]
    assert node.get("ceterms:inLanguage") == source.get("ceterms:inLanguage")
    for prop in ("ceterms:credentialStatusType", "ceterms:learningDeliveryType"):
        published = source.get(prop)
        published = [published] if isinstance(published, dict) else (published or [])
        exported = node.get(prop)
        exported = [exported] if isinstance(exported, dict) else (exported or [])
        assert {c["ceterms:targetNode"] for c in exported} == {
            c["ceterms:targetNode"] for c in published
        }
    published_weeks = {
        terms.duration_weeks(d["ceterms:exactDuration"])
        for d in source.get("ceterms:estimatedDuration", [])
        if d.get("ceterms:exactDuration")
    } - {None}
    exported_weeks = {
        terms.duration_weeks(d["ceterms:exactDuration"])
        for d in node.get("ceterms:estimatedDuration", [])
    } - {None}
    assert exported_weeks == published_weeks
    assert sorted(c["ceterms:price"] for c in node.get("ceterms:estimatedCost", [])) == sorted(
        c["ceterms:price"] for c in source.get("ceterms:estimatedCost", []) if "ceterms:price" in c
    )
    published_outcomes = sorted(
        (p.get("ceterms:medianEarnings"), p.get("ceterms:source"))
        for p in source.get("ceterms:aggregateData", [])
    )
    exported_outcomes = sorted(
        (p.get("ceterms:medianEarnings"), p.get("ceterms:source"))
        for p in node.get("ceterms:aggregateData", [])
    )
    assert exported_outcomes == published_outcomes
    owner = terms.ctid_in(source["ceterms:ownedBy"][0]) if source.get("ceterms:ownedBy") else None
    if owner:
        provider = Provider.objects.get(ctdl_id=owner)
        assert node["ceterms:ownedBy"] == [export.provider_uri(provider)]


def _snapshot():
    return {
        "credentials": list(Credential.objects.order_by("pk").values()),
        "providers": list(Provider.objects.order_by("pk").values()),
        "costs": list(
            Credential.objects.values_list("cost_items__id", "cost_items__amount_max_usd")
        ),
        "outcomes": list(Credential.objects.values_list("outcome_reports__id")),
        "programs": list(Program.objects.order_by("pk").values()),
    }


def test_import_of_an_export_changes_nothing(client, full_credential):
    document = client.get(f"/credentials/{full_credential.slug}.jsonld").json()
    before = _snapshot()

    result = ctdl_load(documents=[("export", document)])

    assert result.created == [] and result.updated == []
    assert set(result.unchanged) == {full_credential.ctdl_id, full_credential.provider.ctdl_id}
    assert _snapshot() == before


def test_loading_the_same_file_twice_changes_nothing(db):
    path = str(
        SAMPLES
        / "OutcomeData__files__CareerBridge_Credential_WithAggregateDataProfile_API_Output.json"
    )
    ctdl_load(documents=read_source(path))
    before = _snapshot()

    result = ctdl_load(documents=read_source(path))

    assert result.created == [] and result.updated == []
    assert _snapshot() == before


def test_load_ctdl_command_reports_each_record(db, capsys):
    call_command("load_ctdl", str(SAMPLES / "EnvelopeSamples__CredentialEnvelope.json"))

    out = capsys.readouterr().out
    assert "CTDL: 1 created, 0 updated, 0 unchanged, 0 kept raw" in out
    assert "ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b: kept raw: " in out
    assert "placeholder" in out
