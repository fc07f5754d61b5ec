"""Admin for staff lookups: submissions, reviews and invitations are written by the pages'
services (with their checks and audit entries), so they are read-only here."""

from django.contrib import admin

from careerportal.admin_base import ReadOnlyModelAdmin

from .models import ProgramSubmission, ProviderAccount, ProviderInvitation


@admin.register(ProviderAccount)
class ProviderAccountAdmin(admin.ModelAdmin):
    list_display = ["user", "provider", "created_at"]
    search_fields = ["user__email", "provider__name"]
    raw_id_fields = ["user", "provider"]


@admin.register(ProviderInvitation)
class ProviderInvitationAdmin(ReadOnlyModelAdmin):
    list_display = ["email", "organisation", "occupation", "education_level", "created_at",
                    "accepted_at", "is_synthetic"]  # fmt: skip
    list_filter = ["is_synthetic"]
    search_fields = ["email", "organisation"]


@admin.register(ProgramSubmission)
class ProgramSubmissionAdmin(ReadOnlyModelAdmin):
    list_display = ["name", "provider", "status", "reviewer", "decided_on", "is_synthetic"]
    list_filter = ["status", "vocabulary", "is_synthetic"]
    search_fields = ["name", "provider__name"]
