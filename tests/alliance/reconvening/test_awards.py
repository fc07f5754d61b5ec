"""Awards computed from published data: the rule, the figures, the reasoning, and the task
force's confirmation or override with a published, audited reason."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alliance.models import AuditEntry, Award, CommitmentStatus
from alliance.reconvening import services
from alliance.reconvening.awards import award_result, award_results
from alliance.reconvening.models import AwardDecision, MilestoneStatus
from hiringdata.transparency.models import TransparencyReport
from tests.pages import page_html

from ..factories import CommitmentFactory, MemberFactory
from .factories import AccessPlanFactory, ConveningFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

# Convenings in the past, so every deadline in their window has passed.
HELD = date(2025, 5, 14)
REASON = "The figures on this page show it plainly; we confirm the rule's result."


@pytest.fixture
def convening():  # type: ignore[no-untyped-def]
    ConveningFactory(year=2024, held_on=date(2024, 5, 14))
    return ConveningFactory(year=2025, held_on=HELD)


def commitment(member, *, deadline, done_on=None):  # type: ignore[no-untyped-def]
    return CommitmentFactory(
        member=member,
        deadline=deadline,
        signed_on=deadline - timedelta(days=200),
        status=CommitmentStatus.DATA_SUBMITTED if done_on else CommitmentStatus.ON_TRACK,
        done_on=done_on,
        kind=f"k{deadline.isoformat()}"[:24],
    )


def test_commitments_kept_ranks_by_share_then_count_and_says_why(convening, member, other_member):
    # Acme: 2 of 2 kept on time. Other: 1 of 2 (one done late).
    commitment(member, deadline=date(2024, 9, 1), done_on=date(2024, 8, 1))
    commitment(member, deadline=date(2025, 3, 1), done_on=date(2025, 3, 1))
    commitment(other_member, deadline=date(2024, 9, 1), done_on=date(2024, 8, 1))
    commitment(other_member, deadline=date(2025, 3, 1), done_on=date(2025, 3, 2))
    # Outside the window (before the previous convening): not counted.
    commitment(other_member, deadline=date(2024, 1, 1), done_on=date(2023, 12, 1))
    result = award_result(convening=convening, category="commitments_kept")
    assert result is not None
    assert result.winner == member
    assert [(r.member, r.rank, r.rank_by) for r in result.rows] == [
        (member, 1, (100.0, 2)),
        (other_member, 2, (50.0, 1)),
    ]
    assert "Chosen because Acme IT" in result.reasoning
    assert "Other Co (50.0% (1 of 2 commitments))" in result.reasoning
    # Reproducible: the same data, the same result, figure for figure.
    assert award_result(convening=convening, category="commitments_kept").as_json() == (
        result.as_json()
    )


def test_a_tie_on_every_figure_computes_no_winner(convening, member, other_member):
    for m in (member, other_member):
        commitment(m, deadline=date(2024, 9, 1), done_on=date(2024, 9, 1))
    result = award_result(convening=convening, category="commitments_kept")
    assert result is not None and result.winner is None
    assert set(result.tied) == {member, other_member}
    assert "tied on every figure" in result.reasoning
    assert [r.rank for r in result.rows] == [1, 1]


def test_milestones_delivered_counts_done_by_the_convening_and_dropped_as_not(
    convening, member, other_member
):
    plan = AccessPlanFactory(member=member, convening=convening)
    MilestoneFactory(
        plan=plan, due_on=date(2025, 1, 1), status=MilestoneStatus.DONE, updated_on=date(2025, 1, 2)
    )
    MilestoneFactory(
        plan=plan, due_on=date(2025, 2, 1), status=MilestoneStatus.DROPPED, updated_on=HELD
    )
    other = AccessPlanFactory(member=other_member, convening=convening)
    MilestoneFactory(
        plan=other, due_on=date(2025, 1, 1), status=MilestoneStatus.DONE, updated_on=HELD
    )
    # Reported done after the convening: not delivered by it.
    MilestoneFactory(
        plan=other,
        due_on=date(2025, 2, 1),
        status=MilestoneStatus.DONE,
        updated_on=HELD + timedelta(days=1),
    )
    # Due after the convening: not counted.
    MilestoneFactory(plan=other, due_on=HELD + timedelta(days=30), status=MilestoneStatus.DONE)
    result = award_result(convening=convening, category="access_milestones_done")
    assert result is not None
    assert [(r.member, r.rank_by) for r in result.rows] == [
        (member, (50.0, 1)),
        (other_member, (50.0, 1)),
    ]
    assert result.winner is None


def published_report(year, candidates):  # type: ignore[no-untyped-def]
    return TransparencyReport.objects.create(
        year=year,
        version=1,
        status="published",
        built_at=datetime(year + 1, 2, 1, tzinfo=UTC),
        published_at=datetime(year + 1, 2, 2, tzinfo=UTC),
        input_fingerprint="x" * 64,
        summary={"awards": {"method": "non_degree_share_change", "candidates": candidates}},
    )


def test_most_progress_reads_the_published_report_of_the_year_before(
    convening, member, other_member
):
    assert award_result(convening=convening, category="most_progress").winner is None  # type: ignore[union-attr]
    published_report(
        2024,
        [
            {
                "member_id": other_member.pk,
                "share": 40.0,
                "previous_share": 30.0,
                "change_points": 10.0,
            },
            {"member_id": member.pk, "share": 20.0, "previous_share": 18.0, "change_points": 2.0},
        ],
    )
    result = award_result(convening=convening, category="most_progress")
    assert result is not None and result.winner == other_member
    assert result.source_url == "/transparency/2024/"
    assert ("Change", "+10.0 points") in result.rows[0].figures
    assert [r.category for r in award_results(convening=convening)] == [
        "most_progress",
        "commitments_kept",
        "access_milestones_done",
    ]


def test_confirm_and_override_need_a_reason_are_published_and_audited(
    convening, member, other_member, task_force_user, client
):
    commitment(member, deadline=date(2024, 9, 1), done_on=date(2024, 8, 1))
    commitment(other_member, deadline=date(2024, 9, 1))
    with pytest.raises(ValidationError):
        services.award_decide(
            actor=task_force_user,
            convening=convening,
            category="commitments_kept",
            member=member,
            reason="ok",
        )
    decision = services.award_decide(
        actor=task_force_user,
        convening=convening,
        category="commitments_kept",
        member=member,
        reason=REASON,
    )
    assert decision.outcome == "confirmed" and decision.computed["winner_id"] == member.pk
    entry = AuditEntry.objects.get(action="award.confirmed")
    assert entry.after["reason"] == REASON and entry.after["computed"]["winner_id"] == member.pk
    # The member page and the report read the Award row it keeps in step.
    award = Award.objects.get(decision=decision)
    assert award.member == member and REASON in award.method

    override = "The deadline of Other Co moved by agreement with the task force in March."
    services.award_decide(
        actor=task_force_user,
        convening=convening,
        category="commitments_kept",
        member=other_member,
        reason=override,
    )
    decision.refresh_from_db()
    assert decision.outcome == "overridden" and decision.member == other_member
    entry = AuditEntry.objects.get(action="award.overridden")
    assert entry.before["member"] == member.pk and entry.after["member"] == other_member.pk
    assert Award.objects.get().member == other_member  # replaced, not added

    html = page_html(client.get("/alliance/reconvening/2025/awards/"))
    assert override in html
    assert "not the one the rule gave" in html
    assert "Chosen because Acme IT" in html


@pytest.mark.parametrize("who", ["admin_user", "other_admin", "viewer_user"])
def test_only_the_task_force_decides(request, convening, member, who, client):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.award_decide(
            actor=actor,
            convening=convening,
            category="commitments_kept",
            member=member,
            reason=REASON,
        )
    client.force_login(actor)
    response = client.post(
        "/alliance/task-force/awards/2025/commitments_kept/",
        {"commitments_kept-member": member.slug, "commitments_kept-reason": REASON},
    )
    assert response.status_code == 403
    assert not AwardDecision.objects.exists() and not AuditEntry.objects.exists()


def test_task_force_decides_from_the_page_and_bad_input_keeps_what_was_typed(
    convening, member, task_force_user, client
):
    commitment(member, deadline=date(2024, 9, 1), done_on=date(2024, 8, 1))
    client.force_login(task_force_user)
    page = client.get("/alliance/reconvening/2025/awards/").content.decode()
    assert 'action="/alliance/task-force/awards/2025/commitments_kept/"' in page
    url = "/alliance/task-force/awards/2025/commitments_kept/"
    response = client.post(
        url, {"commitments_kept-member": member.slug, "commitments_kept-reason": "short"}
    )
    assert response.status_code == 400 and "at least 20 characters" in response.content.decode()
    assert "short</textarea>" in response.content.decode()
    assert client.post("/alliance/task-force/awards/2025/nope/", {}).status_code == 404
    response = client.post(
        url, {"commitments_kept-member": member.slug, "commitments_kept-reason": REASON}
    )
    assert response.status_code == 302
    assert AwardDecision.objects.get().outcome == "confirmed"


def test_awards_page_is_public(convening, client):
    MemberFactory()
    html = page_html(client.get("/alliance/reconvening/2025/awards/"))
    assert "The rule" in html and "No member qualifies" in html
    assert "Record the decision" not in html
