"""Staff make, read and revoke partner API keys; a key's secret is shown once, on creation."""

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PartnerKey


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "created_at", "revoked_at", "request_count", "last_used_at"]
    fields = ["name", "contact_email", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "request_count", "last_used_at"]
    actions = ["revoke"]

    def save_model(self, request: HttpRequest, obj: PartnerKey, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        key, secret = PartnerKey.issue(
            name=obj.name, contact_email=obj.contact_email, created_by=request.user
        )
        obj.pk = key.pk
        obj.refresh_from_db()
        messages.warning(
            request,
            _("The key for %(name)s is %(secret)s. Copy it now: it is shown only this once.")
            % {"name": key.name, "secret": secret},
        )

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        messages.success(request, _("%(count)d keys revoked.") % {"count": count})
