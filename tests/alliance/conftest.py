"""Fixtures for the Alliance tests: two members, people in each role, the task force."""

import pytest
from django.contrib.auth.models import Group

from alliance.models import MembershipRole
from alliance.permissions import TASK_FORCE_GROUP

from .factories import (
    CredentialFactory,
    MemberFactory,
    MembershipFactory,
    OccupationFactory,
    UserFactory,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def member(db):  # type: ignore[no-untyped-def]
    return MemberFactory(name="Acme IT", slug="acme-it")


@pytest.fixture
def other_member(db):  # type: ignore[no-untyped-def]
    return MemberFactory(name="Other Co", slug="other-co")


@pytest.fixture
def admin_user(member):  # type: ignore[no-untyped-def]
    return MembershipFactory(member=member, role=MembershipRole.ADMIN).user


@pytest.fixture
def viewer_user(member):  # type: ignore[no-untyped-def]
    return MembershipFactory(member=member, role=MembershipRole.VIEWER).user


@pytest.fixture
def other_admin(other_member):  # type: ignore[no-untyped-def]
    return MembershipFactory(member=other_member, role=MembershipRole.ADMIN).user


@pytest.fixture
def task_force_user(db):  # type: ignore[no-untyped-def]
    user = UserFactory(first_name="Tess", last_name="Force")
    user.groups.add(Group.objects.get_or_create(name=TASK_FORCE_GROUP)[0])
    return user


@pytest.fixture
def staff_user(db):  # type: ignore[no-untyped-def]
    return UserFactory(is_staff=True)


@pytest.fixture
def occupation(db):  # type: ignore[no-untyped-def]
    return OccupationFactory(soc_code="15-1232", title="Computer User Support Specialists")


@pytest.fixture
def credential(occupation):  # type: ignore[no-untyped-def]
    return CredentialFactory(name="CompTIA A+", slug="comptia-a-plus", occupations=[occupation])


@pytest.fixture
def refreshes(monkeypatch):  # type: ignore[no-untyped-def]
    """Record the credential ids each comparison-index refresh ran for (the refresh still runs)."""
    from credentials import services as catalog

    calls: list[list[int] | None] = []
    real = catalog.comparison_index_refresh

    def recording(*, credential_ids=None):  # type: ignore[no-untyped-def]
        calls.append(credential_ids)
        return real(credential_ids=credential_ids)

    monkeypatch.setattr(catalog, "comparison_index_refresh", recording)
    return calls
