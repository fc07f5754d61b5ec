"""Sample reconvening: SYNTHETIC recommitments, plans for access and yearly standard versions.

Everything is invented (is_synthetic=True, labelled on every page) and hangs on the alliance's
synthetic members and convening; the 2025 versions of the sample standards are made up so the
"what changed since last year" section has something to compare.
"""

from datetime import date
from typing import Any

from alliance.models import Convening, HiringStandard, HiringStandardStatus, Member
from credentials.programs.models import Program

from .models import (
    AccessPlan,
    Milestone,
    MilestoneStatus,
    Need,
    NeedAnswer,
    Recommitment,
    Spotlight,
    SpotlightFigure,
    SpotlightKind,
    StandardVersion,
)
from .services import standard_version_fields

RECOMMITMENTS: list[dict[str, Any]] = [
    {
        "member": "synthetic-harbor-it-services",
        "statement": "We will keep hiring help desk technicians on skills, not degrees, and "
        "publish our hiring data again this year. (Synthetic example.)",
        "signer_name": "Sample Signer (synthetic)",
        "signer_title": "Owner",
    },
    {
        "member": "synthetic-northwind-health",
        "statement": "We will open half of our junior security roles to people without a "
        "four-year degree and report how many we hired. (Synthetic example.)",
        "signer_name": "Sample Signer (synthetic)",
        "signer_title": "Chief information officer",
    },
]

PLANS: list[dict[str, Any]] = [
    {
        "member": "synthetic-harbor-it-services",
        "summary": "Over three years, take one apprentice a year from the local community "
        "college and pay for their first certification exam. (Synthetic example.)",
        "milestones": [
            ("Sign a partnership with the community college", date(2026, 9, 1),
             MilestoneStatus.DONE, "Signed with River Valley Community College."),
            ("First apprentice starts", date(2027, 1, 15), MilestoneStatus.IN_PROGRESS,
             "Interviews held; two finalists."),
        ],
    },
    {
        "member": "synthetic-northwind-health",
        "summary": "Remove the degree requirement from junior security roles and train new "
        "hires for Security+ on paid time. (Synthetic example.)",
        "milestones": [
            ("Rewrite the junior analyst job posting", date(2026, 7, 1), MilestoneStatus.DONE,
             "The degree line is gone from the posting."),
            ("Ten hires without a four-year degree", date(2027, 6, 30),
             MilestoneStatus.PLANNED, ""),
        ],
    },
]  # fmt: skip

# What the sample standards said in 2025 (invented), by member slug and SOC code.
PREVIOUS_YEAR = 2025
PREVIOUS: dict[tuple[str, str], dict[str, Any]] = {
    ("synthetic-harbor-it-services", "15-1232"): {
        "credentials_kept": 1,  # of the 2026 list, by name
        "degree_required": True,
        "screening_steps": "Short phone call\nInterview with the team lead",
    },
    ("synthetic-northwind-health", "15-1212"): {
        "credentials_kept": 0,
        "degree_required": True,
        "portfolio_items": "",
    },
}


NEEDS: list[dict[str, Any]] = [
    {
        "member": "synthetic-harbor-it-services",
        "role": "Help desk technician (synthetic)",
        "skills": "Windows and macOS support\nFriendly phone manner\nTicket notes",
        "people": 4,
        "needed_by": date(2027, 3, 1),
    },
    {
        "member": "synthetic-northwind-health",
        "role": "Junior security analyst (synthetic)",
        "skills": "Reading security alerts\nWriting clear incident notes\nPatient privacy basics",
        "people": 10,
        "needed_by": date(2027, 6, 30),
    },
]


