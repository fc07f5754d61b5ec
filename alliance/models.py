"""The Alliance: member organisations, their people, certification decisions and recognitions."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from credentials.models import CertificationStatus, Credential
from pathways.models import Occupation

__all__ = ["CertificationStatus"]  # the index's vocabulary, decided here (credentials.models)


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


# "The newest decision wins": the newest decided_on, then the newest row (created_at, id), so
# two decisions on one day never tie.
NEWEST_DECISION_FIRST = ("-decided_on", "-created_at", "-id")


class CertificationDecisionQuerySet(models.QuerySet["CertificationDecision"]):
    def newest_first(self) -> "CertificationDecisionQuerySet":
        return self.order_by(*NEWEST_DECISION_FIRST)

    def current(self) -> "CertificationDecisionQuerySet":
        """Each credential's current decision (narrow by credential before, by anything after)."""
        newest = self.order_by("credential_id", *NEWEST_DECISION_FIRST).distinct("credential_id")
        return self.model._default_manager.filter(id__in=newest.values("id"))  # type: ignore[return-value]

    @staticmethod
    def active_on_q(day: date, prefix: str = "") -> models.Q:
        """A certification is active on a day: certified, in effect and not yet expired."""
        return (
            models.Q(**{f"{prefix}status": CertificationStatus.CERTIFIED})
            & (
                models.Q(**{f"{prefix}effective_on__isnull": True})
                | models.Q(**{f"{prefix}effective_on__lte": day})
            )
            & (
                models.Q(**{f"{prefix}expires_on__isnull": True})
                | models.Q(**{f"{prefix}expires_on__gte": day})
            )
        )

    def active_on(self, day: date) -> "CertificationDecisionQuerySet":
        return self.filter(self.active_on_q(day))

    def with_active_on(self, day: date) -> "CertificationDecisionQuerySet":
        """Annotate is_active: the same rule as active_on, as a column (for the index's SQL)."""
        return self.annotate(
            is_active=models.ExpressionWrapper(
                self.active_on_q(day), output_field=models.BooleanField()
            )
        )


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
    # Added by the workflow (nullable, so the comparison index's SQL over the columns above holds).
    next_review_on = models.DateField(null=True, blank=True)
    review_due_since = models.DateField(null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_synthetic = models.BooleanField(default=False)

    objects = CertificationDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["credential", *NEWEST_DECISION_FIRST]
        get_latest_by = ["decided_on", "created_at", "id"]

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


class LimitCounter(models.Model):
    """One rate-limit counter (sign-in failures, reset requests) and the end of its window.

    Kept in PostgreSQL, not the cache: a limit must hold while Redis is down.
    """

    key = models.CharField(max_length=80, primary_key=True)
    count = models.PositiveIntegerField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}={self.count}"


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


class CertificationVoteChoice(models.TextChoices):
    FOR = "for", _("For certifying")
    AGAINST = "against", _("Against certifying")
    ABSTAIN = "abstain", _("Abstain")


class CertificationVote(models.Model):
    """A task-force member's vote during one review (the 'under review' decision row)."""

    review = models.ForeignKey(
        CertificationDecision, on_delete=models.CASCADE, related_name="votes"
    )
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=8, choices=CertificationVoteChoice.choices)
    comment = models.CharField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["review", "voter"], name="certification_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.voter} {self.choice} ({self.review_id})"


