"""API paging: page numbers for browsing, a cursor for bulk reads (walking every row).

`?page=N` pages through a list in the order asked for. `?cursor=` (empty to start, then the
value in `next`) walks every matching row in record order, one keyset query a page: no OFFSET,
so the 2,000th page costs what the first does, and rows added meanwhile are not skipped.
"""

import re
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

# The cursor is the last row's key: opaque to callers, but plain digits so that it is checked
# by its pattern alone (18 digits stay inside a bigint).
CURSOR_PATTERN = r"^[0-9]{0,18}$"
_CURSOR_RE = re.compile(CURSOR_PATTERN)
MAX_PAGE_SIZE = 500
CURSOR_DESCRIPTION = (
    "Bulk reads: leave it empty (`cursor=`) to start, then follow `next` until it is null. A "
    "cursor walk returns every matching row (no cap) in record order, so `sort` and `page` do "
    "not go with it; `previous` is null."
)


class StrictPageNumberPagination(PageNumberPagination):
    """Page numbers, where a page that is not a whole number from 1 is a 400 (DRF would read
    `page=` as the first page and `page=last` as the last)."""

    def paginate_queryset(  # type: ignore[override]
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list[Any] | None:
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not (raw.isascii() and raw.isdigit() and int(raw) >= 1):
            raise ValidationError(
                {self.page_query_param: [_("Give a whole number from 1.")]}, code="bad_page"
            )
        return super().paginate_queryset(queryset, request, view)  # type: ignore[return-value]


class CursorOrPagePagination(StrictPageNumberPagination):
    """Page numbers, or (with `cursor`) a forward keyset walk over the primary key."""

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    page_size_query_description = f"Rows per page (1-{MAX_PAGE_SIZE}, default 20)."
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return int(self.page_size or 20)
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
            raise ValidationError(
                {"page_size": [_("Give a whole number from 1 to %d.") % MAX_PAGE_SIZE]},
                code="bad_page_size",
            )
        return int(raw)

    def paginate_queryset(  # type: ignore[override]
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list[Any] | None:
        raw = request.query_params.get(self.cursor_query_param)
        self.walking = raw is not None
        if not self.walking:
            return super().paginate_queryset(queryset, request, view)  # type: ignore[return-value]
        assert raw is not None
        self._refuse_with_cursor(request)
        if not _CURSOR_RE.match(raw):
            raise ValidationError(
                {"cursor": [_("Not a cursor: pass the value from `next`, or leave it empty.")]},
                code="bad_cursor",
            )
        self.request = request
        size = self.get_page_size(request)
        # Counted like a page's count (a capped paginator stops at its cap).
        self.walk_count = self.django_paginator_class(queryset, size).count
        rows = queryset.order_by("pk")
        if raw:
            rows = rows.filter(pk__gt=int(raw))
        page = list(rows[: size + 1])
        self.next_key = page[size - 1].pk if len(page) > size else None
        return page[:size]

    def _refuse_with_cursor(self, request: Request) -> None:
        clashing = [
            name for name in ("sort", self.page_query_param) if request.query_params.get(name)
        ]
        if clashing:
            raise ValidationError(
                {
                    name: [_("A cursor walk goes in record order page by page; leave this out.")]
                    for name in clashing
                },
                code="not_with_cursor",
            )

    def get_next_link(self) -> str | None:
        if not getattr(self, "walking", False):
            return super().get_next_link()
        if self.next_key is None:
            return None
        assert self.request is not None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, str(self.next_key))

    def get_previous_link(self) -> str | None:
        if getattr(self, "walking", False):
            return None
        return super().get_previous_link()

    def get_paginated_response(self, data: Any) -> Response:
        if not getattr(self, "walking", False):
            return super().get_paginated_response(data)
        return Response(
            {
                "count": self.walk_count,
                "next": self.get_next_link(),
                "previous": None,
                "results": data,
            }
        )

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    **parameter["schema"],
                    "minimum": 1,
                    "maximum": MAX_PAGE_SIZE,
                }
        parameters.append(
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": CURSOR_DESCRIPTION,
                "schema": {"type": "string", "pattern": CURSOR_PATTERN, "maxLength": 18},
            }
        )
        return parameters
