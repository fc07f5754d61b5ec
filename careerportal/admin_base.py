"""Admin pieces every app shares."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """Rows only the app's own services write (audit log, uploads, reports): staff look here.

    Adding or editing them in the admin would skip the checks and the audit trail of those
    services. Deleting is refused too unless a subclass sets allow_delete (for rows that only
    go away with their parent).
    """

    allow_delete = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.allow_delete and super().has_delete_permission(request, obj)
