"""Providers and the credentials they offer. Cost, outcomes and the comparison index extend this."""

import re
import uuid
from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from careerportal.queryset_sql import queryset_sql
from pathways.models import Confidence, EducationLevel, FundingSource, Occupation, Skill

# The training finder's models live in their own package (they name Provider by string, so no
# cycle); imported here so Django registers them in this app and callers find them here.
from .programs.models import (  # noqa: F401
    CalendarLength,
    Program,
    ProgramQuerySet,
    ProgramSource,
    ProgramWord,
)

# What a credential slug may look like in a URL or a form (checked before any query).
CREDENTIAL_SLUG_RE = re.compile(r"^[-a-z0-9_]{1,120}$")


def ctid_new() -> str:
    """A new Credential Transparency Identifier: "ce-" and a random UUID, as the registry makes."""
    return f"ce-{uuid.uuid4()}"


class ProviderKind(models.TextChoices):
    BOOTCAMP = "bootcamp", _("Bootcamp")
    COMMUNITY_COLLEGE = "community_college", _("Community college")
    UNIVERSITY = "university", _("University")
    CERTIFICATION_BODY = "certification_body", _("Certification body")
    EMPLOYER = "employer", _("Employer")
    ONLINE_PLATFORM = "online_platform", _("Online platform")
    NONPROFIT = "nonprofit", _("Nonprofit")
    APPRENTICESHIP_SPONSOR = "apprenticeship_sponsor", _("Apprenticeship sponsor")


class ScorecardMatch(models.TextChoices):
    """How a provider was tied to a College Scorecard school."""

    EXACT_NAME = (
        "exact_name",
        _(
            "same name (ignoring case, accents, spaces and punctuation), and the only school "
            "of that name in the College Scorecard file loaded"
        ),
    )


