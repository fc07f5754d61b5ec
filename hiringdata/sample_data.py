"""Demo hiring data so the transparency pages show something: clearly SYNTHETIC, labelled so.

No real member's hiring figures are public, so the sample is invented, shaped like a real
Alliance: a dozen members of different kinds and sizes (large employers, small firms, a
university, a state agency, a nonprofit), four of them opted in to publishing their own
figures, hiring into occupations the upload validator accepts. Each has an accepted synthetic
submission for two years, and each year has a published report, marked "synthetic demo data"
on every page.
"""

from django.db import transaction
from django.utils.text import slugify

from alliance.models import Member, MemberKind, MemberSize

from .synthetic import hires_generate
from .transparency.models import TransparencyReport
from .transparency.services import report_build, report_publish

DEMO_YEARS = (2024, 2025)
L, S = MemberSize.LARGE, MemberSize.SMALL_MEDIUM
E, G, A, N = MemberKind.EMPLOYER, MemberKind.GOVERNMENT, MemberKind.ACADEMIA, MemberKind.NONPROFIT
# name, kind, size, hires a year, opted in to publishing its own tables
DEMO_MEMBERS = (
    ("Northwind Systems", E, L, 900, True),
    ("Harbor Bank", E, L, 620, True),
    ("Midstate Health", E, L, 480, False),
    ("Cascade Cloud", E, L, 350, True),
    ("State IT Agency", G, L, 210, False),
    ("Riverside University", A, L, 120, False),
    ("Pinecrest Logistics", E, S, 95, False),
    ("Brightpath Software", E, S, 70, True),
    ("Lakeside Manufacturing", E, S, 55, False),
    ("Code Forward", N, S, 40, False),
    ("Ironbridge Security", E, S, 30, False),
    ("Tiny Pixel Studio", E, S, 12, False),
)


def members_ensure() -> list[Member]:
    """Make the dozen demo members (idempotent: keyed by slug)."""
    members = []
    for name, kind, size, _hires, opted_in in DEMO_MEMBERS:
        member, _ = Member.objects.get_or_create(
            slug=slugify(f"synthetic {name}"),
            defaults={
                "name": f"{name} (synthetic)",
                "kind": kind,
                "size": size,
                "publish_own_figures": opted_in,
                "description": "Synthetic member for the demo report; not a real organisation.",
                "is_synthetic": True,
            },
        )
        members.append(member)
    return members


@transaction.atomic
def load() -> str:
    """Make the demo data and reports once; running again changes nothing."""
    members = members_ensure()
    hires = 0
    published = []
    for offset, year in enumerate(DEMO_YEARS):
        for member, (_name, _kind, _size, per_year, _opted) in zip(
            members, DEMO_MEMBERS, strict=True
        ):
            hires += hires_generate(
                member_ids=[member.id],
                year=year,
                hires_per_member=per_year + per_year * offset // 10,
                seed=year * 100 + member.id,
            )
        if not TransparencyReport.objects.published().filter(year=year).exists():
            report_publish(report=report_build(year=year))
            published.append(year)
    return (
        f"{len(members)} synthetic members, {hires} synthetic hires added, "
        f"reports published for {published or 'no new year'} (synthetic demo data)"
    )
