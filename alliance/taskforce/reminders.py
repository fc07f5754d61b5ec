"""Reminder mails to the task force before a meeting and before a certification's review date."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from alliance.models import CertificationDecision, ReminderSent
from alliance.permissions import TASK_FORCE_GROUP

from .models import Meeting, MeetingStatus

# How many days ahead each reminder goes out.
MEETING_NOTICE_DAYS = 7
REVIEW_NOTICE_DAYS = 14


def reminders_send(*, today: dt.date) -> int:
    """Send the reminders that are due and not yet sent; return how many mails went out."""
    people = list(
        get_user_model()
        .objects.filter(groups__name=TASK_FORCE_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not people:
        return 0
    due: list[tuple[str, str, str]] = []
    for meeting in Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        scheduled_for__gte=today,
        scheduled_for__lte=today + dt.timedelta(days=MEETING_NOTICE_DAYS),
    ):
        due.append(
            (
                f"meeting-{meeting.pk}-{meeting.scheduled_for.isoformat()}",
                _("Task force meeting on %(day)s") % {"day": meeting.scheduled_for.isoformat()},
                _(
                    "The task force meets on %(day)s (%(title)s). "
                    "The agenda is on the meeting's page."
                )
                % {"day": meeting.scheduled_for.isoformat(), "title": meeting.title},
            )
        )
    for decision in (
        CertificationDecision.objects.current()
        .filter(
            next_review_on__gte=today,
            next_review_on__lte=today + dt.timedelta(days=REVIEW_NOTICE_DAYS),
        )
        .select_related("credential")
    ):
        due.append(
            (
                f"review-{decision.pk}-{decision.next_review_on.isoformat()}",
                _("Certification review due: %(name)s") % {"name": decision.credential.name},
                _("The certification of %(name)s is due for review on %(day)s.")
                % {"name": decision.credential.name, "day": decision.next_review_on.isoformat()},
            )
        )
    return reminders_send_once([(key, people, subject, body) for key, subject, body in due])


def reminders_send_once(due: list[tuple[str, list[str], str, str]]) -> int:
    """Send each (key, recipients, subject, body) whose key has no row yet; return the mails sent.

    The row first, in the transaction that sends: a second run (or a second worker) finds it and
    sends nothing. Every reminder of the Alliance shares the one table (alliance.ReminderSent).
    """
    sent = 0
    for key, people, subject, body in due:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(key=key, recipients=len(people))
                send_mass_mail([(subject, body, None, [email]) for email in people])
        except IntegrityError:
            continue
        sent += len(people)
    return sent
