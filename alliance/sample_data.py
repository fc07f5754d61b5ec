"""Sample Alliance data: SYNTHETIC members, commitments, a convening and decisions.

The Alliance has no real members; everything here is invented (is_synthetic=True, labelled on
every page) so the pages can be tried. Certification decisions point at real catalog
credentials when the catalog is loaded (looked up by slug; missing ones are skipped).
"""

from datetime import date
from typing import Any

from django.utils import timezone

from credentials.models import Credential
from pathways.models import Occupation

from .models import (
    Award,
    CertificationDecision,
    CertificationStatus,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Convening,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
    Member,
    MemberKind,
    MemberSize,
    RecognitionKind,
)
from .services import certifications_lapse_expired

MEMBERS: list[dict[str, Any]] = [
    {
        "slug": "synthetic-harbor-it-services",
        "name": "Harbor IT Services (synthetic)",
        "kind": MemberKind.EMPLOYER,
        "size": MemberSize.SMALL_MEDIUM,
        "naics_code": "541512",
        "state": "MD",
        "description": "A made-up 40-person managed IT firm, used to show how member pages work.",
    },
    {
        "slug": "synthetic-northwind-health",
        "name": "Northwind Health (synthetic)",
        "kind": MemberKind.EMPLOYER,
        "size": MemberSize.LARGE,
        "naics_code": "622110",
        "state": "OH",
        "description": "A made-up hospital system with a large IT and security team.",
    },
    {
        "slug": "synthetic-river-valley-college",
        "name": "River Valley Community College (synthetic)",
        "kind": MemberKind.ACADEMIA,
        "size": MemberSize.SMALL_MEDIUM,
        "naics_code": "611210",
        "state": "TX",
        "description": "A made-up community college that trains IT support technicians.",
    },
]

CONVENING: dict[str, Any] = {
    "year": 2026,
    "title": "Alliance convening 2026 (synthetic)",
    "held_on": date(2026, 5, 14),
    "place": "Online",
    "agenda": "Welcome and the two commitments\nHow to report hiring data\nAwards",
    "title_es": "Reunión de la Alianza 2026 (inventada)",
    "agenda_es": "Bienvenida y los dos compromisos\nCómo enviar los datos de contratación\nPremios",
    # The report the convening presented: last year's data (hiringdata's sample publishes it).
    "report_url": "/transparency/2025/",
}

# (member slug, kind, deadline, status)
COMMITMENTS = [
    ("synthetic-harbor-it-services", CommitmentKind.HIRING_STANDARDS, date(2026, 11, 14), "done"),
    ("synthetic-harbor-it-services", CommitmentKind.HIRING_DATA, date(2027, 5, 14), ""),
    ("synthetic-northwind-health", CommitmentKind.HIRING_STANDARDS, date(2026, 8, 14), ""),
    ("synthetic-northwind-health", CommitmentKind.HIRING_DATA, date(2027, 5, 14), ""),
    ("synthetic-northwind-health", CommitmentKind.APPRENTICESHIP, date(2027, 12, 31), ""),
    ("synthetic-river-valley-college", CommitmentKind.PARTNERSHIPS, date(2027, 5, 14), ""),
]