class Provider(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=ProviderKind.choices)
    website = models.URLField(max_length=500, blank=True)
    states_served = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    accreditation = models.CharField(max_length=300, blank=True)
    ctdl_id = models.CharField(_("CTDL id"), max_length=80, unique=True, default=ctid_new)
    # Where the provider is (its main address as a public list gives it).
    street = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=120, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField(max_length=5, blank=True)
    # The public list's own key for the provider ("etpl-nj:8829", "scorecard:100654").
    external_key = models.CharField(max_length=60, blank=True)
    # The College Scorecard institution this provider is (the Scorecard covers schools that take
    # federal student aid, Title IV): set only by an exact match of the normalized name to one
    # and only one Scorecard school, never guessed (credentials.programs.services.
    # providers_scorecard_match); how the match was made is kept in words beside it.
    scorecard_unitid = models.CharField(max_length=20, blank=True)
    scorecard_name = models.CharField(max_length=200, blank=True)
    scorecard_match = models.CharField(max_length=20, choices=ScorecardMatch.choices, blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_key"],
                condition=~models.Q(external_key=""),
                name="provider_external_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CredentialType(models.TextChoices):
    CERTIFICATION = "certification", _("Certification")
    CERTIFICATE = "certificate", _("Certificate")
    PROFESSIONAL_CERTIFICATE = "professional_certificate", _("Professional certificate")
    BOOTCAMP_CERTIFICATE = "bootcamp_certificate", _("Bootcamp certificate")
    BADGE = "badge", _("Badge")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    DIPLOMA = "diploma", _("Diploma")
    ASSOCIATE_DEGREE = "associate_degree", _("Associate degree")
    TRAINING_PROGRAM = "training_program", _("Training program")
    CURRICULUM = "curriculum", _("Free curriculum (no certificate)")
    # A CTDL credential class the portal has no kind for (MasterDegree, License, ...): kept
    # with its published class in type_as_published.
    OTHER = "other", _("Other credential")


class Category(models.TextChoices):
    CYBERSECURITY = "cybersecurity", _("Cybersecurity")
    IT_SUPPORT = "it_support", _("IT support")
    NETWORKING = "networking", _("Networking")
    CLOUD = "cloud", _("Cloud")
    WEB_DEVELOPMENT = "web_development", _("Web development")
    SOFTWARE_DEVELOPMENT = "software_development", _("Software development")
    DATA = "data", _("Data")
    UX = "ux", _("UX design")
    # A credential read from the Credential Registry outside the portal's tech fields.
    OTHER = "other", _("Other field")


class Level(models.TextChoices):
    ENTRY = "entry", _("Entry")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Delivery(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class CredentialStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    DRAFT = "draft", _("Draft")
    RETIRED = "retired", _("Retired")


class PriceModel(models.TextChoices):
    EXAM_FEE = "exam_fee", _("Exam fee")
    TUITION = "tuition", _("Tuition")
    SUBSCRIPTION = "subscription", _("Subscription")
    FREE = "free", _("Free")
    FREE_WITH_STIPEND = "free_with_stipend", _("Free, with a stipend")
    EMPLOYER_PAID = "employer_paid", _("Paid by the employer")


class CertificationStatus(models.TextChoices):
    """The Alliance's certification steps: decided by the alliance app, shown by the index."""

    PROPOSED = "proposed", _("Proposed")
    UNDER_REVIEW = "under_review", _("Under review")
    CERTIFIED = "certified", _("Certified")
    NOT_CERTIFIED = "not_certified", _("Not certified")
    LAPSED = "lapsed", _("Lapsed (review due)")


class CredentialQuerySet(models.QuerySet["Credential"]):
    def published(self) -> "CredentialQuerySet":
        return self.filter(status=CredentialStatus.PUBLISHED)


class Credential(models.Model):
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(max_length=120, unique=True)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="credentials")
    credential_type = models.CharField(max_length=30, choices=CredentialType.choices)
    category = models.CharField(max_length=30, choices=Category.choices)
    level = models.CharField(max_length=20, choices=Level.choices, blank=True)
    delivery = ArrayField(
        models.CharField(max_length=12, choices=Delivery.choices), default=list, blank=True
    )
    languages = ArrayField(models.CharField(max_length=8), default=list, blank=True)
    duration_weeks = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    hours_per_week = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    total_hours = models.PositiveIntegerField(_("total hours of study"), null=True, blank=True)
    duration_note = models.TextField(_("duration note"), blank=True)
    # None = "varies" (some paths need an exam, some do not).
    exam_required = models.BooleanField(null=True)
    exams_required = models.PositiveSmallIntegerField(null=True, blank=True)
    renewal_rule = models.TextField(_("renewal rule"), blank=True)
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    # Structured halves of the prerequisites text, so a screener can ask about them.
    prerequisite_education = models.CharField(
        max_length=20, choices=EducationLevel.choices, blank=True
    )
    prerequisite_experience_months = models.PositiveSmallIntegerField(null=True, blank=True)
    type_as_published = models.CharField(_("type as published"), max_length=200, blank=True)
    price_model = models.CharField(max_length=20, choices=PriceModel.choices, blank=True)
    price_notes = models.TextField(_("price notes"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    other_sources = models.TextField(blank=True)
    compiled_on = models.DateField(null=True, blank=True)
    summary = models.TextField(_("plain summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    skills = models.ManyToManyField(Skill, related_name="credentials", blank=True)
    occupations = models.ManyToManyField(Occupation, related_name="credentials", blank=True)
    funding_sources = models.ManyToManyField(FundingSource, related_name="credentials", blank=True)
    official_url = models.URLField(max_length=500, blank=True)
    # Not shown: a video needs captions, a transcript, a source and a licence (video below).
    video_url = models.URLField(max_length=500, blank=True)
    captions_url = models.URLField(max_length=500, blank=True)
    video = models.ForeignKey(
        "videos.Video",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credentials",
        verbose_name=_("video"),
    )
    ctdl_id = models.CharField(_("CTDL id"), max_length=80, unique=True, default=ctid_new)
    status = models.CharField(
        max_length=12, choices=CredentialStatus.choices, default=CredentialStatus.PUBLISHED
    )
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["category", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_weeks__isnull=True) | models.Q(duration_weeks__gt=0),
                name="credential_duration_weeks_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def delivery_labels(self) -> list[str]:
        return [str(Delivery(d).label) for d in self.delivery if d in Delivery.values]


class CostKind(models.TextChoices):
    TUITION = "tuition", _("Tuition and fees")
    EXAM_FEE = "exam_fee", _("Exam fee")
    MATERIALS = "materials", _("Books and materials")
    SUBSCRIPTION = "subscription", _("Subscription")
    OTHER = "other", _("Other cost")


class CostUnit(models.TextChoices):
    ONCE = "once", _("once")
    PER_ATTEMPT = "per_attempt", _("per exam attempt")
    PER_MONTH = "per_month", _("per month")


# The data files write this when a provider's page gives no date.
PRICE_DATE_NOT_SHOWN = "not shown"
_RESEARCH_NOTE = re.compile(r"\s*\(.*\)\s*$")


def price_date_plain(value: str) -> str:
    """A price date as a reader sees it: the date alone, without the researcher's note on where
    it was read ("2026 (page: 'as of mid-2026')" -> "2026"); several dates stay joined by '; '."""
    parts = (_RESEARCH_NOTE.sub("", part.strip()) for part in str(value or "").split(";"))
    return "; ".join(dict.fromkeys(part for part in parts if part))


class CostItem(models.Model):
    """One published price; the credential's total is the sum of amount x count over its items."""

    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="cost_items")
    kind = models.CharField(max_length=20, choices=CostKind.choices)
    amount_min_usd = models.DecimalField(max_digits=10, decimal_places=2)
    amount_max_usd = models.DecimalField(max_digits=10, decimal_places=2)
    unit = models.CharField(max_length=12, choices=CostUnit.choices, default=CostUnit.ONCE)
    count = models.PositiveSmallIntegerField(default=1)
    source_url = models.URLField(max_length=500, blank=True)
    # As printed on the page ("2026-06", "not shown"): prices are shown with this beside them.
    source_date = models.CharField(max_length=120, blank=True)
    confidence = models.CharField(max_length=12, choices=Confidence.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["credential", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_min_usd__gte=0)
                & models.Q(amount_max_usd__gte=models.F("amount_min_usd")),
                name="cost_item_amounts_ordered",
            ),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="cost_item_count_1_up"),
        ]

    def __str__(self) -> str:
        return f"{self.credential}: {self.kind} {self.amount_min_usd}-{self.amount_max_usd}"

    @property
    def total_min_usd(self) -> Decimal:
        return self.amount_min_usd * self.count

    @property
    def total_max_usd(self) -> Decimal:
        return self.amount_max_usd * self.count


class OutcomeVocabulary(models.TextChoices):
    CIRR = "cirr", _("CIRR (bootcamp outcomes standard)")
    WIOA = "wioa", _("WIOA performance indicators")
    OTHER = "other", _("Other published figure")


class OutcomeReportQuerySet(models.QuerySet["OutcomeReport"]):
    """Which outcome report counts for a credential: the one rule pages, screener and index use."""

    # Real figures before synthetic ones, then the newest report.
    COUNTED_ORDER = ("is_synthetic", "-id")

    # A report with at least one rate or salary in it (a bare statement counts for none).
    HAS_FIGURES = (
        models.Q(graduated_150_pct__isnull=False)
        | models.Q(employed_in_field_180_days_pct__isnull=False)
        | models.Q(reported_employment_pct__isnull=False)
        | models.Q(median_starting_salary_usd__isnull=False)
        | models.Q(reported_salary_usd__isnull=False)
    )

    def with_figures(self) -> "OutcomeReportQuerySet":
        return self.filter(self.HAS_FIGURES)

    def in_counted_order(self) -> "OutcomeReportQuerySet":
        """Every report, in the order the rule reads them, each annotated has_figures."""
        return self.annotate(
            has_figures=models.ExpressionWrapper(
                self.HAS_FIGURES, output_field=models.BooleanField()
            )
        ).order_by(*self.COUNTED_ORDER)

    def counted(self) -> "OutcomeReportQuerySet":
        """The report that counts, one per credential (narrow by credential before)."""
        return (
            self.with_figures()
            .order_by("credential_id", *self.COUNTED_ORDER)
            .distinct("credential_id")
            .annotate(
                placement=Coalesce("employed_in_field_180_days_pct", "reported_employment_pct"),
                salary=Coalesce("median_starting_salary_usd", "reported_salary_usd"),
                is_cirr=models.ExpressionWrapper(
                    models.Q(vocabulary=OutcomeVocabulary.CIRR)
                    & models.Q(employed_in_field_180_days_pct__isnull=False),
                    output_field=models.BooleanField(),
                ),
            )
        )

    def counted_sql(self) -> str:
        """counted() as SQL for the comparison index (columns it reads, values inlined)."""
        query = self.counted().values(  # type: ignore[misc]
            "credential_id", "placement", "salary", "period", "source_name", "source_url",
            "is_synthetic", "is_cirr",
        )  # fmt: skip
        return queryset_sql(query)


class OutcomeReport(models.Model):
    """Outcome figures for one cohort or period, in CIRR and WIOA terms, with source and period.

    Percentages are 0-100. Fields a source does not give stay empty ("not reported"); the
    published wording is kept in `statement` because many sources define terms their own way.
    """

    credential = models.ForeignKey(
        Credential, on_delete=models.CASCADE, related_name="outcome_reports"
    )
    vocabulary = models.CharField(max_length=10, choices=OutcomeVocabulary.choices)
    period = models.CharField(_("period"), max_length=120)
    cohort = models.CharField(max_length=120, blank=True)
    # CIRR
    enrolled = models.PositiveIntegerField(null=True, blank=True)
    graduated_on_time_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    graduated_150_pct = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    employed_in_field_180_days_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    median_starting_salary_usd = models.PositiveIntegerField(null=True, blank=True)
    # WIOA
    employment_rate_q2_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    employment_rate_q4_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    median_earnings_q2_usd = models.PositiveIntegerField(null=True, blank=True)
    # A rate or salary published in another definition (for example "98% hiring rate",
    # "average starting salary"): kept apart so it is never passed off as a CIRR figure.
    reported_employment_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    reported_salary_usd = models.PositiveIntegerField(null=True, blank=True)
    reported_salary_is_average = models.BooleanField(default=False)
    statement = models.TextField(_("published statement"), blank=True)
    source_name = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_date = models.CharField(max_length=120, blank=True)
    audited = models.BooleanField(null=True)
    self_reported = models.BooleanField(default=False)
    # The day the Alliance task force checked the figures against the provider's evidence.
    verified_on = models.DateField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)

    objects = OutcomeReportQuerySet.as_manager()

    class Meta:
        ordering = ["credential", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(employed_in_field_180_days_pct__isnull=True)
                    | models.Q(employed_in_field_180_days_pct__range=(0, 100))
                )
                & (
                    models.Q(reported_employment_pct__isnull=True)
                    | models.Q(reported_employment_pct__range=(0, 100))
                ),
                name="outcome_rates_are_percentages",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.credential}: {self.period}"

    @property
    def placement_pct(self) -> Decimal | None:
        return (
            self.employed_in_field_180_days_pct
            if self.employed_in_field_180_days_pct is not None
            else self.reported_employment_pct
        )


