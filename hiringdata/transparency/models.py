"""Transparency reports: versions, published tables and their disclosure audit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class TransparencyReportQuerySet(models.QuerySet["TransparencyReport"]):
    def published(self) -> "TransparencyReportQuerySet":
        return self.filter(status=ReportStatus.PUBLISHED)


class TransparencyReport(models.Model):
    """One build of one year's report; published versions are frozen by a database trigger."""

    year = models.PositiveSmallIntegerField()
    version = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default="draft")
    built_at = models.DateTimeField()
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # SHA-256 of the accepted cells the report was built from: same input, same fingerprint.
    input_fingerprint = models.CharField(max_length=64)
    # Counts that are not tables: members reporting, hires, submissions, commitments if known.
    summary = models.JSONField(default=dict)
    is_synthetic = models.BooleanField(default=False)
    # The accepted submissions the version was built from (never public): later versions are
    # audited against it, since hires from a submission both used are the same people.
    submission_ids = models.JSONField(default=list, blank=True)
    # Who asked for this build (the Celery task id): a task delivered twice builds one version.
    build_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    objects = TransparencyReportQuerySet.as_manager()

    class Meta:
        # Created as hiringdata's (migrations 0100-0101); the table and its trigger kept the name.
        db_table = "hiringdata_transparencyreport"
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "version"], name="report_one_version_number"),
            models.UniqueConstraint(
                fields=["build_key"],
                condition=~models.Q(build_key=""),
                name="report_one_version_per_build_key",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(published_at__isnull=False),
                name="report_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} v{self.version} ({self.status})"

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class ReportTable(models.Model):
    """One table of a report: shown cells and withheld reasons only, plus its audit."""

    report = models.ForeignKey(TransparencyReport, on_delete=models.CASCADE, related_name="tables")
    key = models.SlugField(max_length=120)
    position = models.PositiveSmallIntegerField()
    # None: Alliance-wide; else the opted-in member whose own figures these are.
    member = models.ForeignKey(
        "alliance.Member", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Passed tables are published; failed or dropped ones keep only why (no numbers at all).
    passed = models.BooleanField()
    dropped_reason = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict)
    audit = models.JSONField(default=dict)

    class Meta:
        db_table = "hiringdata_reporttable"
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="reporttable_key_once"),
            models.CheckConstraint(
                condition=models.Q(passed=False) | models.Q(dropped_reason=""),
                name="reporttable_passed_not_dropped",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.key}"