# (credential slug, status, decided_on, effective_on, expires_on, rationale)
DECISIONS = [
    ("comptia-security-plus", CertificationStatus.PROPOSED, date(2026, 3, 2), None, None, ""),
    ("comptia-security-plus", CertificationStatus.UNDER_REVIEW, date(2026, 4, 6), None, None, ""),
    (
        "comptia-security-plus",
        CertificationStatus.CERTIFIED,
        date(2026, 5, 14),
        date(2026, 6, 1),
        date(2028, 6, 1),
        "Vendor-neutral exam with a public outline, required for many security jobs; "
        "renewal every three years keeps it current. (Synthetic sample decision.)",
    ),
    ("comptia-a-plus", CertificationStatus.PROPOSED, date(2026, 3, 2), None, None, ""),
    ("comptia-a-plus", CertificationStatus.UNDER_REVIEW, date(2026, 4, 6), None, None, ""),
    (
        "comptia-a-plus",
        CertificationStatus.CERTIFIED,
        date(2026, 5, 14),
        date(2026, 6, 1),
        date(2028, 6, 1),
        "Covers the tasks of entry IT support; widely asked for in job posts. "
        "(Synthetic sample decision.)",
    ),
    ("google-it-support", CertificationStatus.PROPOSED, date(2026, 9, 1), None, None, ""),
    ("google-it-support", CertificationStatus.UNDER_REVIEW, date(2026, 10, 5), None, None, ""),
    ("isc2-cc", CertificationStatus.PROPOSED, date(2024, 1, 8), None, None, ""),
    ("isc2-cc", CertificationStatus.UNDER_REVIEW, date(2024, 1, 10), None, None, ""),
    (
        "isc2-cc",
        CertificationStatus.CERTIFIED,
        date(2024, 1, 15),
        date(2024, 1, 15),
        date(2026, 1, 15),
        "Entry security exam; certified for two years to see how it is used. "
        "(Synthetic sample decision.)",
    ),
]

# (member slug, credential slug, kind)
RECOGNITIONS = [
    ("synthetic-harbor-it-services", "comptia-a-plus", RecognitionKind.PREFERS),
    ("synthetic-harbor-it-services", "google-it-support", RecognitionKind.ACCEPTS),
    ("synthetic-harbor-it-services", "comptia-a-plus", RecognitionKind.HAS_HIRED),
    ("synthetic-northwind-health", "comptia-security-plus", RecognitionKind.REQUIRES),
    ("synthetic-northwind-health", "isc2-cc", RecognitionKind.ACCEPTS),
    ("synthetic-river-valley-college", "comptia-a-plus", RecognitionKind.ACCEPTS),
]

STANDARDS: list[dict[str, Any]] = [
    {
        "member": "synthetic-harbor-it-services",
        "soc": "15-1232",
        "title": "Help desk technician at a small IT firm (synthetic)",
        "title_es": "Técnico de mesa de ayuda en una pequeña empresa de TI (inventado)",
        "summary_es": "Contratamos a personas que arreglan con calma los problemas comunes de las "
        "computadoras y los explican con palabras sencillas. Nos importa más lo que sabe hacer que "
        "dónde lo aprendió.",
        "summary": "We hire people who can calmly fix common computer problems and explain them "
        "in plain words. We care more about what you can do than where you learned it.",
        "credentials": ["comptia-a-plus", "google-it-support"],
        "credentials_note": "Any entry IT support certificate, or a home lab you can show us",
        "portfolio_items": "A short write-up of a computer problem you fixed\nA home lab or "
        "volunteer IT work",
        "interview_questions": "Troubleshooting: A printer will not print for one person. What do "
        "you check first?\nCustomer care: A caller is upset their email is down. What do you say?"
        "\nTeamwork: Tell us about a time you asked for help.",
        "screening_steps": "Short phone call\nHands-on task: fix a broken test laptop\n"
        "Interview with the team lead",
        "degree_required": False,
    },
    {
        "member": "synthetic-northwind-health",
        "soc": "15-1212",
        "title": "Junior security analyst in a hospital (synthetic)",
        "title_es": "Analista de seguridad principiante en un hospital (inventado)",
        "summary_es": "Buscamos personas curiosas que siguen los procedimientos, escriben notas "
        "claras y protegen los datos de los pacientes.",
        "summary": "We look for curious people who follow procedures, write clear notes and "
        "protect patient data.",
        "credentials": ["comptia-security-plus"],
        "credentials_note": "Security+ within six months of starting (we pay for the exam)",
        "portfolio_items": "Notes from a capture-the-flag or home lab",
        "interview_questions": "Scenario: An alert shows logins from two countries in one hour. "
        "What do you do?\nBasics: What is the difference between a virus and phishing?",
        "screening_steps": "Application review\nWritten scenario (30 minutes)\n"
        "Panel interview\nBackground check",
        "degree_required": False,
    },
]


