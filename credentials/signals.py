"""What the catalog tells the layers above (they connect; the catalog never imports them)."""

from django.dispatch import Signal

# Sent inside comparison_index_refresh's transaction after the catalog's columns are written,
# with credential_ids (None: every row) and today (the portal's date). The alliance writes the
# certification and recognition columns from it, so one refresh leaves every column right.
comparison_index_refreshed = Signal()
