"""Fixtures for the hiring-data tests: members in each role, a tiny catalog, report data."""

import pytest

from alliance.models import MembershipRole
from hiringdata.synthetic import hires_generate

from .factories import (
    CredentialFactory,
    MemberFactory,
    MembershipFactory,
    OccupationFactory,
    UserFactory,
)

YEAR = 2025
RECORDS_HEADER = (
    "hire_id,hire_date,soc_code,job_category,race_ethnicity,sex,education,training_pathway,"
    "credential\n"
)
COUNTS_HEADER = "soc_code,job_category,race_ethnicity,sex,education,training_pathway,hires\n"


def records(*rows: str) -> bytes:
    return (RECORDS_HEADER + "".join(row + "\n" for row in rows)).encode()


def counts(*rows: str) -> bytes:
    return (COUNTS_HEADER + "".join(row + "\n" for row in rows)).encode()


GOOD_ROWS = [
    "h1,2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,comptia-security-plus",
    "h2,2025-02-01,15-1212,professionals,white,female,bachelor,four_year_degree,ce-sec-plus",
    " H3 , 2025-03-01 ,15-1232, Technicians ,ASIAN,Male,high_school,bootcamp,",
]


def use_tmp_private_storage(settings, tmp_path) -> None:
    """Uploaded files go to the test's own folder, not the checkout's var/ (other suites use it)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path):
    use_tmp_private_storage(settings, tmp_path)


@pytest.fixture
def catalog(db):
    OccupationFactory(soc_code="15-1212")
    OccupationFactory(soc_code="15-1232")
    return CredentialFactory(slug="comptia-security-plus", ctdl_id="ce-sec-plus")


@pytest.fixture
def member(db):
    return MemberFactory(slug="acme", name="Acme Corp")


@pytest.fixture
def submitter(member):
    return MembershipFactory(member=member, role=MembershipRole.SUBMITTER).user


@pytest.fixture
def viewer(member):
    return MembershipFactory(member=member, role=MembershipRole.VIEWER).user


@pytest.fixture
def outsider(db):
    other = MemberFactory(slug="other-co", name="Other Co")
    return MembershipFactory(member=other, role=MembershipRole.ADMIN).user


@pytest.fixture
def staff(db):
    return UserFactory(username="staffer", is_staff=True)


@pytest.fixture
def members(db):
    """Twelve employers; the first two opted in to publishing their own figures."""
    return [MemberFactory(publish_own_figures=i < 2, is_synthetic=True) for i in range(12)]


CATALOG_CREDENTIALS = (
    "comptia-security-plus",
    "aws-cloud-practitioner",
    "google-it-support",
    "cisco-ccna",
    "comptia-a-plus",
)


@pytest.fixture
def hiring_year(members):
    """Accepted synthetic submissions for YEAR - 1 and YEAR (250 and 260 hires per member).

    Five catalog credentials exist, so hires hold credentials (mostly non-degree hires).
    """
    for slug in CATALOG_CREDENTIALS:
        CredentialFactory(slug=slug)
    ids = [m.id for m in members]
    hires_generate(member_ids=ids, year=YEAR - 1, hires_per_member=250, seed=7)
    hires_generate(member_ids=ids, year=YEAR, hires_per_member=260, seed=8)
    return YEAR


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("staff", password="pw", is_staff=True)
