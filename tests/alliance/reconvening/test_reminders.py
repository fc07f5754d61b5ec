"""Reminders before commitment deadlines and milestone dates: to the member's admins, once."""

from datetime import date, timedelta

import pytest
from django.core import mail

from alliance.models import CommitmentStatus, MembershipRole, ReminderSent
from alliance.reconvening.models import MilestoneStatus
from alliance.reconvening.reminders import reminders_send
from careerportal.celery import beat_schedule

from ..factories import CommitmentFactory, MembershipFactory
from .factories import AccessPlanFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)


def test_admins_of_the_member_get_one_mail_each_and_a_second_run_sends_nothing(
    member, admin_user, viewer_user, other_admin
):
    CommitmentFactory(member=member, deadline=TODAY + timedelta(days=20))
    assert reminders_send(today=TODAY) == 1
    assert [m.to for m in mail.outbox] == [[admin_user.email]]
    assert mail.outbox[0].subject == "Commitment due on 2026-12-21"
    assert "by 2026-12-21" in mail.outbox[0].body
    assert reminders_send(today=TODAY) == 0
    assert reminders_send(today=TODAY + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_a_second_notice_goes_out_a_week_before(member, admin_user):
    CommitmentFactory(member=member, deadline=TODAY + timedelta(days=20))
    reminders_send(today=TODAY)
    assert reminders_send(today=TODAY + timedelta(days=14)) == 1
    assert sorted(ReminderSent.objects.values_list("key", flat=True))[-1].endswith("-7d")


def test_done_far_or_past_commitments_send_nothing(member, admin_user):
    CommitmentFactory(
        member=member,
        deadline=TODAY + timedelta(days=5),
        status=CommitmentStatus.DATA_SUBMITTED,
    )
    CommitmentFactory(member=member, deadline=TODAY + timedelta(days=90), kind="apprenticeship")
    CommitmentFactory(member=member, deadline=TODAY - timedelta(days=1), kind="partnerships")
    assert reminders_send(today=TODAY) == 0
    assert mail.outbox == []


def test_milestone_reminder_goes_to_that_members_admins_only(member, admin_user, other_admin):
    MilestoneFactory(plan=AccessPlanFactory(member=member), due_on=TODAY + timedelta(days=10))
    MilestoneFactory(
        plan=AccessPlanFactory(member=member, convening__year=2025),
        due_on=TODAY + timedelta(days=3),
        status=MilestoneStatus.DONE,
    )
    assert reminders_send(today=TODAY) == 1
    assert mail.outbox[0].to == [admin_user.email]
    assert "Report its status in the member area" in mail.outbox[0].body


def test_a_member_without_admins_is_not_marked_sent(member):
    MembershipFactory(member=member, role=MembershipRole.VIEWER)
    CommitmentFactory(member=member, deadline=TODAY + timedelta(days=5))
    assert reminders_send(today=TODAY) == 0
    assert not ReminderSent.objects.exists()


def test_the_beat_runs_it_daily():
    entry = beat_schedule()["reconvening-deadline-reminders"]
    assert entry["task"] == "alliance.reconvening.tasks.reminders_send_task"
    assert entry["schedule"] == 86400.0


def test_a_reminder_recorded_in_the_one_table_is_not_sent_again(member, admin_user):
    commitment = CommitmentFactory(member=member, deadline=TODAY + timedelta(days=20))
    # As the merge migration copies it from the reconvening's old table.
    ReminderSent.objects.create(
        key=f"commitment-{commitment.pk}-{commitment.deadline.isoformat()}-30d", recipients=1
    )
    assert reminders_send(today=TODAY) == 0
    assert mail.outbox == []
