"""Synthetic hiring data is the same for the same seed, whatever ids the database hands out."""

import pytest

from alliance.models import Member
from hiringdata.models import HiringCount
from hiringdata.synthetic import hires_generate

from .factories import MemberFactory

pytestmark = pytest.mark.django_db


def _cells(members):
    place = {m.id: n for n, m in enumerate(members)}
    rows = HiringCount.objects.filter(submission__member__in=members).values_list(
        "submission__member_id",
        "soc_code",
        "race_ethnicity",
        "sex",
        "education",
        "training_pathway",
        "hires",
    )
    return sorted((place[member], *rest) for member, *rest in rows)


def test_same_seed_same_cells_whatever_the_ids():
    first = [MemberFactory(is_synthetic=True) for _ in range(3)]
    hires_generate(member_ids=[m.id for m in first], year=2025, hires_per_member=150, seed=4)
    # Later members get other ids (and a gap): their data must not change with them.
    Member.objects.filter(pk__in=[MemberFactory().pk for _ in range(5)]).delete()
    second = [MemberFactory(is_synthetic=True) for _ in range(3)]
    hires_generate(member_ids=[m.id for m in second], year=2025, hires_per_member=150, seed=4)

    assert _cells(first) == _cells(second)
    assert sum(row[-1] for row in _cells(first)) == 450
