"""The base vocabulary: occupations (SOC 2018), skills, education levels and funding sources."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class OccupationQuerySet(models.QuerySet["Occupation"]):
    def bright_outlook(self) -> "OccupationQuerySet":
        return self.filter(bright_outlook=True)


class Occupation(models.Model):
    """A SOC 2018 occupation with its published figures, each with source, vintage and URL."""

    soc_code = models.CharField(_("SOC code"), max_length=7, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("plain description"), blank=True)

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

    objects = OccupationQuerySet.as_manager()

    class Meta:
        ordering = ["soc_code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soc_code__regex=r"^\d{2}-\d{4}$"),
                name="occupation_soc_code_form",
            ),
            models.CheckConstraint(
                condition=models.Q(job_zone__isnull=True) | models.Q(job_zone__range=(1, 5)),
                name="occupation_job_zone_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.soc_code} {self.title}"


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
    max_amount_usd = models.PositiveIntegerField(null=True, blank=True)
    max_amount_note = models.CharField(_("maximum amount note"), max_length=300, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_confidence = models.CharField(max_length=12, choices=Confidence.choices, blank=True)
    last_verified_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
