"""Scale data for benchmarks: synthetic members with recognitions and certifications (bulk)."""

import random
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction

from credentials.services import comparison_index_refresh

from .models import (
    CertificationDecision,
    CertificationStatus,
    Commitment,
    CommitmentKind,
    CredentialRecognition,
    Member,
    MemberKind,
    MemberSize,
    RecognitionKind,
)

STATES = ["CA", "TX", "NY", "FL", "IL", "OH", "GA", "NC", "MD", "WA", "VA", "AZ"]
RECOGNITIONS_PER_MEMBER = 12
CERTIFIED_SHARE = 0.1


def generate(*, options: dict[str, Any], rng: random.Random) -> str:
    """Add options['members'] synthetic members, spreading recognitions and certifications."""
    count = int(options.get("members") or 0)
    year = int(options.get("year") or date.today().year)
    seed = options.get("seed", 1)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM credentials_credential WHERE status = 'published' ORDER BY id"
        )
        credential_ids = [row[0] for row in cursor.fetchall()]
    # Same seed, same members: a second run with the same options adds nothing.
    existing = set(
        Member.objects.filter(slug__startswith=f"synthetic-s{seed}-").values_list("slug", flat=True)
    )
    missing = [i for i in range(count) if f"synthetic-s{seed}-{i}" not in existing]
    with transaction.atomic():
        members = Member.objects.bulk_create(
            [
                Member(
                    name=f"Synthetic member {seed}-{i}",
                    slug=f"synthetic-s{seed}-{i}",
                    kind=rng.choice(MemberKind.values),
                    size=rng.choice(MemberSize.values),
                    state=rng.choice(STATES),
                    joined_on=date(year, 1, 1),
                    is_synthetic=True,
                )
                for i in missing
            ]
        )
        convening_day = date(year, 5, 14)
        Commitment.objects.bulk_create(
            [
                Commitment(
                    member=member,
                    kind=kind,
                    deadline=convening_day + timedelta(days=365),
                    signed_on=convening_day,
                    signer_name="Synthetic signer",
                    is_synthetic=True,
                )
                for member in members
                for kind in (CommitmentKind.HIRING_STANDARDS, CommitmentKind.HIRING_DATA)
            ],
            ignore_conflicts=True,
        )
        recognitions = []
        if credential_ids:
            for member in members:
                for credential_id in rng.sample(
                    credential_ids, min(RECOGNITIONS_PER_MEMBER, len(credential_ids))
                ):
                    recognitions.append(
                        CredentialRecognition(
                            member=member,
                            credential_id=credential_id,
                            kind=rng.choice(RecognitionKind.values),
                            stated_on=convening_day,
                            is_synthetic=True,
                        )
                    )
        CredentialRecognition.objects.bulk_create(
            recognitions, ignore_conflicts=True, batch_size=5000
        )
        # Certify a share of credentials that have no decision yet.
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT credential_id FROM alliance_certificationdecision")
            decided = {row[0] for row in cursor.fetchall()}
        undecided = [cid for cid in credential_ids if cid not in decided]
        chosen = rng.sample(undecided, int(len(undecided) * CERTIFIED_SHARE)) if count else []
        CertificationDecision.objects.bulk_create(
            [
                CertificationDecision(
                    credential_id=credential_id,
                    status=CertificationStatus.CERTIFIED,
                    decided_on=convening_day,
                    effective_on=convening_day,
                    expires_on=convening_day + timedelta(days=730),
                    rationale="Synthetic decision for benchmarks.",
                    is_synthetic=True,
                )
                for credential_id in chosen
            ],
            batch_size=5000,
        )
    refreshed = comparison_index_refresh(credential_ids=None) if count else 0
    return (
        f"{len(members)} synthetic members, {len(recognitions)} recognitions, "
        f"{len(chosen)} certifications, {refreshed} index rows refreshed"
    )
