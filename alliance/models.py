"""The Alliance: member organisations, their people, certification decisions and recognitions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from credentials.models import Credential


class MemberKind(models.TextChoices):
    EMPLOYER = "employer", _("Employer")
    ACADEMIA = "academia", _("Academia")
    GOVERNMENT = "government", _("Government")
    NONPROFIT = "nonprofit", _("Nonprofit")
    INVESTOR = "investor", _("Investor")


class MemberSize(models.TextChoices):
    SMALL_MEDIUM = "small_medium", _("Small or medium")
    LARGE = "large", _("Large")


class Member(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=MemberKind.choices)
    size = models.CharField(max_length=20, choices=MemberSize.choices)
    naics_code = models.CharField(_("NAICS code"), max_length=6, blank=True)
    state = models.CharField(max_length=2, blank=True)
    website = models.URLField(max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    joined_on = models.DateField(null=True, blank=True)
    # Own figures go public only if the member opted in and they pass suppression.
    publish_own_figures = models.BooleanField(default=False)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Member admin")
    SUBMITTER = "submitter", _("Data submitter")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=MembershipRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "member"], name="membership_once_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.member} ({self.role})"


class CertificationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    UNDER_REVIEW = "under_review", _("Under review")
    CERTIFIED = "certified", _("Certified")
    NOT_CERTIFIED = "not_certified", _("Not certified")
    LAPSED = "lapsed", _("Lapsed (review due)")


class CertificationDecision(models.Model):
    """One step in a credential's certification history; the newest row is its current status."""

    credential = models.ForeignKey(
        Credential, on_delete=models.CASCADE, related_name="certification_decisions"
    )
    status = models.CharField(max_length=16, choices=CertificationStatus.choices)
    decided_on = models.DateField()
    effective_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["credential", "-decided_on", "-created_at"]
        get_latest_by = ["decided_on", "created_at"]

    def __str__(self) -> str:
        return f"{self.credential}: {self.status} ({self.decided_on})"


class RecognitionKind(models.TextChoices):
    REQUIRES = "requires", _("Requires it")
    PREFERS = "prefers", _("Prefers it")
    ACCEPTS = "accepts", _("Accepts it")
    HAS_HIRED = "has_hired", _("Hired people holding it in the last year")


class CredentialRecognition(models.Model):
    """A member says how it treats a credential when hiring."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="recognitions")
    credential = models.ForeignKey(
        Credential, on_delete=models.CASCADE, related_name="recognitions"
    )
    kind = models.CharField(max_length=12, choices=RecognitionKind.choices)
    stated_on = models.DateField()
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["credential", "member"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "credential", "kind"], name="recognition_once_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.kind} {self.credential}"


class AuditEntry(models.Model):
    """Who did what, when, to which object, with the state before and after (append-only)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=60)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"