def load() -> str:
    """Create or update the synthetic sample (idempotent: same rows on every run)."""
    convening = Convening.objects.order_by("-year").first()
    if convening is None:
        return "no convening: nothing loaded"
    members = Member.objects.in_bulk(
        {row["member"] for row in RECOMMITMENTS + PLANS + NEEDS}, field_name="slug"
    )
    for row in RECOMMITMENTS:
        Recommitment.objects.update_or_create(
            convening=convening,
            member=members[row["member"]],
            defaults={
                **{k: v for k, v in row.items() if k != "member"},
                "signed_on": convening.held_on,
                "is_synthetic": True,
            },
        )
    milestones = 0
    for row in PLANS:
        plan, _ = AccessPlan.objects.update_or_create(
            convening=convening,
            member=members[row["member"]],
            defaults={
                "summary": row["summary"],
                "updated_on": date(2026, 10, 1),
                "is_synthetic": True,
            },
        )
        for title, due_on, status, note in row["milestones"]:
            Milestone.objects.update_or_create(
                plan=plan,
                title=title,
                defaults={
                    "due_on": due_on,
                    "status": status,
                    "note": note,
                    "updated_on": date(2026, 10, 1),
                    "is_synthetic": True,
                },
            )
            milestones += 1
    needs: list[Need] = []
    for row in NEEDS:
        need, _ = Need.objects.update_or_create(
            member=members[row["member"]],
            role=row["role"],
            defaults={
                **{k: v for k, v in row.items() if k not in ("member", "role")},
                "posted_on": date(2026, 10, 1),
                "is_synthetic": True,
            },
        )
        needs.append(need)
    # The sample provider's program (alliance.providers' sample) answers the help desk need.
    program = Program.objects.filter(provider__slug="synthetic-eastside-tech-works").first()
    if program is not None:
        NeedAnswer.objects.update_or_create(
            need=needs[0],
            program=program,
            defaults={
                "provider_id": program.provider_id,
                "message": "Our evening cohort starts in January. (Synthetic example.)",
                "answered_on": date(2026, 10, 15),
                "is_synthetic": True,
            },
        )
    story, _ = Spotlight.objects.update_or_create(
        convening=convening,
        title="From the front desk to the help desk (synthetic)",
        defaults={
            "kind": SpotlightKind.MEMBER_STORY,
            "member": members["synthetic-harbor-it-services"],
            "body": "An invented story: a receptionist at Harbor IT Services took the company's "
            "paid CompTIA A+ course and now runs its help desk. (Synthetic example.)",
            "chosen_on": date(2026, 5, 14),
            "is_synthetic": True,
        },
    )
    SpotlightFigure.objects.update_or_create(
        spotlight=story,
        label="Help desk hires without a four-year degree in 2025 (synthetic)",
        defaults={
            "value": "3 of 4",
            "source": "Harbor IT Services' hiring records (invented for the sample)",
            "as_of": date(2026, 1, 31),
        },
    )
    versions = 0
    standards = HiringStandard.objects.filter(
        status=HiringStandardStatus.APPROVED, is_synthetic=True
    ).select_related("member", "occupation")
    for standard in standards.prefetch_related("credentials_valued"):
        fields = standard_version_fields(standard=standard)
        StandardVersion.objects.update_or_create(
            member=standard.member,
            occupation=standard.occupation,
            year=standard.approved_on.year,  # type: ignore[union-attr]
            defaults=fields,
        )
        versions += 1
        older = PREVIOUS.get((standard.member.slug, standard.occupation.soc_code))
        if older is not None:
            StandardVersion.objects.update_or_create(
                member=standard.member,
                occupation=standard.occupation,
                year=PREVIOUS_YEAR,
                defaults={
                    **fields,
                    **{k: v for k, v in older.items() if k != "credentials_kept"},
                    "credentials": fields["credentials"][: older["credentials_kept"]],
                    "approved_on": date(PREVIOUS_YEAR, 6, 2),
                    "is_synthetic": True,
                },
            )
            versions += 1
    return (
        f"{len(RECOMMITMENTS)} synthetic recommitments, {len(PLANS)} plans with {milestones} "
        f"milestones, {versions} yearly standard versions, {len(needs)} needs"
    )
