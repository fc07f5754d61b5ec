from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from careerportal.admin_base import PlainSummaryAdmin

from .models import (
    FundingApplyStep,
    FundingFact,
    FundingSource,
    Occupation,
    Pathway,
    PathwayStep,
    Skill,
)


@admin.register(Occupation)
class OccupationAdmin(PlainSummaryAdmin, TabbedTranslationAdmin):
    plain_fields = ("description",)
    list_display = ["soc_code", "title", "field", "median_annual_wage", "wage_vintage", "job_zone"]
    list_filter = ["field", "entry_education", "bright_outlook"]
    search_fields = ["soc_code", "title"]
    # Videos are attached from the Video admin, with captions, transcript, source and licence.
    exclude = ["video_url", "captions_url"]


@admin.register(Skill)
class SkillAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    filter_horizontal = ["occupations"]


class FundingApplyStepInline(TranslationTabularInline):
    model = FundingApplyStep
    extra = 1


class FundingFactInline(TranslationTabularInline):
    model = FundingFact
    extra = 1
    fields = [
        "key", "value", "value_date", "unit", "text", "award_year", "effective_from",
        "effective_until", "source_url", "read_on", "confidence", "note",
    ]  # fmt: skip


@admin.register(FundingSource)
class FundingSourceAdmin(PlainSummaryAdmin, TabbedTranslationAdmin):
    plain_fields = ("summary",)
    list_display = [
        "name", "slug", "kind", "state", "status", "source_confidence", "last_verified_on",
    ]  # fmt: skip
    list_filter = ["kind", "status", "source_confidence", "state"]
    search_fields = ["name", "slug"]
    inlines = [FundingFactInline, FundingApplyStepInline]


class PathwayStepInline(TranslationTabularInline):
    model = PathwayStep
    fk_name = "pathway"
    extra = 1
    fields = [
        "order", "kind", "title", "min_weeks", "max_weeks", "min_cost_usd", "max_cost_usd",
        "cost_note", "cost_source_url", "cost_source_date", "credential_slugs",
        "credential_category", "credential_level", "job_occupation",
    ]  # fmt: skip
    raw_id_fields = ["job_occupation"]


@admin.register(Pathway)
class PathwayAdmin(TabbedTranslationAdmin):
    list_display = ["occupation", "education_level", "is_sample", "updated_at"]
    list_filter = ["education_level", "is_sample"]
    search_fields = ["occupation__soc_code", "occupation__title"]
    raw_id_fields = ["occupation"]
    inlines = [PathwayStepInline]
