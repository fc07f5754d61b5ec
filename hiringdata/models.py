"""Hiring-data submissions (raw file kept), their row-level problems and the aggregated cells."""

from django.conf import settings
from django.contrib.postgres.indexes import BrinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.models import Member
from credentials.models import Credential


class JobCategory(models.TextChoices):
    EXEC_SENIOR_MANAGERS = "exec_senior_managers", _("Executive/senior officials and managers")
    FIRST_MID_MANAGERS = "first_mid_managers", _("First/mid-level officials and managers")
    PROFESSIONALS = "professionals", _("Professionals")
    TECHNICIANS = "technicians", _("Technicians")
    SALES_WORKERS = "sales_workers", _("Sales workers")
    ADMINISTRATIVE_SUPPORT = "administrative_support", _("Administrative support workers")
    CRAFT_WORKERS = "craft_workers", _("Craft workers")
    OPERATIVES = "operatives", _("Operatives")
    LABORERS_HELPERS = "laborers_helpers", _("Laborers and helpers")
    SERVICE_WORKERS = "service_workers", _("Service workers")


class RaceEthnicity(models.TextChoices):
    HISPANIC_LATINO = "hispanic_latino", _("Hispanic or Latino")
    WHITE = "white", _("White")
    BLACK_AFRICAN_AMERICAN = "black_african_american", _("Black or African American")
    NATIVE_HAWAIIAN_PACIFIC_ISLANDER = (
        "native_hawaiian_pacific_islander",
        _("Native Hawaiian or Other Pacific Islander"),
    )
    ASIAN = "asian", _("Asian")
    AMERICAN_INDIAN_ALASKA_NATIVE = (
        "american_indian_alaska_native",
        _("American Indian or Alaska Native"),
    )
    TWO_OR_MORE = "two_or_more", _("Two or more races")
    NOT_DISCLOSED = "not_disclosed", _("Not disclosed")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    ANOTHER = "another", _("Another sex")
    NOT_DISCLOSED = "not_disclosed", _("Not disclosed")


class Education(models.TextChoices):
    LESS_THAN_HIGH_SCHOOL = "less_than_high_school", _("Less than high school")
    HIGH_SCHOOL = "high_school", _("High school or GED")
    SOME_COLLEGE = "some_college", _("Some college")
    ASSOCIATE = "associate", _("Associate degree")
    BACHELOR = "bachelor", _("Bachelor's degree")
    GRADUATE = "graduate", _("Graduate degree")
    NOT_DISCLOSED = "not_disclosed", _("Not disclosed")


class TrainingPathway(models.TextChoices):
    FOUR_YEAR_DEGREE = "four_year_degree", _("Four-year degree")
    TWO_YEAR_DEGREE = "two_year_degree", _("Two-year degree")
    BOOTCAMP = "bootcamp", _("Bootcamp")
    INDUSTRY_CERTIFICATION = "industry_certification", _("Industry certification")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    MILITARY = "military", _("Military")
    EMPLOYER_TRAINING = "employer_training", _("Employer training")
    SELF_TAUGHT = "self_taught", _("Self-taught")
    OTHER = "other", _("Other")
    NOT_DISCLOSED = "not_disclosed", _("Not disclosed")


class SubmissionShape(models.TextChoices):
    RECORDS = "records", _("One row per hire")
    COUNTS = "counts", _("Counts per group")


class SubmissionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSING = "processing", _("Processing")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected: see the problems")
    SUPERSEDED = "superseded", _("Replaced by a newer file")
    FAILED = "failed", _("Could not be processed")


