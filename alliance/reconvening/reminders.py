"""Reminder mails to a member's admins before a commitment's deadline or a milestone's due date.

Idempotent: each reminder claims an alliance.ReminderSent row (unique key) in the transaction
that sends it (alliance.taskforce.reminders.reminders_send_once), so a second run sends nothing.
"""

import datetime as dt
from collections import defaultdict

from django.utils import translation
from django.utils.translation import gettext as _

from alliance.models import Commitment, CommitmentStatus, Membership, MembershipRole
from alliance.taskforce.reminders import reminders_send_once
from careerportal.translations.presentation import authored_text

from .models import Milestone, MilestoneStatus

# How many days before the date each notice goes out (the earliest notice not yet sent is sent).
COMMITMENT_NOTICE_DAYS = (30, 7)
MILESTONE_NOTICE_DAYS = (14,)


def _notice(*, today: dt.date, due: dt.date, notices: tuple[int, ...]) -> int | None:
    """Which notice a date is in today (the smallest window it falls in), or None."""
    days = (due - today).days
    windows = [n for n in notices if 0 <= days <= n]
    return min(windows) if windows else None


def _admin_emails(member_ids: set[int]) -> dict[int, list[str]]:
    emails: dict[int, list[str]] = defaultdict(list)
    for member_id, email in (
        Membership.objects.filter(
            member_id__in=member_ids, role=MembershipRole.ADMIN, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("member_id", "user__email")
        .order_by("member_id", "user__email")
    ):
        emails[member_id].append(email)
    return emails


def reminders_send(*, today: dt.date) -> int:
    """Send the reminders that are due and not yet sent; return how many mails went out."""
    horizon = today + dt.timedelta(days=max(COMMITMENT_NOTICE_DAYS + MILESTONE_NOTICE_DAYS))
    commitments = list(
        Commitment.objects.filter(
            status=CommitmentStatus.ON_TRACK, deadline__gte=today, deadline__lte=horizon
        ).select_related("member")
    )
    milestones = list(
        Milestone.objects.filter(
            status__in=[MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS],
            due_on__gte=today,
            due_on__lte=horizon,
        ).select_related("plan__member")
    )
    emails = _admin_emails(
        {c.member_id for c in commitments} | {m.plan.member_id for m in milestones}
    )
    due: list[tuple[str, list[str], str, str]] = []
    # Mails go out in English, the language the member area is set up in; the links open the
    # pages, which the reader can switch to their language.
    with translation.override("en"):
        for c in commitments:
            notice = _notice(today=today, due=c.deadline, notices=COMMITMENT_NOTICE_DAYS)
            if notice is None or not emails.get(c.member_id):
                continue
            due.append(
                (
                    f"commitment-{c.pk}-{c.deadline.isoformat()}-{notice}d",
                    emails[c.member_id],
                    _("Commitment due on %(day)s") % {"day": c.deadline.isoformat()},
                    _(
                        "%(member)s promised in public: “%(promise)s”, by %(day)s. "
                        "The public board shows it as overdue after that day."
                    )
                    % {
                        "member": c.member.name,
                        "promise": c.get_kind_display(),
                        "day": c.deadline.isoformat(),
                    },
                )
            )
        for m in milestones:
            member = m.plan.member
            notice = _notice(today=today, due=m.due_on, notices=MILESTONE_NOTICE_DAYS)
            if notice is None or not emails.get(member.pk):
                continue
            due.append(
                (
                    f"milestone-{m.pk}-{m.due_on.isoformat()}-{notice}d",
                    emails[member.pk],
                    _("Milestone due on %(day)s") % {"day": m.due_on.isoformat()},
                    _(
                        "The milestone “%(title)s” of %(member)s's plan for access is due on "
                        "%(day)s. Report its status in the member area; the note is public."
                    )
                    % {
                        # The member's English title, else the version they wrote first.
                        "title": authored_text(m, "title").text,
                        "member": member.name,
                        "day": m.due_on.isoformat(),
                    },
                )
            )
    return reminders_send_once(due)
