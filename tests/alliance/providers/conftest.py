"""Two providers with one person each, a second task-force member, private storage in tmp."""

import pytest
from django.contrib.auth.models import Group

from alliance.permissions import TASK_FORCE_GROUP

from ..factories import OccupationFactory, UserFactory
from .factories import ProviderAccountFactory, SubmissionFactory


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


@pytest.fixture
def tech_occupation(db):  # type: ignore[no-untyped-def]
    return OccupationFactory(
        soc_code="15-1232",
        title="Computer User Support Specialists",
        in_tech_family=True,
        annual_openings=40800,
        median_annual_wage=60340,
    )


@pytest.fixture
def account_a(db):  # type: ignore[no-untyped-def]
    return ProviderAccountFactory(provider__name="Alpha Bootcamp", provider__slug="alpha")


@pytest.fixture
def account_b(db):  # type: ignore[no-untyped-def]
    return ProviderAccountFactory(provider__name="Beta College", provider__slug="beta")


@pytest.fixture
def submission_a(account_a, tech_occupation):  # type: ignore[no-untyped-def]
    return SubmissionFactory(provider=account_a.provider, occupation=tech_occupation)


@pytest.fixture
def submission_b(account_b, tech_occupation):  # type: ignore[no-untyped-def]
    return SubmissionFactory(provider=account_b.provider, occupation=tech_occupation)


@pytest.fixture
def second_task_force_user(db):  # type: ignore[no-untyped-def]
    user = UserFactory(first_name="Sam", last_name="Second")
    user.groups.add(Group.objects.get_or_create(name=TASK_FORCE_GROUP)[0])
    return user
