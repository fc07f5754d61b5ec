"""A synthetic year of task-force work: one held meeting with approved minutes and the first
high-demand job list, and the next meeting on the calendar. Invented for the sample."""

from datetime import date

from pathways.models import Occupation

from .models import DecisionKind, HighDemandEntry, HighDemandList, Meeting, MeetingDecision

HELD_ON = date(2026, 10, 6)
NEXT_ON = date(2026, 12, 8)
MINUTES = (
    "Synthetic minutes, invented for the sample. The task force looked at the credentials "
    "waiting for review and at the certifications that expire next year. It decided the first "
    "list of high-demand tech jobs from the BLS projections the portal shows on each career page."
)


def load() -> str:
    held, _ = Meeting.objects.update_or_create(
        scheduled_for=HELD_ON,
        defaults={
            "title": "Task force meeting (synthetic)",
            "place": "Online",
            "status": "held",
            "minutes": MINUTES,
            "minutes_approved_on": date(2026, 10, 20),
            "is_synthetic": True,
        },
    )
    Meeting.objects.update_or_create(
        scheduled_for=NEXT_ON,
        defaults={
            "title": "Task force meeting (synthetic)",
            "place": "Online",
            "is_synthetic": True,
        },
    )
    jobs = list(
        Occupation.objects.tech_family()
        .filter(annual_openings__isnull=False)
        .order_by("-annual_openings")[:8]
    )
    version, _ = HighDemandList.objects.update_or_create(
        version=1,
        defaults={
            "decided_on": HELD_ON,
            "note": "Synthetic decision, invented for the sample: the tech jobs with the most "
            "openings a year in the BLS projections.",
            "is_synthetic": True,
        },
    )
    for job in jobs:
        HighDemandEntry.objects.update_or_create(
            high_demand_list=version,
            occupation=job,
            defaults={
                "reason": f"{job.annual_openings:,} openings a year "
                f"({job.projection_period or 'BLS projections'})"
            },
        )
    MeetingDecision.objects.update_or_create(
        meeting=held,
        kind=DecisionKind.HIGH_DEMAND_LIST,
        defaults={
            "summary": f"High-demand job list, version 1: {len(jobs)} jobs (synthetic).",
            "high_demand_list": version,
        },
    )
    return f"2 synthetic meetings, a synthetic high-demand list of {len(jobs)} jobs"