class Submission(models.Model):
    """One uploaded file for one member and reporting year; the raw bytes are kept privately."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="submissions")
    year = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.RECEIVED
    )
    shape = models.CharField(max_length=10, choices=SubmissionShape.choices, blank=True)
    original_filename = models.CharField(max_length=255)
    stored_path = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    size_bytes = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    hires_total = models.PositiveIntegerField(null=True, blank=True)
    cells_total = models.PositiveIntegerField(null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    is_synthetic = models.BooleanField(default=False)
    # Processing bookkeeping: when the last attempt began, how many there were, why it failed.
    started_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    failure_reason = models.CharField(max_length=40, blank=True)
    # Every problem is counted; at most HIRINGDATA_MAX_STORED_ISSUES of them are stored.
    issues_total = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="submission_status_created")]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "year", "sha256"], name="submission_same_bytes_once"
            ),
            models.UniqueConstraint(
                fields=["member", "year"],
                condition=models.Q(status="accepted"),
                name="submission_one_accepted_per_member_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.year} {self.original_filename} ({self.status})"


class ValidationIssue(models.Model):
    """One problem in a file, as the member sees it: row (header = 1), column, value, message."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="issues")
    row = models.PositiveIntegerField(null=True, blank=True)
    column = models.CharField(max_length=100, blank=True)
    value = models.CharField(max_length=300, blank=True)
    code = models.CharField(max_length=40)
    # What the message needs (value, year, first row...), so it can be shown in any language.
    params = models.JSONField(default=dict, blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["submission", "row", "id"]

    def __str__(self) -> str:
        return f"row {self.row} {self.column}: {self.message}"

    @property
    def text(self) -> str:
        """The message in the active language."""
        from .messages import issue_message

        return issue_message(self.code, self.params) or self.message


class HiringCount(models.Model):
    """Hires of one accepted submission in one group of the six dimensions; rows are never kept.

    The member and the year are the submission's (never stored twice, so never in conflict);
    the credential held is counted apart, in HiringCredentialCount.
    """

    # Storing a file's 170,000 cells must stay cheap (issue 16: the import within 3x a bare
    # COPY + GROUP BY), so the cell table carries no per-row work beyond its primary key:
    # - the submission is checked once per statement by the triggers of migration 0108 (a
    #   foreign key checks every row: 0.74 s of CPU for 173,568 cells, more than inserting
    #   them); Django still deletes the cells with their submission;
    # - a BRIN index finds a submission's cells: they are written together by one INSERT, so
    #   they sit in a few page ranges, and new ranges cost nothing until summarised;
    # - no unique index over the six dimensions: the import's GROUP BY makes one cell per
    #   group, and a seven-column text index doubled the cost of the insert.
    submission = models.ForeignKey(
        Submission,
        on_delete=models.CASCADE,
        related_name="counts",
        db_constraint=False,
        db_index=False,
    )
    soc_code = models.CharField(max_length=7)
    job_category = models.CharField(max_length=30, choices=JobCategory.choices)
    race_ethnicity = models.CharField(max_length=40, choices=RaceEthnicity.choices)
    sex = models.CharField(max_length=16, choices=Sex.choices)
    education = models.CharField(max_length=24, choices=Education.choices)
    training_pathway = models.CharField(max_length=30, choices=TrainingPathway.choices)
    hires = models.PositiveIntegerField()

    class Meta:
        indexes = [
            BrinIndex(fields=["submission"], autosummarize=True, name="hiringcount_submission")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hires__gte=0), name="hiringcount_hires_nonnegative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.submission_id}/{self.soc_code}/{self.training_pathway}: {self.hires}"


class HiringCredentialCount(models.Model):
    """Hires of one accepted submission by training pathway and credential held.

    A hire holding no credential (or a counts file, which has no credential column) is counted
    with credential None, so the hires of a pathway add up to the same total as its
    HiringCount cells.
    """

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="credential_counts", db_index=False
    )
    training_pathway = models.CharField(max_length=30, choices=TrainingPathway.choices)
    credential = models.ForeignKey(
        Credential, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    hires = models.PositiveIntegerField()

    class Meta:
        constraints = [
            # Starts with submission: also the index every lookup by submission uses.
            models.UniqueConstraint(
                fields=["submission", "training_pathway", "credential"],
                nulls_distinct=False,
                name="hiringcredentialcount_one_cell",
            ),
            models.CheckConstraint(
                condition=models.Q(hires__gte=0), name="hiringcredentialcount_hires_nonnegative"
            ),
            models.CheckConstraint(
                condition=models.Q(training_pathway__in=TrainingPathway.values),
                name="hiringcredentialcount_known_pathway",
            ),
        ]

    def __str__(self) -> str:
        held = self.credential_id or "-"
        return f"{self.submission_id}/{self.training_pathway}/{held}: {self.hires}"


class IdempotencyKey(models.Model):
    """An API client's Idempotency-Key: a retry with the same key gets the same submission."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    # SHA-256 of what the request asked for (member, year, file bytes); a different body is refused.
    fingerprint = models.CharField(max_length=64)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="+")
    response_status = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"
