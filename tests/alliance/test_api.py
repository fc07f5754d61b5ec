"""The Alliance API: public reads, writes only by permitted users, another member's id -> 404."""

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from alliance.models import (
    CertificationDecision,
    Commitment,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
)

from .factories import (
    CertificationDecisionFactory,
    CommitmentFactory,
    CredentialFactory,
    HiringStandardFactory,
    MemberFactory,
    RecognitionFactory,
)

pytestmark = pytest.mark.django_db
API = "/api/v1/alliance"


@pytest.fixture
def api():  # type: ignore[no-untyped-def]
    return APIClient()


def test_public_reads(api, member, credential):
    CommitmentFactory(member=member)
    CertificationDecisionFactory(credential=credential)
    RecognitionFactory(member=member, credential=credential)
    for path in ("members", "commitments", "certification-decisions", "recognitions"):
        response = api.get(f"{API}/{path}/")
        assert response.status_code == 200, path
        assert response.json()["count"] == 1, path
    assert api.get(f"{API}/members/{member.slug}/").json()["name"] == "Acme IT"


def test_commitment_status_filter_uses_the_deadline(api, member):
    CommitmentFactory(member=member, deadline=date.today() - timedelta(days=1))
    CommitmentFactory(member=member, kind="apprenticeship")
    overdue = api.get(f"{API}/commitments/", {"status": "overdue"}).json()
    assert [row["board_status"] for row in overdue["results"]] == ["overdue"]


def test_bad_filter_value_is_a_400(api):
    response = api.get(f"{API}/commitments/", {"status": "nonsense"})
    assert response.status_code == 400
    assert "status" in response.json()


def test_anonymous_writes_are_refused(api, member, credential):
    response = api.post(
        f"{API}/recognitions/",
        {"member": member.slug, "credential": credential.slug, "kind": "accepts"},
    )
    assert response.status_code in (401, 403)
    assert not CredentialRecognition.objects.exists()


