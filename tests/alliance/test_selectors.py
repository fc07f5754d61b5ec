"""Selectors: who acts for which member, public counts, and the employers' ranking."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from alliance import selectors

from .factories import (
    CertificationDecisionFactory,
    CredentialFactory,
    MemberFactory,
    RecognitionFactory,
)

pytestmark = pytest.mark.django_db


def test_member_for_user_returns_own_member_and_404s_others(member, other_member, admin_user):
    assert selectors.member_for_user(user=admin_user) == member
    assert selectors.member_for_user(user=admin_user, member_slug=member.slug) == member
    with pytest.raises(Http404):
        selectors.member_for_user(user=admin_user, member_slug=other_member.slug)
    with pytest.raises(Http404):
        selectors.member_for_user(user=AnonymousUser())


def test_staff_may_act_for_any_member(other_member, staff_user):
    assert selectors.member_for_user(user=staff_user, member_slug=other_member.slug) == other_member
    with pytest.raises(Http404):
        selectors.member_for_user(user=staff_user, member_slug="no-such-member")


def test_recognition_counts_are_distinct_members_per_kind(credential):
    a, b = MemberFactory(), MemberFactory()
    RecognitionFactory(member=a, credential=credential, kind="requires")
    RecognitionFactory(member=a, credential=credential, kind="has_hired")
    RecognitionFactory(member=b, credential=credential, kind="requires")
    assert selectors.recognition_counts(credential_ids=[credential.id]) == {
        credential.id: {"requires": 2, "has_hired": 1, "total": 2}
    }


def test_employer_guide_ranks_certified_then_trusted_and_limits(occupation):
    today = date.today()
    plain = CredentialFactory(name="A plain", occupations=[occupation])
    trusted = CredentialFactory(name="B trusted", occupations=[occupation])
    certified = CredentialFactory(name="C certified", occupations=[occupation])
    expired = CredentialFactory(name="D expired", occupations=[occupation])
    CertificationDecisionFactory(credential=certified)
    CertificationDecisionFactory(
        credential=expired, decided_on=today - timedelta(days=900), expires_on=today - timedelta(1)
    )
    for _ in range(2):
        RecognitionFactory(member=MemberFactory(), credential=trusted)
    guide = selectors.employer_guide(occupation=occupation, today=today)
    assert [r["credential"] for r in guide["rows"]] == [certified, trusted, plain, expired]
    assert [r["certified"] for r in guide["rows"]] == [True, False, False, False]
    assert guide["rows"][1]["employers"] == 2
    limited = selectors.employer_guide(occupation=occupation, today=today, limit=2)
    assert (limited["shown"], limited["total"]) == (2, 4)


@pytest.mark.parametrize(
    ("role", "may"), [("admin", True), ("submitter", True), ("viewer", False), (None, False)]
)
def test_who_may_upload_hiring_data_is_one_rule(role, may):
    """The portal page, the API and the import service all ask alliance.permissions."""
    from alliance.models import Membership
    from alliance.permissions import can_upload_for, upload_member_ids

    from .factories import MemberFactory, UserFactory

    member, user = MemberFactory(), UserFactory()
    if role:
        Membership.objects.create(user=user, member=member, role=role)
    assert can_upload_for(user, member) is may
    assert upload_member_ids(user) == ([member.pk] if may else [])
