"""The year page, the member page's section, and the member admin's reconvening page."""

import pytest

from alliance.models import AuditEntry
from alliance.reconvening.models import AccessPlan, Milestone, Recommitment
from tests.pages import page_html

from ..factories import MemberFactory, OccupationFactory
from .factories import AccessPlanFactory, ConveningFactory, MilestoneFactory, RecommitmentFactory
from .factories import standard_version as version

pytestmark = pytest.mark.django_db


def test_year_page_shows_recommitments_plans_and_what_changed(client, member, occupation):
    convening = ConveningFactory(is_synthetic=True)
    RecommitmentFactory(convening=convening, member=member, statement="We keep going.")
    MilestoneFactory(plan=AccessPlanFactory(convening=convening, member=member), title="Sign up")
    version(member, occupation, 2025, degree_required=True, credentials=["CompTIA A+"])
    version(member, occupation, 2026, credentials=["CompTIA A+", "Google IT Support"])
    response = client.get("/alliance/reconvening/2026/")
    assert response.status_code == 200
    html = page_html(response)
    assert "We keep going." in html
    assert "Signed by Pat Signer on" in html
    assert "Sign up" in html
    assert "What changed since 2025:" in html
    assert "No longer requires a four-year degree." in html
    assert "Now accepts: Google IT Support." in html
    assert "synthetic" in html


def test_year_page_in_spanish(client, member, occupation):
    ConveningFactory()
    version(member, occupation, 2025, degree_required=True)
    version(member, occupation, 2026)
    response = client.get("/es/alliance/reconvening/2026/")
    assert response.status_code == 200
    assert "Ya no exige un título universitario de cuatro años." in page_html(response)


def test_unknown_year_is_404(client):
    assert client.get("/alliance/reconvening/1999/").status_code == 404


def test_member_page_shows_its_own_recommitment_only(client, member, other_member):
    RecommitmentFactory(member=member, statement="Ours.")
    RecommitmentFactory(member=other_member, statement="Theirs.")
    response = client.get(f"/alliance/members/{member.slug}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Ours." in html and "Theirs." not in html


def test_year_page_query_count_is_constant(client, django_assert_num_queries):
    convening = ConveningFactory()
    occupation = OccupationFactory()

    def grow(n):  # type: ignore[no-untyped-def]
        for _ in range(n):
            member = MemberFactory()
            RecommitmentFactory(convening=convening, member=member)
            MilestoneFactory(plan=AccessPlanFactory(convening=convening, member=member))
            version(member, occupation, 2025)
            version(member, occupation, 2026, degree_required=True)

    grow(1)
    # 1 convening, 2 recommitments with members, 3 plans with members, 4 their milestones,
    # 5 the year's versions with members and occupations, 6 the same members' versions of
    # every year (for "since last year")
    with django_assert_num_queries(6):
        assert client.get("/alliance/reconvening/2026/").status_code == 200
    grow(15)
    with django_assert_num_queries(6):
        assert client.get("/alliance/reconvening/2026/").status_code == 200


# --- The member admin's page ----------------------------------------------------------------


def test_admin_signs_writes_plan_and_adds_a_milestone(client, admin_user, member):
    ConveningFactory()
    client.force_login(admin_user)
    url = f"/alliance/manage/{member.slug}/reconvening/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "recommit": "",
            "recommit-statement": "We recommit.",
            "recommit-signer_name": "Ana Admin",
            "recommit-confirm": "on",
        },
    )
    assert response.status_code == 302
    assert client.post(url, {"plan": "", "plan-summary": "Apprentices."}).status_code == 302
    response = client.post(
        url, {"milestone": "", "milestone-title": "First hire", "milestone-due_on": "2027-03-01"}
    )
    assert response.status_code == 302
    assert Recommitment.objects.get(member=member).signer_name == "Ana Admin"
    assert Milestone.objects.get(plan__member=member).title == "First hire"
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "recommitment.sign",
        "access_plan.save",
        "milestone.add",
    }


