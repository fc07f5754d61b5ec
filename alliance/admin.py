"""Admin for staff: the pages do the everyday work; the admin is for corrections and lookups.

Audit entries are read-only here: the log is append-only by design.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from careerportal.admin_base import ReadOnlyModelAdmin

from .models import (
    AuditEntry,
    Award,
    CertificationDecision,
    CertificationVote,
    Commitment,
    Convening,
    CredentialRecognition,
    HiringStandard,
    Invitation,
    Member,
    Membership,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Member)
class MemberAdmin(TranslationAdmin):
    list_display = ["name", "kind", "size", "state", "is_synthetic"]
    list_filter = ["kind", "size", "is_synthetic"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [MembershipInline]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["member", "kind", "deadline", "status", "signed_on", "signer_name"]
    list_filter = ["kind", "status", "is_synthetic"]
    raw_id_fields = ["member", "signed_by"]


@admin.register(Convening)
class ConveningAdmin(TranslationAdmin):
    list_display = ["year", "title", "held_on", "place", "is_synthetic"]


@admin.register(Award)
class AwardAdmin(TranslationAdmin):
    list_display = ["title", "member", "convening", "is_synthetic"]
    raw_id_fields = ["member"]

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        """An award the task force decided on the awards page is changed there (with a reason,
        audited), not typed here."""
        if obj is not None and getattr(obj, "decision", None) is not None:
            return [f.name for f in obj._meta.fields]
        return super().get_readonly_fields(request, obj)


@admin.register(CertificationDecision)
class CertificationDecisionAdmin(TranslationAdmin):
    list_display = ["credential", "status", "decided_on", "expires_on", "is_synthetic"]
    list_filter = ["status", "is_synthetic"]
    raw_id_fields = ["credential", "decided_by"]
    search_fields = ["credential__name", "credential__slug"]


@admin.register(CertificationVote)
class CertificationVoteAdmin(admin.ModelAdmin):
    list_display = ["review", "voter", "choice", "created_at"]
    raw_id_fields = ["review", "voter"]


@admin.register(CredentialRecognition)
class CredentialRecognitionAdmin(admin.ModelAdmin):
    list_display = ["credential", "member", "kind", "stated_on", "is_synthetic"]
    list_filter = ["kind", "is_synthetic"]
    raw_id_fields = ["credential", "member"]


@admin.register(HiringStandard)
class HiringStandardAdmin(TranslationAdmin):
    list_display = ["title", "occupation", "member", "status", "approved_on"]
    list_filter = ["status", "is_synthetic"]
    raw_id_fields = ["member", "occupation", "created_by", "approved_by"]
    filter_horizontal = ["credentials_valued"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "member", "role", "created_at", "accepted_at"]
    raw_id_fields = ["member", "invited_by", "accepted_by"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyModelAdmin):
    list_display = ["created_at", "actor", "action", "object_type", "object_id", "member"]
    list_filter = ["action"]
