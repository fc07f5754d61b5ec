"""Alliance pages: public pages, the member area, the task force, the audit log.

Every view that takes a slug or an id is tried by a user of another member (404), a viewer of
the same member (403 on changes), an anonymous visitor (sign-in) and the right user.
"""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from alliance.models import (
    AuditEntry,
    CertificationDecision,
    Commitment,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
)

from .factories import (
    CertificationDecisionFactory,
    CommitmentFactory,
    HiringStandardFactory,
    MemberFactory,
    RecognitionFactory,
)

pytestmark = pytest.mark.django_db


def _sign_data(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "sign-kind": "hiring_data",
        "sign-deadline": (date.today() + timedelta(days=365)).isoformat(),
        "sign-signer_name": "Ana Ruiz",
        "sign-signer_title": "CEO",
        "sign-note": "",
        "sign-confirm": "on",
    }
    data.update(overrides)
    return data


# --- public pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_alliance_board_shows_members_commitments_and_status(client, member, prefix):
    CommitmentFactory(member=member, deadline=date.today() - timedelta(days=1))
    response = client.get(f"{prefix}/alliance/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Acme IT" in body
    assert body.count("<h1") == 1
    assert ("Overdue" if not prefix else "Atrasad") in body


def test_board_query_count_is_constant(client, django_assert_num_queries):
    from alliance.models import Award, Convening

    convening = Convening.objects.create(
        year=2026, title="Convening", held_on=date(2026, 5, 14), place="Online"
    )
    for _ in range(2):
        CommitmentFactory(member=MemberFactory())
    Award.objects.create(convening=convening, member=MemberFactory(), title="Award", method="m")
    # 1 board counts by status, 2 commitments with members and convenings, 3 members with
    # recognition counts, 4 convenings, 5 their awards, 6 the awards' members
    with django_assert_num_queries(6):
        response = client.get("/alliance/")
    assert response.status_code == 200
    for _ in range(20):
        CommitmentFactory(member=MemberFactory())
    with django_assert_num_queries(6):
        response = client.get("/alliance/")
    assert response.status_code == 200


def test_member_page_and_unknown_member(client, member):
    CommitmentFactory(member=member)
    assert client.get(f"/alliance/members/{member.slug}/").status_code == 200
    assert client.get("/alliance/members/no-such-member/").status_code == 404


def test_synthetic_member_is_labelled(client):
    MemberFactory(slug="fake", name="Fake Co", is_synthetic=True)
    response = client.get("/alliance/members/fake/")
    assert 'class="synthetic-flag"' in response.content.decode()


def test_certification_history_is_public_with_rationale(client, credential, task_force_user):
    CertificationDecisionFactory(
        credential=credential, rationale="Good exam.", decided_by=task_force_user
    )
    body = client.get(f"/alliance/certification/{credential.slug}/").content.decode()
    assert "Good exam." in body
    assert "Tess Force" in body
    assert task_force_user.email not in body  # who decided, by name, never by email


def test_employers_page_lists_credentials_for_a_role(client, credential, member, occupation):
    CertificationDecisionFactory(credential=credential)
    RecognitionFactory(member=member, credential=credential, kind="requires")
    HiringStandardFactory(
        occupation=occupation,
        member=member,
        status=HiringStandardStatus.APPROVED,
        approved_on=date.today(),
        title="Approved guide",
    )
    HiringStandardFactory(occupation=occupation, member=member, title="Secret draft")
    response = client.get("/employers/", {"occupation": occupation.soc_code})
    body = response.content.decode()
    assert response.status_code == 200
    assert "CompTIA A+" in body and "Approved guide" in body
    assert "Secret draft" not in body


def test_employers_page_htmx_returns_the_partial(client, occupation):
    response = client.get(
        "/employers/", {"occupation": occupation.soc_code}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


def test_employers_page_unknown_role_is_a_clear_400(client, occupation):
    response = client.get("/employers/", {"occupation": "99-9999<script>"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "We do not know that role" in body
    assert "99-9999<script>" not in body


def test_occupation_panel_shows_only_approved_standards(rf, occupation, member):
    from alliance.panels import hiring_standards_panel

    assert hiring_standards_panel(rf.get("/"), occupation) == ""
    HiringStandardFactory(
        occupation=occupation,
        member=member,
        status=HiringStandardStatus.APPROVED,
        approved_on=date.today(),
        title="Published guide",
        degree_required=False,
    )
    html = hiring_standards_panel(rf.get("/"), occupation)
    assert "Published guide" in html and "Troubleshooting" in html


def test_panel_is_registered_with_pathways():
    from credentials.extensions import credential_panels
    from pathways.extensions import occupation_panels

    assert "alliance-hiring-standards" in occupation_panels._panels
    assert "alliance-employers" in credential_panels._panels


# --- member area: permissions on every view that takes a slug or id -----------------------------


def _login(client, user):  # type: ignore[no-untyped-def]
    client.force_login(user)
    return client


def test_member_area_needs_sign_in(client, member):
    response = client.get(f"/alliance/manage/{member.slug}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_manage_index_redirects_a_single_membership(client, admin_user, member):
    response = _login(client, admin_user).get("/alliance/manage/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/alliance/manage/{member.slug}/")


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/alliance/manage/{slug}/"),
        ("post", "/alliance/manage/{slug}/commitments/"),
        ("post", "/alliance/manage/{slug}/recognitions/"),
        ("post", "/alliance/manage/{slug}/invitations/"),
        ("get", "/alliance/manage/{slug}/standards/new/"),
    ],
)
def test_another_members_admin_gets_404(client, member, other_admin, method, path):
    response = getattr(_login(client, other_admin), method)(path.format(slug=member.slug), {})
    assert response.status_code == 404


def test_another_members_recognition_id_is_404_and_not_removed(
    client, member, other_member, admin_user
):
    theirs = RecognitionFactory(member=other_member)
    # Their id under our slug, and their id under their slug: both 404.
    for slug in (member.slug, other_member.slug):
        response = _login(client, admin_user).post(
            f"/alliance/manage/{slug}/recognitions/{theirs.pk}/remove/"
        )
        assert response.status_code == 404
    assert CredentialRecognition.objects.filter(pk=theirs.pk).exists()


def test_another_members_standard_id_is_404(client, member, other_member, admin_user):
    theirs = HiringStandardFactory(member=other_member)
    for slug in (member.slug, other_member.slug):
        url = f"/alliance/manage/{slug}/standards/{theirs.pk}/"
        assert _login(client, admin_user).get(url).status_code == 404
        assert _login(client, admin_user).post(url, {"title": "hijack"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title != "hijack"


def test_viewer_sees_the_area_but_cannot_change(client, member, viewer_user, credential):
    c = _login(client, viewer_user)
    assert c.get(f"/alliance/manage/{member.slug}/").status_code == 200
    assert c.post(f"/alliance/manage/{member.slug}/commitments/", _sign_data()).status_code == 403
    response = c.post(
        f"/alliance/manage/{member.slug}/recognitions/",
        {"rec-credential": credential.slug, "rec-kind": "accepts"},
    )
    assert response.status_code == 403
    mine = RecognitionFactory(member=member)
    assert (
        c.post(f"/alliance/manage/{member.slug}/recognitions/{mine.pk}/remove/").status_code == 403
    )
    assert not Commitment.objects.exists()
    assert CredentialRecognition.objects.count() == 1


def test_admin_signs_a_commitment_from_the_page(client, member, admin_user):
    response = _login(client, admin_user).post(
        f"/alliance/manage/{member.slug}/commitments/", _sign_data()
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert commitment.signed_by == admin_user and commitment.signer_name == "Ana Ruiz"
    assert AuditEntry.objects.filter(action="commitment.sign").count() == 1
    assert "Ana Ruiz" in client.get("/alliance/").content.decode()


def test_signing_without_confirming_is_refused_with_a_message(client, member, admin_user):
    response = _login(client, admin_user).post(
        f"/alliance/manage/{member.slug}/commitments/", _sign_data(**{"sign-confirm": ""})
    )
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert not Commitment.objects.exists()


def test_oversized_and_unsafe_text_is_refused_or_escaped(client, member, admin_user):
    c = _login(client, admin_user)
    response = c.post(
        f"/alliance/manage/{member.slug}/commitments/", _sign_data(**{"sign-note": "x" * 1001})
    )
    assert response.status_code == 400
    assert "at most 1000 characters" in response.content.decode()
    assert not Commitment.objects.exists()
    c.post(
        f"/alliance/manage/{member.slug}/commitments/",
        _sign_data(**{"sign-signer_name": "<script>alert(1)</script>"}),
    )
    body = client.get("/alliance/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_post_without_csrf_token_is_refused(member, admin_user):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(admin_user)
    response = csrf_client.post(f"/alliance/manage/{member.slug}/commitments/", _sign_data())
    assert response.status_code == 403
    assert not Commitment.objects.exists()


def test_admin_states_and_removes_a_recognition(client, member, admin_user, credential):
    c = _login(client, admin_user)
    response = c.post(
        f"/alliance/manage/{member.slug}/recognitions/",
        {"rec-credential": credential.slug, "rec-kind": "requires"},
    )
    assert response.status_code == 302
    recognition = CredentialRecognition.objects.get()
    c.post(f"/alliance/manage/{member.slug}/recognitions/{recognition.pk}/remove/")
    assert not CredentialRecognition.objects.exists()


def test_forged_credential_slug_is_refused(client, member, admin_user):
    response = _login(client, admin_user).post(
        f"/alliance/manage/{member.slug}/recognitions/",
        {"rec-credential": "no-such-credential", "rec-kind": "requires"},
    )
    assert response.status_code == 400
    assert "Choose a credential from the list" in response.content.decode()


def test_admin_drafts_and_submits_a_standard(client, member, admin_user, occupation):
    response = _login(client, admin_user).post(
        f"/alliance/manage/{member.slug}/standards/new/",
        {
            "occupation": occupation.pk,
            "title": "Help desk",
            "summary": "Calm problem solvers.",
            "screening_steps": "Call\nTask",
            "submit": "1",
        },
    )
    assert response.status_code == 302
    standard = HiringStandard.objects.get()
    assert standard.status == HiringStandardStatus.SUBMITTED and standard.member == member


def test_admin_invites_someone_who_joins_by_setting_a_password(
    client, member, admin_user, mailoutbox
):
    _login(client, admin_user).post(
        f"/alliance/manage/{member.slug}/invitations/",
        {"invite-email": "newbie@example.org", "invite-role": "viewer"},
    )
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/invitations/" in line)
    path = link[link.index("/alliance/") :]
    anonymous = Client()
    assert anonymous.get(path).status_code == 200
    response = anonymous.post(
        path, {"password1": "a long new passphrase", "password2": "a long new passphrase"}
    )
    assert response.status_code == 302
    assert anonymous.get(f"/alliance/manage/{member.slug}/").status_code == 200
    assert anonymous.get(path).status_code == 404  # used once


def test_tampered_invitation_link_is_refused(client):
    response = client.get("/alliance/invitations/forged-token/")
    assert response.status_code == 404
    assert "does not work" in response.content.decode()


# --- task force and staff -------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/alliance/task-force/",
        "/alliance/task-force/credentials/{credential}/",
        "/alliance/task-force/standards/{standard}/",
        "/alliance/audit/",
    ],
)
def test_member_admin_cannot_open_task_force_or_audit(client, admin_user, credential, member, path):
    standard = HiringStandardFactory(member=member)
    url = path.format(credential=credential.slug, standard=standard.pk)
    assert _login(client, admin_user).get(url).status_code == 403


def test_task_force_certifies_through_the_page(client, task_force_user, credential):
    c = _login(client, task_force_user)
    url = f"/alliance/task-force/credentials/{credential.slug}/"
    today = date.today()
    c.post(url, {"decide": "1", "decide-status": "proposed", "decide-decided_on": today})
    c.post(url, {"decide": "1", "decide-status": "under_review", "decide-decided_on": today})
    c.post(url, {"vote": "1", "vote-choice": "for"})
    response = c.post(
        url,
        {
            "decide": "1",
            "decide-status": "certified",
            "decide-decided_on": today,
            "decide-rationale": "Good.",
            "decide-expires_on": today + timedelta(days=700),
        },
    )
    assert response.status_code == 302
    assert CertificationDecision.objects.filter(credential=credential).count() == 3
    assert c.get("/alliance/task-force/").status_code == 200


def test_task_force_skipping_a_step_sees_why(client, task_force_user, credential):
    response = _login(client, task_force_user).post(
        f"/alliance/task-force/credentials/{credential.slug}/",
        {"decide": "1", "decide-status": "certified", "decide-decided_on": date.today()},
    )
    assert response.status_code == 400
    assert not CertificationDecision.objects.exists()


def test_task_force_unknown_standard_is_404(client, task_force_user):
    assert (
        _login(client, task_force_user).get("/alliance/task-force/standards/999999/").status_code
        == 404
    )


def test_task_force_approves_a_standard(client, task_force_user, member):
    standard = HiringStandardFactory(member=member, status=HiringStandardStatus.SUBMITTED)
    response = _login(client, task_force_user).post(
        f"/alliance/task-force/standards/{standard.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 302
    standard.refresh_from_db()
    assert standard.status == HiringStandardStatus.APPROVED


def test_staff_sees_the_audit_log(client, staff_user, member, admin_user):
    CommitmentFactory(member=member)
    from alliance.services import audit_record

    audit_record(actor=admin_user, action="commitment.sign", obj=member, member=member)
    response = _login(client, staff_user).get(reverse("alliance:audit-log"))
    assert response.status_code == 200
    assert "commitment.sign" in response.content.decode()


def test_employers_and_member_pages_have_constant_query_counts(
    client, occupation, member, django_assert_max_num_queries, django_assert_num_queries
):
    from .factories import CredentialFactory

    def grow(n):  # type: ignore[no-untyped-def]
        for _ in range(n):
            credential = CredentialFactory(occupations=[occupation])
            CertificationDecisionFactory(credential=credential)
            RecognitionFactory(member=member, credential=credential)
            CommitmentFactory(member=member, deadline=date.today() + timedelta(days=credential.pk))
            HiringStandardFactory(
                occupation=occupation,
                member=member,
                status=HiringStandardStatus.APPROVED,
                approved_on=date.today(),
            )

    urls = [f"/employers/?occupation={occupation.soc_code}", f"/alliance/members/{member.slug}/"]
    grow(1)
    counts = {}
    for url in urls:
        with django_assert_max_num_queries(12) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured.captured_queries)
    grow(12)
    for url in urls:
        with django_assert_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def test_task_force_sees_a_submitted_standard_marked_unpublished(client, task_force_user, member):
    standard = HiringStandardFactory(member=member, status=HiringStandardStatus.SUBMITTED)
    body = _login(client, task_force_user).get(f"/alliance/task-force/standards/{standard.pk}/")
    text = body.content.decode()
    assert "Not published" in text
    assert "approved by the Alliance task force" not in text
