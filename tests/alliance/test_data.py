"""Sample data (idempotent, synthetic-labelled) and scale data for benchmarks."""

import random

import pytest
from django.core.management import call_command

from alliance import sample_data, synthetic
from alliance.models import (
    CertificationDecision,
    Commitment,
    CredentialRecognition,
    HiringStandard,
    Member,
)

from .factories import CredentialFactory, OccupationFactory

pytestmark = pytest.mark.django_db


def _counts():  # type: ignore[no-untyped-def]
    return [
        m.objects.count()
        for m in (Member, Commitment, CertificationDecision, CredentialRecognition, HiringStandard)
    ]


def test_sample_load_is_idempotent_and_all_synthetic():
    OccupationFactory(soc_code="15-1232")
    OccupationFactory(soc_code="15-1212")
    for slug in ("comptia-security-plus", "comptia-a-plus", "google-it-support", "isc2-cc"):
        CredentialFactory(slug=slug)
    sample_data.load()
    first = _counts()
    sample_data.load()
    assert _counts() == first
    assert first[0] == 3 and first[4] == 2
    assert not Member.objects.filter(is_synthetic=False).exists()
    assert not CertificationDecision.objects.filter(is_synthetic=False).exists()
    # The sample's expired certification has lapsed, once.
    assert CertificationDecision.objects.filter(status="lapsed").count() == 1


def test_sample_load_without_a_catalog_skips_what_it_cannot_link():
    summary = sample_data.load()
    assert "0 certification decisions" in summary
    assert Member.objects.count() == 3


def test_synthetic_members_spread_over_existing_credentials():
    for _ in range(30):
        CredentialFactory()
    summary = synthetic.generate(
        options={"members": 5, "seed": 7, "year": 2026}, rng=random.Random(7)
    )
    assert Member.objects.filter(is_synthetic=True).count() == 5
    assert CredentialRecognition.objects.filter(is_synthetic=True).count() == 5 * 12
    assert CertificationDecision.objects.filter(is_synthetic=True).count() == 3
    assert Commitment.objects.count() == 10
    assert "5 synthetic members" in summary


def test_generate_synthetic_command_runs(capsys):
    CredentialFactory()
    call_command("generate_synthetic", "--members", "2", "--seed", "3")
    assert Member.objects.filter(slug__startswith="synthetic-s3-").count() == 2