# The fields staff edit (admin inlines) and the API publishes, in one order.
COST_ITEM_FIELDS = (
    "kind", "amount_min_usd", "amount_max_usd", "unit", "count", "source_url",
    "source_date", "confidence", "note", "is_synthetic",
)  # fmt: skip
OUTCOME_REPORT_FIELDS = (
    "vocabulary", "period", "cohort", "enrolled", "graduated_on_time_pct",
    "graduated_150_pct", "employed_in_field_180_days_pct", "median_starting_salary_usd",
    "employment_rate_q2_pct", "employment_rate_q4_pct", "median_earnings_q2_usd",
    "reported_employment_pct", "reported_salary_usd", "reported_salary_is_average",
    "statement", "source_name", "source_url", "source_date", "audited", "self_reported",
    "verified_on", "is_synthetic",
)  # fmt: skip


class ComparisonIndex(models.Model):
    """One row per published credential with what search and compare need (derived; rebuilt by
    credentials.services.comparison_index_refresh, never edited by hand)."""

    credential = models.OneToOneField(
        Credential, on_delete=models.CASCADE, primary_key=True, related_name="index_row"
    )
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=250)
    name_unaccent = models.CharField(max_length=250)
    provider_name = models.CharField(max_length=200)
    credential_type = models.CharField(max_length=30, choices=CredentialType.choices)
    category = models.CharField(max_length=30, choices=Category.choices)
    level = models.CharField(max_length=20, blank=True)
    delivery = ArrayField(models.CharField(max_length=12), default=list)
    languages = ArrayField(models.CharField(max_length=8), default=list)
    states = ArrayField(models.CharField(max_length=2), default=list)
    total_cost_min_usd = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    total_cost_max_usd = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    cost_source_date = models.CharField(max_length=120, blank=True)
    cost_is_synthetic = models.BooleanField(default=False)
    duration_weeks = models.DecimalField(max_digits=6, decimal_places=1, null=True)
    total_hours = models.PositiveIntegerField(null=True)
    placement_rate_pct = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    median_salary_usd = models.PositiveIntegerField(null=True)
    outcome_period = models.CharField(max_length=120, blank=True)
    outcome_source_name = models.CharField(max_length=200, blank=True)
    outcome_source_url = models.URLField(max_length=500, blank=True)
    outcome_is_synthetic = models.BooleanField(default=False)
    outcome_is_cirr = models.BooleanField(default=False)
    certification_status = models.CharField(
        max_length=16, choices=CertificationStatus.choices, blank=True
    )
    certified = models.BooleanField(default=False)
    certification_decided_on = models.DateField(null=True)
    certification_expires_on = models.DateField(null=True)
    recognition_count = models.PositiveIntegerField(default=0)
    recognition_requires = models.PositiveIntegerField(default=0)
    recognition_prefers = models.PositiveIntegerField(default=0)
    recognition_accepts = models.PositiveIntegerField(default=0)
    recognition_has_hired = models.PositiveIntegerField(default=0)
    funding_slugs = ArrayField(models.CharField(max_length=120), default=list)
    occupation_codes = ArrayField(models.CharField(max_length=7), default=list)
    # Lowest median wage among the occupations it leads to: payback uses the cautious figure.
    occupation_wage_min_usd = models.PositiveIntegerField(null=True)
    occupation_wage_max_usd = models.PositiveIntegerField(null=True)
    search_en = SearchVectorField(null=True)
    search_es = SearchVectorField(null=True)
    # How well documented a credential is (certified 8 + recognized 4 + outcomes 2 + price 1),
    # set by the rebuild. A broad search ranks only its best-documented matches, read through
    # cred_index_prior in this order, so it never ranks tens of thousands of rows.
    search_prior = models.PositiveSmallIntegerField(default=0)
    is_synthetic = models.BooleanField(default=False)
    refreshed_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
        indexes = [
            GinIndex(fields=["search_en"], name="cred_index_search_en"),
            GinIndex(fields=["search_es"], name="cred_index_search_es"),
            GinIndex(
                fields=["name_unaccent"], name="cred_index_name_trgm", opclasses=["gin_trgm_ops"]
            ),
            GinIndex(fields=["funding_slugs"], name="cred_index_funding"),
            GinIndex(fields=["occupation_codes"], name="cred_index_occupations"),
            GinIndex(fields=["delivery"], name="cred_index_delivery"),
            models.Index(fields=["name", "credential"], name="cred_index_name"),
            models.Index(fields=["category", "total_cost_min_usd"], name="cred_index_cat_cost"),
            # Each sort index ends with the tie-breakers (name, pk) and runs in the sort's own
            # direction, so a sorted page reads 20 index entries instead of sorting a group of
            # thousands of rows that share a value (only 11 distinct durations, for example).
            models.Index(
                models.F("total_cost_min_usd").asc(nulls_last=True),
                "name",
                "credential",
                name="cred_index_cost",
            ),
            models.Index(
                models.F("duration_weeks").asc(nulls_last=True),
                "name",
                "credential",
                name="cred_index_weeks",
            ),
            models.Index(
                models.F("placement_rate_pct").desc(nulls_last=True),
                "name",
                "credential",
                name="cred_index_placement",
            ),
            models.Index(
                models.F("median_salary_usd").desc(nulls_last=True),
                "name",
                "credential",
                name="cred_index_salary",
            ),
            models.Index(
                models.F("search_prior").desc(), "name", "credential", name="cred_index_prior"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ComparisonIndexStale(models.Model):
    """A credential whose index row is out of date; the refresh task deletes the mark when done.

    Written in the same transaction as the change, so a mark outlives a broker outage.
    """

    credential_id = models.IntegerField(
        primary_key=True
    )  # no FK: a deleted credential's row goes too
    marked_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"stale index row {self.credential_id}"


class CtdlRecord(models.Model):
    """A Credential Registry resource as it was read, kept whole: what the portal does not model
    stays here (raw) and is listed in `unmodelled`, so nothing published is lost on import."""

    ctdl_id = models.CharField(_("CTDL id"), max_length=80, unique=True)
    ctdl_type = models.CharField(_("published type"), max_length=120)
    document = models.JSONField(help_text="The resource as published (JSON-LD).")
    unmodelled = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    source = models.CharField(max_length=1000, help_text="File path or URL it was read from.")
    loaded_at = models.DateTimeField(auto_now=True)
    credential = models.OneToOneField(
        Credential, null=True, blank=True, on_delete=models.CASCADE, related_name="ctdl_record"
    )
    provider = models.OneToOneField(
        Provider, null=True, blank=True, on_delete=models.CASCADE, related_name="ctdl_record"
    )
    program = models.OneToOneField(
        "credentials.Program",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ctdl_record",
    )

    class Meta:
        ordering = ["ctdl_id"]

    def __str__(self) -> str:
        return f"{self.ctdl_type} {self.ctdl_id}"