def load() -> str:
    """Create or update the synthetic sample (idempotent: same rows on every run)."""
    members: dict[str, Member] = {}
    for row in MEMBERS:
        members[row["slug"]], _ = Member.objects.update_or_create(
            slug=row["slug"],
            defaults={**row, "is_synthetic": True, "joined_on": CONVENING["held_on"]},
        )
    convening, _ = Convening.objects.update_or_create(
        year=CONVENING["year"], defaults={**CONVENING, "is_synthetic": True}
    )
    Award.objects.update_or_create(
        convening=convening,
        title="Most progress in skills-based hiring (synthetic)",
        defaults={
            "title_es": "Mayor avance en contratar por habilidades (inventado)",
            "method_es": "Parte de las contrataciones de tecnología sin título de cuatro años, "
            "comparada de un año al siguiente, según los archivos aceptados del miembro. "
            "Inventado para el ejemplo.",
            "member": members["synthetic-harbor-it-services"],
            "method": "Share of tech hires without a four-year degree, up from one year to the "
            "next, from the member's accepted hiring-data files. Invented for the sample.",
            "figures_url": "/transparency/2025/",
            "is_synthetic": True,
        },
    )
    for slug, kind, deadline, done in COMMITMENTS:
        Commitment.objects.update_or_create(
            member=members[slug],
            kind=kind,
            deadline=deadline,
            defaults={
                "convening": convening,
                "signed_on": CONVENING["held_on"],
                "signer_name": "Sample Signer (synthetic)",
                "signer_title": "Member admin",
                "status": CommitmentStatus.DATA_SUBMITTED if done else CommitmentStatus.ON_TRACK,
                "done_on": date(2026, 10, 1) if done else None,
                "is_synthetic": True,
            },
        )
    credentials = Credential.objects.in_bulk(
        {row[0] for row in DECISIONS} | {row[1] for row in RECOGNITIONS}, field_name="slug"
    )
    decisions = 0
    for slug, status, decided_on, effective_on, expires_on, rationale in DECISIONS:
        if slug not in credentials:
            continue
        CertificationDecision.objects.update_or_create(
            credential=credentials[slug],
            status=status,
            decided_on=decided_on,
            is_synthetic=True,
            defaults={
                "effective_on": effective_on,
                "expires_on": expires_on,
                "next_review_on": None,
                "rationale": rationale,
                "votes_for": 5 if rationale else None,
                "votes_against": 1 if rationale else None,
                "votes_abstain": 0 if rationale else None,
            },
        )
        decisions += 1
    lapsed = certifications_lapse_expired(today=timezone.localdate())["lapsed"]
    recognitions = 0
    for member_slug, slug, recognition_kind in RECOGNITIONS:
        if slug not in credentials:
            continue
        CredentialRecognition.objects.get_or_create(
            member=members[member_slug],
            credential=credentials[slug],
            kind=recognition_kind,
            defaults={"stated_on": CONVENING["held_on"], "is_synthetic": True},
        )
        recognitions += 1
    occupations = Occupation.objects.in_bulk([s["soc"] for s in STANDARDS], field_name="soc_code")
    standards = 0
    for row in STANDARDS:
        if row["soc"] not in occupations:
            continue
        fields = {k: v for k, v in row.items() if k not in ("member", "soc", "credentials")}
        standard, _ = HiringStandard.objects.update_or_create(
            member=members[row["member"]],
            occupation=occupations[row["soc"]],
            title=row["title"],
            defaults={
                **fields,
                "status": HiringStandardStatus.APPROVED,
                "approved_on": date(2026, 6, 1),
                "is_synthetic": True,
            },
        )
        standard.credentials_valued.set(
            [credentials[s] for s in row["credentials"] if s in credentials]
        )
        standards += 1
    return (
        f"{len(members)} synthetic members, {len(COMMITMENTS)} commitments, 1 convening, "
        f"{decisions} certification decisions ({lapsed} lapsed now), {recognitions} recognitions, "
        f"{standards} hiring standards"
    )
