"""Alliance members as CTDL organizations: /alliance/members/<slug>.jsonld."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance.ctdl import member_ctid
from credentials.ctdl import export, terms
from tests.credentials import ctdl_check

from .factories import CredentialFactory, MemberFactory, RecognitionFactory

pytestmark = pytest.mark.django_db


def _member_node(client, member):
    response = client.get(f"/alliance/members/{member.slug}.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    document = response.json()
    assert document["@context"] == terms.CONTEXT
    [node] = document["@graph"]
    return node


def test_member_document_passes_vocabulary_and_schema(client):
    member = MemberFactory(name="Acme Cyber", naics_code="541512", website="https://acme.example")
    recognized = CredentialFactory(slug="security-plus")
    RecognitionFactory(member=member, credential=recognized, kind="requires")

    node = _member_node(client, member)

    assert ctdl_check.problems(node, "organization") == []
    assert node["@type"] == "ceterms:CredentialOrganization"
    assert node["ceterms:name"] == {"en": "Acme Cyber"}
    assert node["ceterms:subjectWebpage"] == "https://acme.example"
    assert node["ceterms:naics"] == ["541512"]
    assert node["ceterms:agentType"][0]["ceterms:targetNode"] == "orgType:Business"
    assert node["ceterms:address"][0]["ceterms:addressRegion"] == {"en": "MD"}
    assert node["ceterms:recognizes"] == [export.credential_uri(recognized)]


def test_member_ctid_is_stable_and_its_own(client):
    member, other = MemberFactory(), MemberFactory()

    first = _member_node(client, member)["ceterms:ctid"]
    again = _member_node(client, member)["ceterms:ctid"]

    assert first == again == member_ctid(member)
    assert first.startswith("ce-") and len(first) == 39
    assert first != member_ctid(other)


@pytest.mark.parametrize(
    ("kind", "concept"),
    [
        ("academia", "orgType:Postsecondary"),
        ("government", "orgType:Government"),
        ("nonprofit", "orgType:NonTraditional"),
        ("investor", "orgType:Business"),
    ],
)
def test_every_kind_of_member_has_a_ctdl_organization_type(client, kind, concept):
    node = _member_node(client, MemberFactory(kind=kind, state=""))

    assert ctdl_check.problems(node, "organization") == []
    assert node["ceterms:agentType"][0]["ceterms:targetNode"] == concept
    assert "ceterms:address" not in node


def test_draft_credentials_are_not_listed_as_recognized(client):
    member = MemberFactory()
    RecognitionFactory(member=member, credential=CredentialFactory(status="draft"))

    node = _member_node(client, member)

    assert "ceterms:recognizes" not in node


def test_synthetic_member_says_so_and_links_its_page(client):
    member = MemberFactory(is_synthetic=True, description="")

    node = _member_node(client, member)

    assert "synthetic" in node["ceterms:description"]["en"]
    assert node["ceterms:subjectWebpage"].endswith(f"/alliance/members/{member.slug}/")


def test_member_page_points_to_its_ctdl_and_unknown_member_is_404(client):
    member = MemberFactory()

    page = client.get(f"/alliance/members/{member.slug}/")

    assert page.status_code == 200
    assert f'href="/alliance/members/{member.slug}.jsonld"' in page.content.decode()
    assert client.get("/alliance/members/nobody.jsonld").status_code == 404


@pytest.mark.parametrize("count", [1, 6])
def test_member_document_queries_do_not_grow_with_recognitions(client, count):
    member = MemberFactory()
    for _ in range(count):
        RecognitionFactory(member=member)
    # 1 the member, 2 its recognitions of published credentials (with the credential).
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/alliance/members/{member.slug}.jsonld").status_code == 200
    assert len(queries) == 2, [q["sql"] for q in queries]
