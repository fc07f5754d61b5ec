"""Upload-and-process in one call, as the Celery task would."""

import io

from hiringdata import services
from hiringdata.models import Submission

from .conftest import YEAR


def upload(member, data: bytes, *, user=None, filename="hires.csv", year=YEAR) -> Submission:
    received = services.submission_receive(
        member=member, year=year, upload=io.BytesIO(data), filename=filename, user=user
    )
    processed = services.submission_process(submission_id=received.submission.pk)
    assert processed is not None
    return processed


def problems(submission: Submission) -> list[tuple[int | None, str, str, str]]:
    return [(i.row, i.column, i.value, i.code) for i in submission.issues.order_by("row", "id")]
