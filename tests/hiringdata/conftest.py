"""Fixtures of the transparency-report tests: a year of accepted synthetic hiring data."""

import pytest

from hiringdata.synthetic import hires_generate

from .factories import MemberFactory

YEAR = 2025


@pytest.fixture
def members(db):
    """Twelve employers; the first two opted in to publishing their own figures."""
    return [MemberFactory(publish_own_figures=i < 2) for i in range(12)]


@pytest.fixture
def hiring_year(members):
    """Accepted synthetic submissions for YEAR - 1 and YEAR (250 and 260 hires per member)."""
    ids = [m.id for m in members]
    hires_generate(member_ids=ids, year=YEAR - 1, hires_per_member=250, seed=7)
    hires_generate(member_ids=ids, year=YEAR, hires_per_member=260, seed=8)
    return YEAR


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("staff", password="pw", is_staff=True)
