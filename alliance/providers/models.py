"""Training providers' accounts, their submissions for review, evidence, and the task force's
review (assignment, comments, votes, decision); invitations, also those sent to fill a gap."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from credentials.models import OutcomeVocabulary, Provider, ProviderKind
from credentials.programs.models import Program
from pathways.models import EducationLevel, Occupation

__all__ = ["EducationLevel", "OutcomeVocabulary", "ProviderKind"]


class ProviderAccount(models.Model):
    """A person who acts for a training provider (a catalog Provider)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_accounts"
    )
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="accounts")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["provider", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "provider"], name="provider_account_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.provider}"


class GapStage(models.TextChoices):
    """How far an invitation got: sent, answered (accepted), a program sent, certified."""

    SENT = "sent", _("Invitation sent")
    ANSWERED = "answered", _("Answered")
    SUBMITTED = "submitted", _("Program sent for review")
    CERTIFIED = "certified", _("Program certified")


class InvitationQuerySet(models.QuerySet["ProviderInvitation"]):
    def with_stage(self) -> "InvitationQuerySet":
        """Annotate stage (GapStage): the furthest step reached, read from the submissions."""
        submissions = ProgramSubmission.objects.filter(invitation=models.OuterRef("pk"))
        return self.annotate(
            stage=models.Case(
                models.When(
                    models.Exists(submissions.filter(status=SubmissionStatus.APPROVED)),
                    then=models.Value(GapStage.CERTIFIED),
                ),
                models.When(models.Exists(submissions), then=models.Value(GapStage.SUBMITTED)),
                models.When(accepted_at__isnull=False, then=models.Value(GapStage.ANSWERED)),
                default=models.Value(GapStage.SENT),
                output_field=models.CharField(),
            )
        )


class ProviderInvitation(models.Model):
    """The task force invites a provider (optionally to fill one gap); a signed link, used once."""

    email = models.EmailField(max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(max_length=30, choices=ProviderKind.choices)
    # An existing catalog provider to act for; empty: one is created when the link is used.
    provider = models.ForeignKey(
        Provider, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )
    # The gap it asks to fill (an occupation, for people starting at one education level).
    occupation = models.ForeignKey(
        Occupation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    education_level = models.CharField(max_length=20, choices=EducationLevel.choices, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_synthetic = models.BooleanField(default=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(occupation__isnull=True, education_level="")
                | models.Q(occupation__isnull=False),
                name="provider_invitation_level_needs_occupation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.organisation})"

    @property
    def stage_label(self) -> str:
        """The stage in words (read from the with_stage() annotation)."""
        stage = getattr(self, "stage", None)
        return str(GapStage(stage).label) if stage in GapStage.values else ""


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Sent, waiting for a reviewer")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved and published")
    REJECTED = "rejected", _("Not approved")


# States in which the task force has not decided yet (votes may change, reviewers comment).
OPEN_STATUSES = (SubmissionStatus.SUBMITTED, SubmissionStatus.IN_REVIEW)
# States in which the provider may edit what it sent.
EDITABLE_STATUSES = (SubmissionStatus.SUBMITTED, SubmissionStatus.CHANGES_REQUESTED)


class SubmissionQuerySet(models.QuerySet["ProgramSubmission"]):
    def open(self) -> "SubmissionQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def for_provider_user(self, user: object) -> "SubmissionQuerySet":
        """Submissions of the providers this user acts for (the one rule pages and files ask)."""
        return self.filter(provider__accounts__user=user)


class ProgramSubmission(models.Model):
    """A program and one outcome report (CIRR or WIOA terms) a provider sends for review.

    It becomes a catalog Program (source "provider") only when the task force approves it.
    """

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="submissions")
    invitation = models.ForeignKey(
        ProviderInvitation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The program.
    name = models.CharField(_("program name"), max_length=300)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="+")
    cip_code = models.CharField(max_length=7)
    starting_education = models.CharField(max_length=20, choices=EducationLevel.choices, blank=True)
    credential_earned = models.CharField(max_length=300, blank=True)
    online = models.BooleanField(default=False)
    city = models.CharField(max_length=120, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField(max_length=5, blank=True)
    duration_weeks = models.DecimalField(max_digits=5, decimal_places=1)
    clock_hours = models.PositiveIntegerField(null=True, blank=True)
    total_cost_usd = models.DecimalField(max_digits=10, decimal_places=2)
    website = models.URLField(max_length=500, blank=True)
    # The outcome report, in the terms of one standard.
    vocabulary = models.CharField(
        max_length=10,
        choices=[(OutcomeVocabulary.CIRR, OutcomeVocabulary.CIRR.label),
                 (OutcomeVocabulary.WIOA, OutcomeVocabulary.WIOA.label)],
    )  # fmt: skip
    period = models.CharField(_("period"), max_length=120)
    enrolled = models.PositiveIntegerField(null=True, blank=True)
    graduated_on_time_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    employed_in_field_180_days_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    median_starting_salary_usd = models.PositiveIntegerField(null=True, blank=True)
    employment_rate_q2_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    employment_rate_q4_pct = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    median_earnings_q2_usd = models.PositiveIntegerField(null=True, blank=True)
    # The review.
    status = models.CharField(
        max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_reason = models.TextField(max_length=2000, blank=True)
    outcomes_verified = models.BooleanField(default=False)
    program = models.OneToOneField(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="submission"
    )
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_weeks__gt=0) & models.Q(total_cost_usd__gte=0),
                name="submission_length_and_cost_sane",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["approved", "rejected", "changes_requested"])
                | models.Q(decided_on__isnull=False),
                name="submission_decision_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.provider})"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Evidence(models.Model):
    """A file backing the outcome report, kept in private storage (never served by URL)."""

    submission = models.ForeignKey(
        ProgramSubmission, on_delete=models.CASCADE, related_name="evidence"
    )
    stored_path = models.CharField(max_length=300)
    original_filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "created_at", "id"]

    def __str__(self) -> str:
        return self.original_filename


class ReviewComment(models.Model):
    """A reviewer's note: for the task force only, or shown to the provider."""

    submission = models.ForeignKey(
        ProgramSubmission, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=4000)
    for_provider = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


class ReviewVoteChoice(models.TextChoices):
    APPROVE = "approve", _("Approve")
    CHANGES = "changes", _("Ask for changes")
    REJECT = "reject", _("Reject")


class ReviewVote(models.Model):
    """One task-force member's vote on one submission; changed in place until the decision."""

    submission = models.ForeignKey(
        ProgramSubmission, on_delete=models.CASCADE, related_name="votes"
    )
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=ReviewVoteChoice.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["submission", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "voter"], name="review_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.voter} {self.choice} ({self.submission_id})"
