"""Sample providers' data: two SYNTHETIC training providers, one submission in each review state,
and gap invitations at each stage, so the portal, queue and gaps pages show something.

Everything is invented (is_synthetic=True and "(synthetic)" in names, labelled on every page).
Occupations missing from the loaded data are skipped. Idempotent: run twice, same rows.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from credentials.models import Provider, ProviderKind
from pathways.models import EducationLevel, Occupation

from .models import (
    OutcomeVocabulary,
    ProgramSubmission,
    ProviderInvitation,
    ReviewComment,
    SubmissionStatus,
)
from .services import _program_publish, _programs_index

PROVIDERS = [
    {
        "slug": "synthetic-bright-path-bootcamp",
        "name": "Bright Path Coding Bootcamp (synthetic)",
        "kind": ProviderKind.BOOTCAMP,
        "email": "admissions@bright-path.example.org",
    },
    {
        "slug": "synthetic-eastside-tech-works",
        "name": "Eastside Tech Works (synthetic)",
        "kind": ProviderKind.NONPROFIT,
        "email": "programs@eastside-tech.example.org",
    },
]

DECIDED_ON = date(2026, 9, 15)

# (provider slug, status, program, SOC, CIP, weeks, cost, vocabulary, figures, reason, comment)
SUBMISSIONS: list[dict[str, Any]] = [
    {
        "provider": "synthetic-eastside-tech-works",
        "status": SubmissionStatus.APPROVED,
        "name": "IT Help Desk Fast Track (synthetic)",
        "soc": "15-1232",
        "cip_code": "11.1006",
        "duration_weeks": Decimal(12),
        "total_cost_usd": Decimal(0),
        "vocabulary": OutcomeVocabulary.WIOA,
        "figures": {
            "employment_rate_q2_pct": Decimal("71.0"),
            "employment_rate_q4_pct": Decimal("68.5"),
            "median_earnings_q2_usd": 10400,
            "enrolled": 64,
        },
        "reason": "Evidence matches the state wage-record report; costs checked on the web page.",
        "verified": True,
        "gap": EducationLevel.HIGH_SCHOOL,
    },
    {
        "provider": "synthetic-bright-path-bootcamp",
        "status": SubmissionStatus.REJECTED,
        "name": "Full-Stack Web Immersive (synthetic)",
        "soc": "15-1254",
        "cip_code": "11.0801",
        "duration_weeks": Decimal(16),
        "total_cost_usd": Decimal(14500),
        "vocabulary": OutcomeVocabulary.CIRR,
        "figures": {
            "employed_in_field_180_days_pct": Decimal("54.0"),
            "median_starting_salary_usd": 62000,
            "enrolled": 40,
        },
        "reason": "The outcome report counts only graduates who answered a survey, not CIRR's "
        "full cohort.",
    },
    {
        "provider": "synthetic-bright-path-bootcamp",
        "status": SubmissionStatus.CHANGES_REQUESTED,
        "name": "Cybersecurity Analyst Part-Time (synthetic)",
        "soc": "15-1212",
        "cip_code": "11.1003",
        "duration_weeks": Decimal(24),
        "total_cost_usd": Decimal(4800),
        "vocabulary": OutcomeVocabulary.CIRR,
        "figures": {"employed_in_field_180_days_pct": Decimal("63.0"), "enrolled": 25},
        "reason": "Please add the CIRR report's page that shows the cohort size.",
        "comment": "The figures look plausible; we need the cohort page to verify them.",
        "gap": EducationLevel.SOME_COLLEGE,
    },
    {
        "provider": "synthetic-bright-path-bootcamp",
        "status": SubmissionStatus.IN_REVIEW,
        "name": "Data Analytics Evenings (synthetic)",
        "soc": "15-2051",
        "cip_code": "11.0802",
        "duration_weeks": Decimal(20),
        "total_cost_usd": Decimal(3900),
        "vocabulary": OutcomeVocabulary.CIRR,
        "figures": {
            "employed_in_field_180_days_pct": Decimal("58.0"),
            "median_starting_salary_usd": 58000,
            "enrolled": 31,
        },
    },
    {
        "provider": "synthetic-eastside-tech-works",
        "status": SubmissionStatus.SUBMITTED,
        "name": "Network Support Apprenticeship Prep (synthetic)",
        "soc": "15-1231",
        "cip_code": "11.0901",
        "duration_weeks": Decimal(10),
        "total_cost_usd": Decimal(500),
        "vocabulary": OutcomeVocabulary.WIOA,
        "figures": {"employment_rate_q2_pct": Decimal("66.0"), "enrolled": 18},
    },
]


def load() -> str:
    providers = {}
    for fields in PROVIDERS:
        providers[fields["slug"]], _ = Provider.objects.update_or_create(
            slug=fields["slug"],
            defaults={"name": fields["name"], "kind": fields["kind"], "is_synthetic": True},
        )
    occupations = Occupation.objects.in_bulk([s["soc"] for s in SUBMISSIONS], field_name="soc_code")
    loaded = 0
    for row in SUBMISSIONS:
        occupation = occupations.get(row["soc"])
        if occupation is None:
            continue
        provider = providers[row["provider"]]
        invitation = _invitation(row, provider, occupation) if row.get("gap") else None
        decided = row["status"] not in (SubmissionStatus.SUBMITTED, SubmissionStatus.IN_REVIEW)
        defaults: dict[str, Any] = {
            "invitation": invitation,
            "occupation": occupation,
            "cip_code": row["cip_code"],
            "description": "A made-up program, used to show how reviews work.",
            "online": True,
            "duration_weeks": row["duration_weeks"],
            "total_cost_usd": row["total_cost_usd"],
            "vocabulary": row["vocabulary"],
            "period": "Graduates of 2025 (synthetic)",
            **row["figures"],
            "status": row["status"],
            "decided_on": DECIDED_ON if decided else None,
            "decision_reason": row.get("reason", ""),
            "outcomes_verified": row.get("verified", False),
            "is_synthetic": True,
        }
        submission, _ = ProgramSubmission.objects.update_or_create(
            provider=provider, name=row["name"], defaults=defaults
        )
        if row.get("comment"):
            ReviewComment.objects.get_or_create(
                submission=submission, body=row["comment"], defaults={"for_provider": True}
            )
        if row["status"] == SubmissionStatus.APPROVED and submission.program_id is None:
            submission.program = _program_publish(submission)
            submission.program.outcomes_verified_on = (
                DECIDED_ON if submission.outcomes_verified else None
            )
            submission.program.source_date = DECIDED_ON
            submission.program.save(update_fields=["outcomes_verified_on", "source_date"])
            submission.save(update_fields=["program"])
        loaded += 1
    # An answered invitation with no program yet.
    answered = Occupation.objects.filter(soc_code="15-1231").first()
    if answered is not None:
        _invitation({"provider": "synthetic-eastside-tech-works", "gap": EducationLevel.NO_DIPLOMA},
                    providers["synthetic-eastside-tech-works"], answered)  # fmt: skip
    # An invitation nobody has answered yet, for the biggest gap of the sample.
    waiting = Occupation.objects.filter(soc_code="15-1232").first()
    if waiting is not None:
        ProviderInvitation.objects.get_or_create(
            email="hello@new-provider.example.org",
            occupation=waiting,
            education_level=EducationLevel.NO_DIPLOMA,
            defaults={
                "organisation": "New Horizons Learning (synthetic)",
                "kind": ProviderKind.NONPROFIT,
                "expires_at": timezone.now() + timedelta(days=14),
                "is_synthetic": True,
            },
        )
    _programs_index()
    return f"{len(providers)} synthetic providers, {loaded} synthetic submissions"


def _invitation(row: dict[str, Any], provider: Provider, occupation: Occupation) -> Any:
    email = next(p["email"] for p in PROVIDERS if p["slug"] == row["provider"])
    invitation, _ = ProviderInvitation.objects.get_or_create(
        email=email,
        occupation=occupation,
        education_level=row["gap"],
        defaults={
            "organisation": provider.name,
            "kind": provider.kind,
            "provider": provider,
            "expires_at": timezone.now() + timedelta(days=14),
            "accepted_at": timezone.now(),
            "is_synthetic": True,
        },
    )
    return invitation
