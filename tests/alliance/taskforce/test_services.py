"""The task force's meetings, decisions, minutes and the versioned high-demand job list."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from alliance.models import AuditEntry, CertificationStatus
from alliance.taskforce import reminders, selectors, services
from alliance.taskforce.models import DecisionKind, MeetingStatus
from tests.alliance.factories import CertificationDecisionFactory, OccupationFactory

DAY = dt.date(2026, 12, 1)


def test_months_after_keeps_the_day_or_the_months_last():
    assert services.months_after(dt.date(2026, 12, 1), 2) == dt.date(2027, 2, 1)
    assert services.months_after(dt.date(2026, 12, 31), 2) == dt.date(2027, 2, 28)
    assert services.months_after(dt.date(2027, 11, 15), 2) == dt.date(2028, 1, 15)


def test_the_next_meeting_is_two_months_after_the_last_and_scheduled_once(task_force_user):
    services.meeting_schedule(actor=task_force_user, scheduled_for=dt.date(2026, 11, 20))
    first = services.meeting_schedule_next(today=DAY)
    again = services.meeting_schedule_next(today=DAY)
    assert first is not None and first.scheduled_for == dt.date(2027, 1, 20)
    assert again is None


def test_with_no_meeting_yet_the_first_is_today(db):
    meeting = services.meeting_schedule_next(today=DAY)
    assert meeting is not None and meeting.scheduled_for == DAY


def test_decisions_need_a_held_meeting_and_link_what_they_decided(task_force_user, occupation):
    meeting = services.meeting_schedule(actor=task_force_user, scheduled_for=DAY)
    with pytest.raises(ValidationError):
        services.meeting_decision_record(
            actor=task_force_user, meeting=meeting, kind=DecisionKind.OTHER, summary="x"
        )
    services.meeting_attendance_record(
        actor=task_force_user, meeting=meeting, present=[task_force_user.pk], absent=[]
    )
    review = CertificationDecisionFactory(status=CertificationStatus.CERTIFIED)
    decision = services.meeting_decision_record(
        actor=task_force_user,
        meeting=meeting,
        kind=DecisionKind.CERTIFICATION,
        summary="Certified after review",
        certification=review,
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert decision.certification == review
    # A decision that says "certification" but links nothing is refused.
    with pytest.raises(ValidationError):
        services.meeting_decision_record(
            actor=task_force_user,
            meeting=meeting,
            kind=DecisionKind.CERTIFICATION,
            summary="No link",
        )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"meeting.schedule", "meeting.attendance", "meeting.decision"} <= actions


def test_minutes_are_public_only_once_approved_and_then_fixed(task_force_user):
    meeting = services.meeting_schedule(actor=task_force_user, scheduled_for=DAY)
    with pytest.raises(ValidationError):
        services.meeting_minutes_approve(actor=task_force_user, meeting=meeting, today=DAY)
    services.meeting_attendance_record(
        actor=task_force_user, meeting=meeting, present=[task_force_user.pk], absent=[]
    )
    with pytest.raises(ValidationError):  # nothing written yet
        services.meeting_minutes_approve(actor=task_force_user, meeting=meeting, today=DAY)
    services.meeting_minutes_save(actor=task_force_user, meeting=meeting, minutes="We met.")
    assert not meeting.minutes_public
    services.meeting_minutes_approve(actor=task_force_user, meeting=meeting, today=DAY)
    assert meeting.minutes_public
    with pytest.raises(ValidationError):
        services.meeting_minutes_save(actor=task_force_user, meeting=meeting, minutes="Changed")


def test_the_job_list_is_versioned_with_what_changed(task_force_user):
    OccupationFactory(soc_code="15-1212", title="Information Security Analysts")
    OccupationFactory(soc_code="15-1232", title="Computer User Support Specialists")
    OccupationFactory(soc_code="15-1244", title="Network and Computer Systems Administrators")
    meeting = services.meeting_schedule(actor=task_force_user, scheduled_for=DAY)
    services.meeting_attendance_record(
        actor=task_force_user, meeting=meeting, present=[task_force_user.pk], absent=[]
    )
    services.high_demand_list_decide(
        actor=task_force_user,
        meeting=meeting,
        entries={"15-1212": "openings", "15-1232": "openings"},
        today=DAY,
    )
    second = services.high_demand_list_decide(
        actor=task_force_user,
        meeting=meeting,
        entries={"15-1212": "openings", "15-1244": "wages"},
        today=DAY,
    )
    assert second.version == 2
    assert selectors.high_demand_current() == second
    newest, first = selectors.high_demand_history()
    assert [o.soc_code for o in newest.added] == ["15-1244"]
    assert [o.soc_code for o in newest.removed] == ["15-1232"]
    assert [o.soc_code for o in first.added] == ["15-1212", "15-1232"]
    assert meeting.decisions.filter(kind=DecisionKind.HIGH_DEMAND_LIST).count() == 2


def test_an_unknown_soc_code_is_refused_by_name(task_force_user):
    meeting = services.meeting_schedule(actor=task_force_user, scheduled_for=DAY)
    services.meeting_attendance_record(
        actor=task_force_user, meeting=meeting, present=[task_force_user.pk], absent=[]
    )
    with pytest.raises(ValidationError, match="99-9999"):
        services.high_demand_list_decide(
            actor=task_force_user, meeting=meeting, entries={"99-9999": "x"}, today=DAY
        )


def test_the_agenda_lists_reviews_and_certifications_expiring_soon(task_force_user):
    meeting = services.meeting_schedule(actor=task_force_user, scheduled_for=DAY)
    soon = CertificationDecisionFactory(
        status=CertificationStatus.CERTIFIED,
        decided_on=dt.date(2024, 1, 1),
        effective_on=dt.date(2024, 1, 1),
        expires_on=DAY + dt.timedelta(days=60),
    )
    CertificationDecisionFactory(
        status=CertificationStatus.CERTIFIED,
        decided_on=dt.date(2024, 1, 1),
        effective_on=dt.date(2024, 1, 1),
        expires_on=DAY + dt.timedelta(days=400),
    )
    review = CertificationDecisionFactory(status=CertificationStatus.UNDER_REVIEW)
    agenda = selectors.meeting_agenda(meeting=meeting, today=DAY)
    assert agenda.expiring == [soon]
    assert review in agenda.reviews[CertificationStatus.UNDER_REVIEW]
    assert set(agenda.more) == {"Program submission to review", "Gap to fill"}


def test_reminders_go_once_before_a_meeting(task_force_user):
    task_force_user.email = "tess@example.org"
    task_force_user.save()
    services.meeting_schedule(actor=task_force_user, scheduled_for=DAY + dt.timedelta(days=5))
    services.meeting_schedule(actor=task_force_user, scheduled_for=DAY + dt.timedelta(days=30))
    assert reminders.reminders_send(today=DAY) == 1
    assert reminders.reminders_send(today=DAY) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tess@example.org"]
