"""Paging search results: IdsFirstPaginator gives the same pages as a plain Paginator."""

import pytest
from django.core.paginator import Paginator

from credentials.models import Program
from credentials.pagination import IdsFirstPaginator
from credentials.programs import places

from .test_program_views import NEWARK, _program

pytestmark = pytest.mark.django_db


def test_ids_first_pages_keep_the_sort_and_the_annotations():
    for number, cost in enumerate([500, 100, 400, 200, 300]):
        _program(f"Program {number}", point=NEWARK, zip_code="07102", cost=cost)
    rows = places.programs_within(Program.objects.all(), point=NEWARK, miles=5).order_by(
        "total_cost_usd", "id"
    )
    plain, ids_first = Paginator(rows, 2), IdsFirstPaginator(rows, 2)
    for number in (1, 2, 3):
        expected = [p.pk for p in plain.page(number).object_list]
        page = ids_first.page(number)
        assert [p.pk for p in page.object_list] == expected
        assert all(p.distance_miles == pytest.approx(0, abs=0.01) for p in page.object_list)
    assert [p.total_cost_usd for p in ids_first.page(1).object_list] == [100, 200]
