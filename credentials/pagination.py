"""Paging for search results: exact counts up to a cap, so a broad search stays fast."""

from functools import cached_property
from typing import cast

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from careerportal.pagination import CursorOrPagePagination

# Counting 30,000 matches reads 30,000 rows, and nobody pages past 50 pages. Above the cap the
# page says "more than 1,000" and asks for a narrower search.
RESULT_COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """A Paginator whose count stops at RESULT_COUNT_CAP (then .capped is True)."""

    @cached_property
    def _counted(self) -> int:
        queryset = cast(QuerySet, self.object_list)
        # A text search has counted its matches already (CredentialFilter._ranked); a broad
        # one is then limited to its ranked candidates, so counting again would say 1,000.
        known = getattr(queryset, "capped_count", None)
        if known is not None:
            return int(known)
        return queryset.order_by().values("pk")[: RESULT_COUNT_CAP + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, RESULT_COUNT_CAP)

    @property
    def capped(self) -> bool:
        return self._counted > RESULT_COUNT_CAP


def page_frozen(page: Page) -> Page:
    """The page with its rows read and its counts fixed: no query left, fit to cache."""
    paginator = cast(CappedPaginator, page.paginator)
    frozen = CappedPaginator([], paginator.per_page, orphans=paginator.orphans)
    frozen.__dict__["_counted"] = paginator._counted
    frozen.__dict__["count"] = paginator.count
    return Page(list(page.object_list), page.number, frozen)


class CappedPageNumberPagination(CursorOrPagePagination):
    """API paging with the same cap: `count` is at most RESULT_COUNT_CAP (a cursor walk reads
    past it)."""

    django_paginator_class = CappedPaginator


class IdsFirstPaginator(CappedPaginator):
    """A CappedPaginator that finds a page's ids first, then reads those rows whole.

    The ids come from the filters and the sort alone, which a covering index can answer
    without the table (programs by place); only the page's rows are then read from it.
    """

    def page(self, number: int | str) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = cast(QuerySet, self.object_list)
        ids = list(queryset.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in queryset.order_by().filter(pk__in=ids)}
        return Page([rows[pk] for pk in ids if pk in rows], number, self)


class IdsFirstPageNumberPagination(CappedPageNumberPagination):
    """API paging with IdsFirstPaginator."""

    django_paginator_class = IdsFirstPaginator