def test_member_admin_states_a_recognition(api, member, admin_user, credential):
    api.force_authenticate(admin_user)
    response = api.post(
        f"{API}/recognitions/",
        {"member": member.slug, "credential": credential.slug, "kind": "requires"},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["kind"] == "requires"


def test_recognition_for_another_member_is_refused(api, other_member, admin_user, credential):
    api.force_authenticate(admin_user)
    response = api.post(
        f"{API}/recognitions/",
        {"member": other_member.slug, "credential": credential.slug, "kind": "requires"},
    )
    assert response.status_code == 403
    assert not CredentialRecognition.objects.exists()


def test_deleting_another_members_recognition_is_404(api, other_member, admin_user):
    theirs = RecognitionFactory(member=other_member)
    api.force_authenticate(admin_user)
    assert api.delete(f"{API}/recognitions/{theirs.pk}/").status_code == 404
    assert CredentialRecognition.objects.filter(pk=theirs.pk).exists()


def test_viewer_cannot_delete_own_members_recognition(api, member, viewer_user):
    mine = RecognitionFactory(member=member)
    api.force_authenticate(viewer_user)
    assert api.delete(f"{API}/recognitions/{mine.pk}/").status_code == 404
    assert CredentialRecognition.objects.filter(pk=mine.pk).exists()


def test_member_admin_signs_a_commitment(api, member, admin_user):
    api.force_authenticate(admin_user)
    response = api.post(
        f"{API}/commitments/",
        {
            "member": member.slug,
            "kind": "hiring_data",
            "deadline": (date.today() + timedelta(days=365)).isoformat(),
            "signer_name": "Ana",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["board_status"] == "on_track"


def test_oversized_commitment_note_is_a_400(api, member, admin_user):
    api.force_authenticate(admin_user)
    response = api.post(
        f"{API}/commitments/",
        {
            "member": member.slug,
            "kind": "hiring_data",
            "deadline": (date.today() + timedelta(days=365)).isoformat(),
            "signer_name": "Ana",
            "note": "x" * 1001,
        },
    )
    assert response.status_code == 400
    assert "note" in response.json()
    assert not Commitment.objects.exists()


def test_session_write_without_csrf_is_refused(member, admin_user, credential):
    api = APIClient(enforce_csrf_checks=True)
    api.login(username=admin_user.username, password="correct horse battery")
    response = api.post(
        f"{API}/recognitions/",
        {"member": member.slug, "credential": credential.slug, "kind": "requires"},
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not CredentialRecognition.objects.exists()


def test_only_task_force_records_certification(api, admin_user, task_force_user, credential):
    body = {"credential": credential.slug, "status": "proposed"}
    api.force_authenticate(admin_user)
    assert api.post(f"{API}/certification-decisions/", body).status_code == 403
    api.force_authenticate(task_force_user)
    assert api.post(f"{API}/certification-decisions/", body).status_code == 201
    skip = {"credential": credential.slug, "status": "certified", "rationale": "x"}
    response = api.post(f"{API}/certification-decisions/", skip)
    assert response.status_code == 400
    assert "status" in response.json()
    assert CertificationDecision.objects.count() == 1


def test_drafts_are_private_to_their_member(api, member, other_member, admin_user, other_admin):
    HiringStandardFactory(member=member, title="Our draft")
    HiringStandardFactory(
        member=other_member,
        title="Published",
        status=HiringStandardStatus.APPROVED,
        approved_on=date.today(),
    )
    titles = lambda: {r["title"] for r in api.get(f"{API}/hiring-standards/").json()["results"]}  # noqa: E731
    assert titles() == {"Published"}
    api.force_authenticate(admin_user)
    assert titles() == {"Our draft", "Published"}
    api.force_authenticate(other_admin)
    assert titles() == {"Published"}
    draft = HiringStandard.objects.get(title="Our draft")
    assert api.get(f"{API}/hiring-standards/{draft.pk}/").status_code == 404
    api.force_authenticate(None)
    assert api.get(f"{API}/hiring-standards/{draft.pk}/").status_code == 404


def test_editing_another_members_standard_is_404(api, other_member, admin_user):
    theirs = HiringStandardFactory(
        member=other_member, status=HiringStandardStatus.APPROVED, approved_on=date.today()
    )
    api.force_authenticate(admin_user)
    assert api.get(f"{API}/hiring-standards/{theirs.pk}/").status_code == 200  # public
    response = api.patch(f"{API}/hiring-standards/{theirs.pk}/", {"title": "hijack"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title != "hijack"


def test_member_admin_writes_and_submits_then_task_force_approves(
    api, member, admin_user, task_force_user, occupation, credential
):
    api.force_authenticate(admin_user)
    response = api.post(
        f"{API}/hiring-standards/",
        {
            "member": member.slug,
            "occupation": occupation.soc_code,
            "title": "Help desk",
            "credentials_valued": [credential.slug],
            "submit": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["status"] == "submitted"
    assert api.post(f"{API}/hiring-standards/{pk}/review/", {"approve": True}).status_code == 404
    api.force_authenticate(task_force_user)
    response = api.post(f"{API}/hiring-standards/{pk}/review/", {"approve": True})
    assert response.status_code == 200
    assert HiringStandard.objects.get(pk=pk).status == HiringStandardStatus.APPROVED


def test_list_query_counts_are_constant(
    api, django_assert_max_num_queries, django_assert_num_queries
):
    def make(n):  # type: ignore[no-untyped-def]
        for _ in range(n):
            member, credential = MemberFactory(), CredentialFactory()
            CommitmentFactory(member=member)
            RecognitionFactory(member=member, credential=credential)
            CertificationDecisionFactory(credential=credential)

    make(1)
    paths = [
        "members",
        "commitments",
        "certification-decisions",
        "recognitions",
        "hiring-standards",
    ]
    counts = {}
    for path in paths:
        with django_assert_max_num_queries(10) as captured:
            assert api.get(f"{API}/{path}/").status_code == 200
        counts[path] = len(captured.captured_queries)
    make(15)
    for path in paths:
        with django_assert_num_queries(counts[path]):
            assert api.get(f"{API}/{path}/").status_code == 200


def test_openapi_schema_lists_the_alliance_endpoints(api):
    response = api.get("/api/schema/", {"format": "json"})
    paths = response.json()["paths"]
    assert f"{API}/recognitions/{{id}}/" in paths
    assert f"{API}/hiring-standards/{{id}}/review/" in paths
