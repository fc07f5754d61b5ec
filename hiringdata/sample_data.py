"""Demo hiring data so the transparency pages show something: clearly SYNTHETIC, labelled so.

No real member's hiring figures are public, so the sample is invented: a dozen synthetic
employers (made only if no synthetic member exists yet), accepted synthetic submissions for two
years, and a published report for each year, marked "synthetic demo data" on every page.
"""

from alliance.models import Member

from .synthetic import hires_generate, members_create
from .transparency.models import TransparencyReport
from .transparency.services import report_build, report_publish

DEMO_YEARS = (2024, 2025)
DEMO_MEMBERS = 12
DEMO_HIRES = 300


def load() -> str:
    """Make the demo data and reports once; running again changes nothing."""
    created = 0
    if not Member.objects.filter(is_synthetic=True).exists():
        created = len(members_create(count=DEMO_MEMBERS, opt_in_every=4))
    member_ids = list(
        Member.objects.filter(is_synthetic=True)
        .order_by("id")
        .values_list("id", flat=True)[:DEMO_MEMBERS]
    )
    hires = 0
    published = []
    for offset, year in enumerate(DEMO_YEARS):
        hires += hires_generate(
            member_ids=member_ids, year=year, hires_per_member=DEMO_HIRES + 20 * offset, seed=year
        )
        if not TransparencyReport.objects.published().filter(year=year).exists():
            report_publish(report=report_build(year=year))
            published.append(year)
    return (
        f"{created} synthetic members created, {hires} synthetic hires added, "
        f"reports published for {published or 'no new year'} (synthetic demo data)"
    )
