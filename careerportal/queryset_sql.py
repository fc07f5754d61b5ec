"""A queryset as SQL text, so a set-based statement can embed the rule the ORM already holds."""

from typing import Any

from django.db import connection


def queryset_sql(queryset: Any) -> str:
    """Return the queryset's SELECT with its parameters inlined (quoted by the driver)."""
    sql, params = queryset.query.sql_with_params()
    return str(connection.ops.compose_sql(sql, params))  # type: ignore[attr-defined]