def test_bad_input_says_why_and_keeps_the_text(client, admin_user, member):
    ConveningFactory()
    client.force_login(admin_user)
    response = client.post(
        f"/alliance/manage/{member.slug}/reconvening/",
        {"recommit": "", "recommit-statement": "Kept words.", "recommit-signer_name": "Ana"},
    )
    assert response.status_code == 400
    html = page_html(response)
    assert "Please fix the problems marked below. Nothing was saved." in html
    assert "Kept words." in html
    assert not Recommitment.objects.exists()


def test_milestone_before_the_plan_is_refused(client, admin_user, member):
    ConveningFactory()
    client.force_login(admin_user)
    response = client.post(
        f"/alliance/manage/{member.slug}/reconvening/",
        {"milestone": "", "milestone-title": "First hire", "milestone-due_on": "2027-03-01"},
    )
    assert response.status_code == 400
    assert "Write the plan first, then add its milestones." in page_html(response)


def test_other_members_admin_gets_404_on_this_members_page(client, other_admin, member):
    ConveningFactory()
    client.force_login(other_admin)
    url = f"/alliance/manage/{member.slug}/reconvening/"
    assert client.get(url).status_code == 404
    response = client.post(url, {"plan": "", "plan-summary": "Hijack"})
    assert response.status_code == 404
    assert not AccessPlan.objects.exists()


def test_viewer_may_look_but_not_write(client, viewer_user, member):
    ConveningFactory()
    client.force_login(viewer_user)
    url = f"/alliance/manage/{member.slug}/reconvening/"
    response = client.get(url)
    assert response.status_code == 200
    assert "You can look." in page_html(response)
    assert client.post(url, {"plan": "", "plan-summary": "Mine"}).status_code == 403
    assert not AccessPlan.objects.exists()


def test_milestone_update_is_dated_and_public(client, admin_user, member):
    milestone = MilestoneFactory(plan=AccessPlanFactory(member=member))
    client.force_login(admin_user)
    response = client.post(
        f"/alliance/manage/{member.slug}/reconvening/milestones/{milestone.pk}/",
        {f"m{milestone.pk}-status": "done", f"m{milestone.pk}-note": "Two hired."},
    )
    assert response.status_code == 302
    public = page_html(client.get(f"/alliance/members/{member.slug}/"))
    assert "Two hired." in public
    assert "Done" in public


def test_another_members_milestone_is_404(client, admin_user, member, other_member):
    theirs = MilestoneFactory(plan=AccessPlanFactory(member=other_member))
    client.force_login(admin_user)
    response = client.post(
        f"/alliance/manage/{member.slug}/reconvening/milestones/{theirs.pk}/",
        {f"m{theirs.pk}-status": "done", f"m{theirs.pk}-note": "Hijacked."},
    )
    assert response.status_code == 404
    response = client.post(
        f"/alliance/manage/{other_member.slug}/reconvening/milestones/{theirs.pk}/",
        {f"m{theirs.pk}-status": "done", f"m{theirs.pk}-note": "Hijacked."},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.note == ""


def test_signed_out_visitor_is_sent_to_sign_in(client, member):
    response = client.get(f"/alliance/manage/{member.slug}/reconvening/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_page_section_query_count_is_constant(client, member, django_assert_num_queries):
    plan = AccessPlanFactory(member=member)
    RecommitmentFactory(member=member, convening=plan.convening)

    def grow(n, start):  # type: ignore[no-untyped-def]
        for i in range(n):
            MilestoneFactory(plan=plan)
            occupation = OccupationFactory(soc_code=f"15-{start + i:04d}")
            version(member, occupation, 2025)
            version(member, occupation, 2026, degree_required=True)

    # 1 member; the sections: 2 recommitments, 3 plans, 4 their milestones, 5 the member's
    # versions, 6 the same members' versions of every year, 7 the newest published report (award
    # standing); the page: 8 commitments, 9 recognitions, 10 approved standards, 11 awards
    grow(1, 1000)
    with django_assert_num_queries(11):
        assert client.get(f"/alliance/members/{member.slug}/").status_code == 200
    grow(12, 1100)
    with django_assert_num_queries(11):
        assert client.get(f"/alliance/members/{member.slug}/").status_code == 200
