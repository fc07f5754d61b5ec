"""Writes to the catalog."""


def comparison_index_refresh(*, credential_ids: list[int] | None = None) -> int:
    """Rebuild the comparison-index rows for these credentials (all when None); return rows written.

    The comparison index is built by the catalog work (issue 3); until it lands there is no index
    table, so there is nothing to refresh.
    """
    return 0
