"""The base vocabulary: occupations (SOC 2018), skills, education levels and funding sources."""

import datetime as dt
import re
from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def range_ordered(low: str, high: str, *, name: str) -> models.CheckConstraint:
    """Low <= high whenever both bounds are given."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{low}__isnull": True})
        | models.Q(**{f"{high}__isnull": True})
        | models.Q(**{f"{low}__lte": models.F(high)}),
        name=name,
    )


# States, DC and the territories, by postal code (filters and the funding screener).
US_STATES = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX",
    "UT", "VT", "VA", "WA", "WV", "WI", "WY", "GU", "VI", "AS", "MP",
]  # fmt: skip

# The SOC 2018 code form ("15-1212"): the one pattern every form, importer, URL and API checks.
SOC_CODE_PATTERN = r"\d{2}-\d{4}"
SOC_CODE_RE = re.compile(rf"^{SOC_CODE_PATTERN}$")
soc_code_validator = RegexValidator(
    SOC_CODE_RE, _("Enter a SOC 2018 code like 15-1212."), code="bad_soc_form"
)
# An occupation's key: its SOC code, or the O*NET-SOC code ("15-1299.08") of an O*NET occupation
# narrower than its SOC code.
OCCUPATION_CODE_PATTERN = rf"{SOC_CODE_PATTERN}(\.\d{{2}})?"
OCCUPATION_CODE_RE = re.compile(rf"^{OCCUPATION_CODE_PATTERN}$")


class Confidence(models.TextChoices):
    VERIFIED = "verified", _("Verified at the source")
    SECONDARY = "secondary", _("From a secondary source")
    UNCONFIRMED = "", _("Not confirmed")


class EducationLevel(models.TextChoices):
    """Where a person starts from; pathways are drawn for each."""

    NO_DIPLOMA = "no_diploma", _("No high-school diploma")
    HIGH_SCHOOL = "high_school", _("High-school diploma or GED")
    SOME_COLLEGE = "some_college", _("Some college")
    ASSOCIATE = "associate", _("Associate degree")
    BACHELOR = "bachelor", _("Bachelor's degree")


class OccupationField(models.TextChoices):
    """How the career pages group occupations for browsing."""

    CYBERSECURITY = "cybersecurity", _("Cybersecurity")
    IT_SUPPORT = "it_support", _("IT support")
    NETWORKING_CLOUD = "networking_cloud", _("Networks, systems and cloud")
    SOFTWARE_WEB = "software_web", _("Software and web")
    DATA = "data", _("Data and databases")
    RESEARCH_OTHER = "research_other", _("Analysis, research and other")


class EntryEducation(models.TextChoices):
    """BLS "typical education needed for entry" categories, in the order a person climbs them."""

    NO_FORMAL = "no_formal", _("No formal educational credential")
    HIGH_SCHOOL = "high_school", _("High school diploma or equivalent")
    POSTSECONDARY_NONDEGREE = "postsecondary_nondegree", _("Postsecondary nondegree award")
    SOME_COLLEGE = "some_college", _("Some college, no degree")
    ASSOCIATE = "associate", _("Associate's degree")
    BACHELOR = "bachelor", _("Bachelor's degree")
    MASTER = "master", _("Master's degree")
    DOCTORAL = "doctoral", _("Doctoral or professional degree")


ENTRY_EDUCATION_RANK = {value: rank for rank, value in enumerate(EntryEducation.values)}


class OccupationQuerySet(models.QuerySet["Occupation"]):
    def bright_outlook(self) -> "OccupationQuerySet":
        return self.filter(bright_outlook=True)

    def tech_family(self) -> "OccupationQuerySet":
        return self.filter(in_tech_family=True)

    def entry_education_at_most(self, level: str) -> "OccupationQuerySet":
        """Occupations whose typical entry education is this level or a lower one."""
        allowed = [
            v for v, rank in ENTRY_EDUCATION_RANK.items() if rank <= ENTRY_EDUCATION_RANK[level]
        ]
        return self.filter(entry_education__in=allowed)


class Occupation(models.Model):
    """A SOC 2018 occupation with its published figures, each with source, vintage and URL."""

    # The page key: the SOC 2018 code ("15-1212") for an O*NET ".00" occupation, the O*NET-SOC
    # code ("15-1299.08") for O*NET's more specific ones.
    soc_code = models.CharField(_("SOC code"), max_length=10, unique=True)
    # The SOC 2018 detailed occupation that BLS wages and projections are published for.
    soc_detailed = models.CharField(max_length=7, db_index=True, default="")
    onet_code = models.CharField(max_length=10, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("plain description"), blank=True)
    onet_description = models.TextField(blank=True)
    # SOC 15-xxxx and the occupations the CIP-SOC crosswalk ties to computer programs (CIP 11).
    in_tech_family = models.BooleanField(default=False, db_index=True)
    # O*NET RIASEC interest profile: {"R": 1.3, "I": 3.2, ...} on O*NET's 1-7 scale.
    interests = models.JSONField(default=dict, blank=True)

    median_annual_wage = models.PositiveIntegerField(
        _("median annual wage (USD)"), null=True, blank=True
    )
    wage_vintage = models.CharField(max_length=60, blank=True)
    wage_source_url = models.URLField(max_length=500, blank=True)
    wage_confidence = models.CharField(max_length=12, choices=Confidence.choices, blank=True)

    employment = models.PositiveIntegerField(null=True, blank=True)
    employment_vintage = models.CharField(max_length=120, blank=True)
    projected_change_pct = models.DecimalField(
        max_digits=6, decimal_places=1, null=True, blank=True
    )
    projection_period = models.CharField(max_length=20, blank=True)
    annual_openings = models.PositiveIntegerField(null=True, blank=True)
    projection_source_url = models.URLField(max_length=500, blank=True)
    projection_confidence = models.CharField(max_length=12, choices=Confidence.choices, blank=True)

    typical_entry_education = models.CharField(max_length=120, blank=True)
    education_source_url = models.URLField(max_length=500, blank=True)

    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)
    bright_outlook = models.BooleanField(null=True)
    onet_source_url = models.CharField(max_length=500, blank=True)
    onet_confidence = models.CharField(max_length=12, choices=Confidence.choices, blank=True)
    onet_vintage = models.CharField(max_length=60, blank=True)

    field = models.CharField(
        _("field"), max_length=20, choices=OccupationField.choices, blank=True, db_index=True
    )
    entry_education = models.CharField(
        _("education needed"), max_length=30, choices=EntryEducation.choices, blank=True
    )
    # Why a figure is empty, by field name ("job_zone": "Not published by O*NET for this code").
    missing_reasons = models.JSONField(default=dict, blank=True)
    video_url = models.URLField(max_length=500, blank=True)
    captions_url = models.URLField(max_length=500, blank=True)

    objects = OccupationQuerySet.as_manager()

    class Meta:
        ordering = ["soc_code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soc_code__regex=OCCUPATION_CODE_RE.pattern),
                name="occupation_soc_code_form",
            ),
            models.CheckConstraint(
                condition=models.Q(job_zone__isnull=True) | models.Q(job_zone__range=(1, 5)),
                name="occupation_job_zone_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.soc_code} {self.title}"

    @property
    def onet_source_urls(self) -> list[str]:
        return [url.strip() for url in self.onet_source_url.split(";") if url.strip()]


class Skill(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    occupations = models.ManyToManyField(Occupation, related_name="skills", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FundingKind(models.TextChoices):
    WIOA_ITA = "wioa_ita", _("WIOA Individual Training Account")
    PELL = "pell", _("Pell Grant")
    WORKFORCE_PELL = "workforce_pell", _("Workforce Pell")
    VETERANS = "veterans", _("GI Bill and other veterans' benefits")
    APPRENTICESHIP = "apprenticeship", _("Registered Apprenticeship")
    EMPLOYER = "employer", _("Employer tuition assistance")
    STATE = "state", _("State program")
    SCHOLARSHIP = "scholarship", _("Scholarship")


class FundingStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed to new applicants")
    PENDING = "pending", _("Not started yet")


class AgencyLevel(models.TextChoices):
    FEDERAL = "federal", _("Federal")
    STATE = "state", _("State")
    LOCAL = "local", _("Local")
    EMPLOYER = "employer", _("Employer")
    PRIVATE = "private", _("Private or nonprofit")


class AmountPeriod(models.TextChoices):
    PER_YEAR = "per_year", _("per calendar year")
    PER_AWARD_YEAR = "per_award_year", _("per award year")
    PER_PROGRAM = "per_program", _("per program")
    PER_PROGRAM_YEAR = "per_program_year", _("per program year")
    VARIES = "varies", _("varies")


class Coverage(models.TextChoices):
    TUITION = "tuition", _("Tuition")
    FEES = "fees", _("Fees")
    BOOKS = "books", _("Books and supplies")
    EXAM_FEES = "exam_fees", _("Exam fees")
    HOUSING = "housing", _("Housing stipend")
    WAGES = "wages", _("Wages while you learn")


class EmploymentStatus(models.TextChoices):
    """Screener answer; also the statuses a source is open to."""

    EMPLOYED = "employed", _("Working")
    UNEMPLOYED = "unemployed", _("Not working, looking for work")
    DISLOCATED = "dislocated", _("Laid off or lost my job (dislocated worker)")
    NOT_IN_LABOR_FORCE = "not_looking", _("Not working and not looking")


class IncomeBand(models.TextChoices):
    LOW = "low", _("Low income (for example, you get SNAP, TANF or SSI)")
    MODERATE = "moderate", _("Moderate income")
    HIGHER = "higher", _("Higher income")
    UNSURE = "unsure", _("Not sure")


class IncomeTest(models.TextChoices):
    NONE = "", _("No income rule")
    PRIORITY = "priority", _("Low income gives priority")
    NEED_BASED = "need_based", _("Based on financial need (FAFSA)")


class PriorDegreeRule(models.TextChoices):
    ANY = "", _("No rule about earlier degrees")
    NO_BACHELOR = "no_bachelor", _("Only for people without a bachelor's degree")


class FundingSource(models.Model):
    """A way to pay for training; eligibility rules are kept structured so a screener can ask."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=FundingKind.choices)
    summary = models.TextField(_("summary"), blank=True)
    agency = models.CharField(_("administering agency"), max_length=200, blank=True)
    status = models.CharField(
        max_length=10, choices=FundingStatus.choices, default=FundingStatus.ACTIVE
    )
    status_since = models.DateField(null=True, blank=True)
    max_amount_note = models.CharField(_("maximum amount note"), max_length=300, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_confidence = models.CharField(max_length=12, choices=Confidence.choices, blank=True)
    last_verified_on = models.DateField(null=True, blank=True)

    agency_level = models.CharField(max_length=10, choices=AgencyLevel.choices, blank=True)
    # The state that runs it (a state program, or a state's share of a federal one); empty for
    # national sources. Residency rules stay in `states`.
    state = models.CharField(max_length=2, blank=True, db_index=True)
    status_until = models.DateField(null=True, blank=True)
    status_note = models.CharField(_("status note"), max_length=300, blank=True)
    max_amount_period = models.CharField(max_length=20, choices=AmountPeriod.choices, blank=True)
    amount_varies_by_place = models.BooleanField(default=False)
    covers = ArrayField(
        models.CharField(max_length=12, choices=Coverage.choices), default=list, blank=True
    )
    covers_note = models.CharField(_("what it covers"), max_length=300, blank=True)

    # Who is eligible. An empty list or a null bound means "no rule", never "unknown":
    # unknown rules are written in eligibility_note and the source is marked to verify.
    veteran_required = models.BooleanField(default=False)
    income_test = models.CharField(
        max_length=12, choices=IncomeTest.choices, blank=True, default=IncomeTest.NONE
    )
    # Dislocated workers qualify on that ground alone (WIOA), whatever their income.
    dislocated_eligible = models.BooleanField(default=False)
    employment_statuses = ArrayField(
        models.CharField(max_length=12, choices=EmploymentStatus.choices), default=list, blank=True
    )
    min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True)
    states = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    prior_degree_rule = models.CharField(
        max_length=12, choices=PriorDegreeRule.choices, blank=True, default=PriorDegreeRule.ANY
    )
    employer_required = models.BooleanField(default=False)
    eligibility_note = models.TextField(_("who is eligible"), blank=True)

    # Which programs qualify.
    requires_etpl = models.BooleanField(_("program must be on the state ETPL"), default=False)
    # Pell and Workforce Pell pay only at schools that take federal student aid (Title IV).
    requires_title_iv = models.BooleanField(
        _("school must take federal student aid (Title IV)"), default=False
    )
    # GI Bill benefits pay only for programs approved for VA education benefits.
    requires_va_approval = models.BooleanField(
        _("program must be approved for VA education benefits"), default=False
    )
    # Amounts, hour and week limits, outcome thresholds and start dates are FundingFact rows
    # (one per fact, with its award year and source), never columns here.
    credential_types = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    program_note = models.TextField(_("which programs qualify"), blank=True)
    combine_note = models.TextField(_("combining with other aid"), blank=True)

    other_source_urls = ArrayField(models.URLField(max_length=500), default=list, blank=True)
    source_note = models.CharField(_("source note"), max_length=300, blank=True)
    # When the facts were read from the cited page; last_verified_on stays empty until someone
    # checks them with the administering agency itself.
    source_read_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            range_ordered("min_age", "max_age", name="funding_age_range_ordered"),
            models.CheckConstraint(
                condition=models.Q(state="") | models.Q(state__regex=r"^[A-Z]{2}$"),
                name="funding_state_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def covers_labels(self) -> list[str]:
        return [str(Coverage(c).label) for c in self.covers if c in Coverage.values]

    @property
    def to_verify(self) -> bool:
        return self.source_confidence == Confidence.UNCONFIRMED

    @property
    def residency_states(self) -> list[str]:
        """The states whose residents it serves (a state source serves its own state)."""
        return self.states or ([self.state] if self.state else [])

    def fact(self, key: str, *, on: "dt.date") -> "FundingFact | None":
        """The fact for this key in effect on a date, from prefetched facts; None if none is."""
        for fact in self.facts.all():  # newest award year first (Meta.ordering)
            if fact.key == key and fact.in_effect(on=on):
                return fact
        return None

    def usable_value(self, key: str, *, on: "dt.date") -> "Decimal | None":
        """A confirmed figure in effect on a date; an unconfirmed one is never computed with."""
        fact = self.fact(key, on=on)
        return fact.value if fact is not None and fact.usable else None


class FactKey(models.TextChoices):
    """What a funding fact states; the screener's rules read facts by these keys."""

    MAX_AWARD = "max_award", _("Most it pays")
    MIN_AWARD = "min_award", _("Least it pays when you qualify")
    MIN_CLOCK_HOURS = "min_clock_hours", _("Fewest clock hours a program may have")
    MAX_CLOCK_HOURS = "max_clock_hours", _("Most clock hours a program may have")
    MIN_WEEKS = "min_weeks", _("Fewest weeks a program may last")
    WEEKS_LESS_THAN = "weeks_less_than", _("A program must last fewer weeks than")
    MIN_COMPLETION_PCT = "min_completion_pct", _("Lowest completion rate allowed")
    MIN_PLACEMENT_PCT = "min_placement_pct", _("Lowest job placement rate allowed")
    STARTS_ON = "starts_on", _("First day it pays")
    BENEFIT_SHARE = "benefit_share", _("Share of the full benefit")
    PUBLIC_TUITION = "public_tuition", _("Tuition at public schools")
    PROVIDER_RULE = "provider_rule", _("Which schools or providers")
    LIFETIME_LIMIT = "lifetime_limit", _("Lifetime limit")
    AMOUNT_RULE = "amount_rule", _("Who sets the amount")
    STATUS = "status", _("Status")


class FactUnit(models.TextChoices):
    USD = "usd", _("US dollars")
    CLOCK_HOURS = "clock_hours", _("clock hours")
    WEEKS = "weeks", _("weeks")
    PERCENT = "percent", _("percent")
    DATE = "date", _("date")
    TEXT = "text", _("words only")


class FundingFactQuerySet(models.QuerySet["FundingFact"]):
    def in_effect(self, *, on: "dt.date") -> "FundingFactQuerySet":
        """Facts whose award year (or other period) includes the date."""
        return self.filter(
            models.Q(effective_from__isnull=True) | models.Q(effective_from__lte=on),
            models.Q(effective_until__isnull=True) | models.Q(effective_until__gte=on),
        )


class FundingFact(models.Model):
    """One fact about a funding source, as its agency (or the statute) states it.

    A new award year's figure is a new row; the screener uses the row in effect on the day and
    only when it was verified at the agency's own page or in the law.
    """

    source = models.ForeignKey(FundingSource, on_delete=models.CASCADE, related_name="facts")
    key = models.CharField(max_length=30, choices=FactKey.choices)
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    value_date = models.DateField(null=True, blank=True)
    unit = models.CharField(max_length=12, choices=FactUnit.choices)
    # The fact in plain words, as shown ("Up to $7,395 for the 2026-27 award year").
    text = models.CharField(_("what it says"), max_length=400)
    # The period it applies to, as the agency names it ("2026-27", "2026", "Aug 2025-Jul 2026"),
    # and the same period as dates; empty for a standing rule.
    award_year = models.CharField(max_length=30, blank=True)
    effective_from = models.DateField(null=True, blank=True)
    effective_until = models.DateField(null=True, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_title = models.CharField(max_length=300, blank=True)
    read_on = models.DateField(null=True, blank=True)
    confidence = models.CharField(max_length=12, choices=Confidence.choices, blank=True)
    note = models.CharField(_("note"), max_length=400, blank=True)

    objects = FundingFactQuerySet.as_manager()

    class Meta:
        ordering = ["source", "key", models.F("effective_from").desc(nulls_last=True)]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "key", "award_year"], name="funding_fact_once_per_year"
            ),
            range_ordered("effective_from", "effective_until", name="funding_fact_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.source.slug} {self.key} {self.award_year}".strip()

    @property
    def usable(self) -> bool:
        """Verified at the agency's page or in the law: only such a fact enters a computed amount
        or a rule; one read in a copy or a summary (secondary) is shown, never counted."""
        return self.confidence == Confidence.VERIFIED and self.value is not None

    @property
    def why_not_counted(self) -> str:
        """Why this fact's figure is not counted, in words and without the figure."""
        if self.usable:
            return ""
        return self.note or self.text

    def in_effect(self, *, on: "dt.date") -> bool:
        return (self.effective_from is None or self.effective_from <= on) and (
            self.effective_until is None or self.effective_until >= on
        )


class FundingApplyStep(models.Model):
    """One step of how to apply, in order."""

    funding_source = models.ForeignKey(
        FundingSource, on_delete=models.CASCADE, related_name="apply_steps"
    )
    order = models.PositiveSmallIntegerField()
    text = models.CharField(_("step"), max_length=400)

    class Meta:
        ordering = ["funding_source", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["funding_source", "order"], name="funding_apply_step_order_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.text}"


class StepKind(models.TextChoices):
    TRAINING = "training", _("Training or credential")
    ENTRY_JOB = "entry_job", _("Entry job")
    EXPERIENCE = "experience", _("Experience")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")


class PathwayQuerySet(models.QuerySet["Pathway"]):
    def with_steps(self) -> "PathwayQuerySet":
        return self.select_related("occupation").prefetch_related("steps")


class Pathway(models.Model):
    """How a person starting at one education level can reach one occupation."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="pathways")
    education_level = models.CharField(max_length=20, choices=EducationLevel.choices)
    summary = models.TextField(_("summary"), blank=True)
    is_sample = models.BooleanField(
        default=False, help_text=_("Written as an example; shown with a 'sample' label.")
    )
    is_synthetic = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PathwayQuerySet.as_manager()

    class Meta:
        ordering = ["occupation__soc_code", "education_level"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "education_level"], name="pathway_one_per_level"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation.soc_code} from {self.get_education_level_display()}"


class PathwayStep(models.Model):
    """One ordered step; credentials fit it by slug or by catalog category and level."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=StepKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    min_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    max_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    min_cost_usd = models.PositiveIntegerField(null=True, blank=True)
    max_cost_usd = models.PositiveIntegerField(null=True, blank=True)
    cost_note = models.CharField(_("cost note"), max_length=300, blank=True)
    cost_source_url = models.URLField(max_length=500, blank=True)
    cost_source_date = models.CharField(max_length=60, blank=True)
    credential_slugs = ArrayField(models.SlugField(max_length=120), default=list, blank=True)
    credential_category = models.CharField(max_length=30, blank=True)
    credential_level = models.CharField(max_length=20, blank=True)
    job_occupation = models.ForeignKey(
        Occupation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pathway", "order"]
        constraints = [
            models.UniqueConstraint(fields=["pathway", "order"], name="pathway_step_order_unique"),
            range_ordered("min_weeks", "max_weeks", name="pathway_step_weeks_ordered"),
            range_ordered("min_cost_usd", "max_cost_usd", name="pathway_step_cost_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"

    @property
    def wants_credentials(self) -> bool:
        return bool(self.credential_slugs or self.credential_category)


# Public data (load record, CIP, crosswalk, places) lives in its own package.
from .publicdata.models import (  # noqa: E402, F401
    Cip,
    CipSoc,
    DataLoad,
    EducationShare,
    OccupationTask,
    OccupationTitle,
    Projection,
    RelatedOccupation,
    TechnologySkill,
    Wage,
    Zcta,
)
