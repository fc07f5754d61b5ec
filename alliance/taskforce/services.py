"""Writes of the task force's work: meetings, attendance, decisions, minutes, the job list."""

import calendar
import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from alliance.models import CertificationDecision, HiringStandard
from alliance.services import audit_record
from careerportal.users import Actor, user_or_none
from pathways.models import Occupation

from .models import (
    Attendance,
    DecisionKind,
    HighDemandEntry,
    HighDemandList,
    Meeting,
    MeetingDecision,
    MeetingStatus,
)

# The memo: the task force meets every two months.
MONTHS_BETWEEN_MEETINGS = 2


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day of the month, months later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def meeting_schedule(
    *, actor: Actor, scheduled_for: dt.date, title: str = "", place: str = ""
) -> Meeting:
    """Put a meeting on the calendar (one a day)."""
    if Meeting.objects.filter(scheduled_for=scheduled_for).exists():
        raise ValidationError(_("There is already a meeting on %(day)s.") % {"day": scheduled_for})
    with transaction.atomic():
        meeting = Meeting.objects.create(
            scheduled_for=scheduled_for,
            title=title or _("Task force meeting"),
            place=place,
        )
        audit_record(
            actor=actor, action="meeting.schedule", obj=meeting, after=_meeting_state(meeting)
        )
    return meeting


def meeting_schedule_next(*, actor: Actor = None, today: dt.date) -> Meeting | None:
    """Keep the next meeting on the calendar: two months after the last, if none is ahead.

    Idempotent (beat runs it daily): returns the meeting it scheduled, or None.
    """
    if (
        Meeting.objects.filter(scheduled_for__gte=today)
        .exclude(status=MeetingStatus.CANCELLED)
        .exists()
    ):
        return None
    last = Meeting.objects.exclude(status=MeetingStatus.CANCELLED).aggregate(
        day=Max("scheduled_for")
    )["day"]
    day = months_after(last, MONTHS_BETWEEN_MEETINGS) if last else today
    while day < today:
        day = months_after(day, MONTHS_BETWEEN_MEETINGS)
    return meeting_schedule(actor=actor, scheduled_for=day)


def meeting_attendance_record(
    *, actor: Actor, meeting: Meeting, present: Iterable[int], absent: Iterable[int]
) -> None:
    """Record who came; marks the meeting held. Replaces an earlier record."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting has no attendance."))
    present, absent = set(present), set(absent)
    with transaction.atomic():
        meeting.attendance.all().delete()
        Attendance.objects.bulk_create(
            [Attendance(meeting=meeting, person_id=pk, present=True) for pk in sorted(present)]
            + [
                Attendance(meeting=meeting, person_id=pk, present=False)
                for pk in sorted(absent - present)
            ]
        )
        before = _meeting_state(meeting)
        meeting.status = MeetingStatus.HELD
        meeting.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="meeting.attendance",
            obj=meeting,
            before=before,
            after={**_meeting_state(meeting), "present": sorted(present)},
        )


def meeting_cancel(*, actor: Actor, meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled meeting can be cancelled."))
    with transaction.atomic():
        before = _meeting_state(meeting)
        meeting.status = MeetingStatus.CANCELLED
        meeting.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="meeting.cancel",
            obj=meeting,
            before=before,
            after=_meeting_state(meeting),
        )


def meeting_decision_record(
    *,
    actor: Actor,
    meeting: Meeting,
    kind: str,
    summary: str,
    certification: CertificationDecision | None = None,
    hiring_standard: HiringStandard | None = None,
    high_demand_list: HighDemandList | None = None,
) -> MeetingDecision:
    """Record a decision of a held meeting, linked to what it decided."""
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Record the attendance first: decisions belong to a held meeting."))
    if meeting.minutes_public:
        raise ValidationError(_("The minutes are approved; the record of this meeting is closed."))
    with transaction.atomic():
        decision = MeetingDecision(
            meeting=meeting,
            kind=kind,
            summary=summary.strip(),
            certification=certification,
            hiring_standard=hiring_standard,
            high_demand_list=high_demand_list,
            recorded_by=user_or_none(actor),
        )
        decision.full_clean()
        decision.save()
        audit_record(
            actor=actor,
            action="meeting.decision",
            obj=decision,
            after={
                "meeting": meeting.pk,
                "kind": kind,
                "summary": decision.summary,
                "certification": certification.pk if certification else None,
                "hiring_standard": hiring_standard.pk if hiring_standard else None,
                "high_demand_list": high_demand_list.pk if high_demand_list else None,
            },
        )
    return decision


def meeting_minutes_save(*, actor: Actor, meeting: Meeting, minutes: str) -> None:
    """Write or correct the draft minutes (not public until approved)."""
    if meeting.minutes_public:
        raise ValidationError(_("Approved minutes cannot be changed."))
    with transaction.atomic():
        before = {"minutes": meeting.minutes}
        meeting.minutes = minutes.strip()
        meeting.save(update_fields=["minutes"])
        audit_record(
            actor=actor,
            action="meeting.minutes",
            obj=meeting,
            before=before,
            after={"minutes": meeting.minutes},
        )


def meeting_minutes_approve(*, actor: Actor, meeting: Meeting, today: dt.date) -> None:
    """Approve the minutes of a held meeting: from now on they are public and fixed."""
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Only the minutes of a held meeting can be approved."))
    if not meeting.minutes.strip():
        raise ValidationError(_("Write the minutes before approving them."))
    if meeting.minutes_public:
        raise ValidationError(_("These minutes are already approved."))
    with transaction.atomic():
        meeting.minutes_approved_on = today
        meeting.minutes_approved_by = user_or_none(actor)
        meeting.save(update_fields=["minutes_approved_on", "minutes_approved_by"])
        audit_record(
            actor=actor,
            action="meeting.minutes_approve",
            obj=meeting,
            after={"minutes_approved_on": today.isoformat()},
        )


def high_demand_list_decide(
    *,
    actor: Actor,
    meeting: Meeting,
    entries: dict[str, str],
    note: str = "",
    today: dt.date,
) -> HighDemandList:
    """Decide a new version of the high-demand job list at a meeting: {SOC code: reason}."""
    if not entries:
        raise ValidationError(_("The list needs at least one job."))
    occupations = {o.soc_code: o for o in Occupation.objects.filter(soc_code__in=entries)}
    unknown = sorted(set(entries) - set(occupations))
    if unknown:
        raise ValidationError(
            _("These SOC codes are not occupations we know: %(codes)s.")
            % {"codes": ", ".join(unknown)}
        )
    with transaction.atomic():
        # Versions are numbered in order; the lock keeps two decisions from taking one number.
        last = HighDemandList.objects.select_for_update().order_by("-version").first()
        version = HighDemandList.objects.create(
            version=(last.version + 1) if last else 1,
            decided_on=today,
            note=note.strip(),
            decided_by=user_or_none(actor),
        )
        HighDemandEntry.objects.bulk_create(
            [
                HighDemandEntry(
                    high_demand_list=version, occupation=occupations[code], reason=reason.strip()
                )
                for code, reason in sorted(entries.items())
            ]
        )
        meeting_decision_record(
            actor=actor,
            meeting=meeting,
            kind=DecisionKind.HIGH_DEMAND_LIST,
            summary=_("High-demand job list, version %(version)s: %(count)s jobs.")
            % {"version": version.version, "count": len(entries)},
            high_demand_list=version,
        )
    return version


def _meeting_state(meeting: Meeting) -> dict[str, object]:
    return {
        "scheduled_for": meeting.scheduled_for.isoformat(),
        "title": meeting.title,
        "status": meeting.status,
    }
