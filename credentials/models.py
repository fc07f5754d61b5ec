"""Providers and the credentials they offer. Cost, outcomes and the comparison index extend this."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from pathways.models import FundingSource, Occupation, Skill


class ProviderKind(models.TextChoices):
    BOOTCAMP = "bootcamp", _("Bootcamp")
    COMMUNITY_COLLEGE = "community_college", _("Community college")
    UNIVERSITY = "university", _("University")
    CERTIFICATION_BODY = "certification_body", _("Certification body")
    EMPLOYER = "employer", _("Employer")
    ONLINE_PLATFORM = "online_platform", _("Online platform")
    NONPROFIT = "nonprofit", _("Nonprofit")
    APPRENTICESHIP_SPONSOR = "apprenticeship_sponsor", _("Apprenticeship sponsor")


class Provider(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=ProviderKind.choices)
    website = models.URLField(max_length=500, blank=True)
    states_served = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    accreditation = models.CharField(max_length=300, blank=True)
    ctdl_id = models.CharField(_("CTDL id"), max_length=80, blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

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


class Category(models.TextChoices):
    CYBERSECURITY = "cybersecurity", _("Cybersecurity")
    IT_SUPPORT = "it_support", _("IT support")
    NETWORKING = "networking", _("Networking")
    CLOUD = "cloud", _("Cloud")
    WEB_DEVELOPMENT = "web_development", _("Web development")
    SOFTWARE_DEVELOPMENT = "software_development", _("Software development")
    DATA = "data", _("Data")
    UX = "ux", _("UX design")


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
    duration_note = models.TextField(_("duration note"), blank=True)
    exam_required = models.BooleanField(null=True)
    renewal_rule = models.TextField(_("renewal rule"), blank=True)
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    summary = models.TextField(_("plain summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    skills = models.ManyToManyField(Skill, related_name="credentials", blank=True)
    occupations = models.ManyToManyField(Occupation, related_name="credentials", blank=True)
    funding_sources = models.ManyToManyField(FundingSource, related_name="credentials", blank=True)
    official_url = models.URLField(max_length=500, blank=True)
    video_url = models.URLField(max_length=500, blank=True)
    captions_url = models.URLField(max_length=500, blank=True)
    ctdl_id = models.CharField(_("CTDL id"), max_length=80, blank=True)
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

    def __str__(self) -> str:
        return self.name


# Plans live in their own module; keep this import last.
from .plan_models import *  # noqa: E402, F403
