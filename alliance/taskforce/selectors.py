"""Reads of the task force's work: the meetings, a meeting's agenda, the job list's versions."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from alliance.models import (
    CertificationDecision,
    Convening,
    HiringStandard,
    HiringStandardStatus,
)
from alliance.providers.selectors import gaps, review_queue
from alliance.selectors import certification_queue
from pathways.models import Occupation

from .models import HighDemandEntry, HighDemandList, Meeting, MeetingDecision, MeetingStatus

# Certifications that expire within this many days of a meeting are on its agenda.
EXPIRY_HORIZON_DAYS = 120
# The biggest gaps (alliance.providers ranks them) on each agenda.
AGENDA_GAPS = 5


def meeting_list() -> QuerySet[Meeting]:
    """Every meeting, newest first, with its decision and attendance counts (one query)."""
    return Meeting.objects.annotate(
        decision_count=Count("decisions", distinct=True),
        present_count=Count("attendance", filter=Q(attendance__present=True), distinct=True),
    ).order_by("-scheduled_for")


def meeting_detail(*, pk: int) -> Meeting:
    """One meeting with its decisions and what they link to; raises Meeting.DoesNotExist."""
    return (
        meeting_list()
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=MeetingDecision.objects.select_related(
                    "certification__credential",
                    "hiring_standard__member",
                    "hiring_standard__occupation",
                    "high_demand_list",
                ),
            )
        )
        .get(pk=pk)
    )


@dataclass
class Agenda:
    """What a meeting has to look at, drawn from the queues on the day it is read."""

    reviews: dict[str, list[CertificationDecision]]
    expiring: list[CertificationDecision]
    standards: list[HiringStandard]
    # Items other apps add (e.g. providers' submissions and gaps), by heading.
    more: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.reviews or self.expiring or self.standards or any(self.more.values()))


def meeting_agenda(*, meeting: Meeting, today: dt.date) -> Agenda:
    """The agenda: the certification review queue, certifications expiring soon after the
    meeting, and hiring standards waiting for approval."""
    horizon = meeting.scheduled_for + dt.timedelta(days=EXPIRY_HORIZON_DAYS)
    expiring = list(
        CertificationDecision.objects.current()
        .active_on(max(today, meeting.scheduled_for))
        .filter(expires_on__isnull=False, expires_on__lte=horizon)
        .select_related("credential")
        .order_by("expires_on")
    )
    standards = list(
        HiringStandard.objects.filter(status=HiringStandardStatus.SUBMITTED)
        .select_related("member", "occupation")
        .order_by("updated_at")
    )
    return Agenda(
        reviews=certification_queue(today=today),
        expiring=expiring,
        standards=standards,
        more={
            _("Program submission to review"): [str(s) for s in review_queue()],
            _("Gap to fill"): [
                _("%(job)s, starting with %(level)s: %(count)s options")
                % {"job": g.title, "level": g.education_label, "count": g.options}
                for g in gaps()[:AGENDA_GAPS]
            ],
        },
    )


def high_demand_current() -> HighDemandList | None:
    """The newest version of the list, with its entries and occupations."""
    return (
        HighDemandList.objects.prefetch_related(
            Prefetch(
                "entries",
                queryset=HighDemandEntry.objects.select_related("occupation").order_by(
                    "occupation__soc_code"
                ),
            ),
            Prefetch("decisions", queryset=MeetingDecision.objects.select_related("meeting")),
        )
        .order_by("-version")
        .first()
    )


@dataclass
class ListChange:
    version: HighDemandList
    added: list[Occupation]
    removed: list[Occupation]


def high_demand_history() -> list[ListChange]:
    """Every version with what it added and removed compared with the one before (two queries)."""
    versions = list(HighDemandList.objects.order_by("version"))
    entries: dict[int, dict[str, Occupation]] = {v.pk: {} for v in versions}
    for entry in HighDemandEntry.objects.select_related("occupation").order_by(
        "occupation__soc_code"
    ):
        entries[entry.high_demand_list_id][entry.occupation.soc_code] = entry.occupation
    changes: list[ListChange] = []
    before: dict[str, Occupation] = {}
    for version in versions:
        now = entries[version.pk]
        changes.append(
            ListChange(
                version=version,
                added=[now[c] for c in sorted(set(now) - set(before))],
                removed=[before[c] for c in sorted(set(before) - set(now))],
            )
        )
        before = now
    return list(reversed(changes))


@dataclass
class CalendarEvent:
    uid: str
    day: dt.date
    title: str
    place: str
    url: str
    cancelled: bool = False


def calendar_events(*, since: dt.date) -> list[CalendarEvent]:
    """Convenings and task-force meetings from a day on, for the public calendar feed."""
    from django.urls import reverse

    events = [
        CalendarEvent(
            uid=f"convening-{c.pk}@transparent-tech-training",
            day=c.held_on,
            title=c.title,
            place=c.place,
            url=reverse("alliance:home"),
        )
        for c in Convening.objects.filter(held_on__gte=since).order_by("held_on")
    ]
    events += [
        CalendarEvent(
            uid=f"meeting-{m.pk}@transparent-tech-training",
            day=m.scheduled_for,
            title=m.title,
            place=m.place,
            url=reverse("taskforce:meeting", args=[m.pk]),
            cancelled=m.status == MeetingStatus.CANCELLED,
        )
        for m in Meeting.objects.filter(scheduled_for__gte=since).order_by("scheduled_for")
    ]
    return sorted(events, key=lambda e: (e.day, e.uid))
