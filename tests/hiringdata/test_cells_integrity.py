"""The two cell tables: what Postgres refuses, and that they add up to the same hires."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum

from hiringdata.models import HiringCount, HiringCredentialCount, Submission

from .conftest import GOOD_ROWS, records
from .helpers import upload

pytestmark = pytest.mark.django_db


def test_a_cell_of_a_submission_that_does_not_exist_is_refused(member, catalog):
    submission = upload(member, records(*GOOD_ROWS))
    missing = Submission.objects.order_by("-pk").first().pk + 1000
    cell = dict(
        soc_code="15-1212", job_category="professionals", race_ethnicity="white", sex="female",
        education="bachelor", training_pathway="bootcamp", hires=1,
    )  # fmt: skip

    with pytest.raises(IntegrityError), transaction.atomic():
        HiringCount.objects.create(submission_id=missing, **cell)
    with pytest.raises(IntegrityError), transaction.atomic():
        HiringCount.objects.filter(submission=submission).update(submission_id=missing)
    with pytest.raises(IntegrityError), transaction.atomic():
        HiringCredentialCount.objects.create(
            submission_id=missing, training_pathway="bootcamp", hires=1
        )
        connection.check_constraints()  # its foreign key waits for the commit otherwise
    assert HiringCount.objects.filter(submission=submission).count() == 2


def test_a_submission_goes_with_its_cells_and_never_before_them(member, catalog):
    submission = upload(member, records(*GOOD_ROWS))

    # Straight SQL cannot leave cells without their submission...
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM hiringdata_submission WHERE id = %s", [submission.pk])
    assert HiringCount.objects.filter(submission=submission).count() == 2
    # ... and the ORM deletes both kinds of cell with it.
    submission.delete()
    assert not HiringCount.objects.exists()
    assert not HiringCredentialCount.objects.exists()


def test_both_cell_tables_hold_the_same_hires_per_training_pathway(member, catalog):
    rows = [
        *GOOD_ROWS,
        "h4,2025-04-01,15-1212,professionals,white,female,bachelor,bootcamp,comptia-security-plus",
        "h5,2025-04-02,15-1212,professionals,white,female,bachelor,bootcamp,",
    ]
    submission = upload(member, records(*rows))

    def per_pathway(model):
        totals = model.objects.filter(submission=submission).values("training_pathway")
        return {r["training_pathway"]: r["h"] for r in totals.annotate(h=Sum("hires"))}

    assert per_pathway(HiringCount) == per_pathway(HiringCredentialCount)
    assert per_pathway(HiringCount) == {"four_year_degree": 2, "bootcamp": 3}
    # Cells differ by the six dimensions only: h4 and h5 are one cell, apart from H3's.
    assert submission.cells_total == HiringCount.objects.filter(submission=submission).count() == 3