class Convening(models.Model):
    """The Alliance's yearly meeting: where commitments are made and awards given."""

    year = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField()
    place = models.CharField(_("place"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True)
    report_url = models.CharField(max_length=300, blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class Award(models.Model):
    convening = models.ForeignKey(Convening, on_delete=models.CASCADE, related_name="awards")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="awards")
    title = models.CharField(_("title"), max_length=200)
    # How the winner was chosen and which figures it rests on: an award without them is hearsay.
    method = models.TextField(_("method"))
    figures_url = models.CharField(max_length=300, blank=True)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["convening", "title"]

    def __str__(self) -> str:
        return f"{self.title}: {self.member}"


class CommitmentKind(models.TextChoices):
    HIRING_STANDARDS = "hiring_standards", _("Be open about our hiring standards")
    HIRING_DATA = "hiring_data", _("Publish our hiring data within one year of the convening")
    APPRENTICESHIP = "apprenticeship", _("Run an apprenticeship program")
    RECRUITER_INCENTIVES = "recruiter_incentives", _("Reward recruiters for skills-based hiring")
    MIDCAREER_LEADERSHIP = "midcareer_leadership", _("Grow mid-career people into leaders")
    PARTNERSHIPS = "partnerships", _("Partner with HBCUs and community colleges")


# Every member makes these two; the others are optional.
REQUIRED_COMMITMENTS = (CommitmentKind.HIRING_STANDARDS, CommitmentKind.HIRING_DATA)


class CommitmentStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    DATA_SUBMITTED = "data_submitted", _("Done: data submitted")
    OVERDUE = "overdue", _("Overdue")


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def with_board_status(self, *, today: date) -> "CommitmentQuerySet":
        """Annotate board_status: done when marked so, else overdue or on track by the deadline.

        A hiring-data commitment is marked done by the hiring-data app when it accepts a file
        (alliance.services.commitments_hiring_data_filed): the layer above tells this one.
        """
        return self.annotate(
            board_status=models.Case(
                models.When(
                    status=CommitmentStatus.DATA_SUBMITTED,
                    then=models.Value(CommitmentStatus.DATA_SUBMITTED),
                ),
                models.When(deadline__lt=today, then=models.Value(CommitmentStatus.OVERDUE)),
                default=models.Value(CommitmentStatus.ON_TRACK),
                output_field=models.CharField(),
            )
        )


class Commitment(models.Model):
    """A promise a member makes in public, signed by one of its admins, with a deadline."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="commitments")
    kind = models.CharField(max_length=24, choices=CommitmentKind.choices)
    convening = models.ForeignKey(
        Convening, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    deadline = models.DateField()
    signed_on = models.DateField()
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField(max_length=200)
    signer_title = models.CharField(max_length=200, blank=True)
    note = models.CharField(max_length=1000, blank=True)
    # Stored: only 'on_track' or 'data_submitted' (staff may set it in the admin; a hiring-data
    # commitment is set done when an accepted file arrives, commitments_hiring_data_filed);
    # 'overdue' is computed against the deadline when read, so it never goes stale.
    status = models.CharField(
        max_length=16, choices=CommitmentStatus.choices, default=CommitmentStatus.ON_TRACK
    )
    done_on = models.DateField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["member", "deadline", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind", "deadline"], name="commitment_once_per_deadline"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="overdue"), name="commitment_overdue_is_computed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.kind} by {self.deadline}"

    @property
    def is_required(self) -> bool:
        return self.kind in REQUIRED_COMMITMENTS


class HiringStandardStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for task-force review")
    APPROVED = "approved", _("Approved and published")


class HiringStandardQuerySet(models.QuerySet["HiringStandard"]):
    def approved(self) -> "HiringStandardQuerySet":
        return self.filter(status=HiringStandardStatus.APPROVED)


class HiringStandard(models.Model):
    """'The unwritten rules' for one occupation, written by a member, approved by the task force.

    List fields hold one item per line (interview questions as 'Type: example question').
    """

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="hiring_standards"
    )
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="hiring_standards")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    credentials_valued = models.ManyToManyField(Credential, related_name="+", blank=True)
    credentials_note = models.TextField(_("credentials valued"), max_length=2000, blank=True)
    portfolio_items = models.TextField(_("portfolio items"), max_length=4000, blank=True)
    interview_questions = models.TextField(_("interview questions"), max_length=4000, blank=True)
    screening_steps = models.TextField(_("screening steps"), max_length=4000, blank=True)
    degree_required = models.BooleanField(default=False)
    status = models.CharField(
        max_length=12, choices=HiringStandardStatus.choices, default=HiringStandardStatus.DRAFT
    )
    review_note = models.CharField(max_length=1000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HiringStandardQuerySet.as_manager()

    class Meta:
        ordering = ["occupation", "-approved_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(approved_on__isnull=False),
                name="hiring_standard_approved_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    """A member admin asks someone to join; the emailed link carries a signed token of its id."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(max_length=254)
    role = models.CharField(max_length=12, choices=MembershipRole.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} -> {self.member} ({self.role})"


class ReminderSent(models.Model):
    """One reminder mail, once: the key names what it was about, for which date and notice
    ("meeting-…", "review-…" to the task force; "commitment-…", "milestone-…" to a member's
    admins). Claimed before sending (alliance.taskforce.reminders.reminders_send_once)."""

    key = models.CharField(max_length=120, unique=True)
    recipients = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key
