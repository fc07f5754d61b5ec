"""The task force at work: meetings every two months, their decisions and minutes, and the
high-demand job list as a dated, versioned decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.models import CertificationDecision, HiringStandard
from pathways.models import Occupation


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    """One task-force meeting; the minutes go public only once the task force approves them."""

    scheduled_for = models.DateField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_approved_on = models.DateField(null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Named for the alliance layer (tests/careerportal/test_layers.py reads table prefixes).
        db_table = "alliance_taskforce_meeting"
        ordering = ["-scheduled_for"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes_approved_on__isnull=True)
                | models.Q(status="held", minutes__gt=""),
                name="meeting_minutes_approved_only_when_held_and_written",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.scheduled_for})"

    @property
    def minutes_public(self) -> bool:
        return self.minutes_approved_on is not None


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField()

    class Meta:
        db_table = "alliance_taskforce_attendance"
        ordering = ["meeting", "person_id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} at {self.meeting_id}: {'present' if self.present else 'absent'}"


class HighDemandList(models.Model):
    """One version of the Alliance's list of high-demand tech jobs, decided on a day."""

    version = models.PositiveIntegerField(unique=True)
    decided_on = models.DateField()
    note = models.TextField(_("note"), blank=True)
    occupations = models.ManyToManyField(Occupation, through="HighDemandEntry", related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        db_table = "alliance_taskforce_highdemandlist"
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version} ({self.decided_on})"


class HighDemandEntry(models.Model):
    high_demand_list = models.ForeignKey(
        HighDemandList, on_delete=models.CASCADE, related_name="entries"
    )
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        db_table = "alliance_taskforce_highdemandentry"
        ordering = ["high_demand_list", "occupation__soc_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["high_demand_list", "occupation"], name="high_demand_entry_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.high_demand_list}: {self.occupation_id}"


class DecisionKind(models.TextChoices):
    CERTIFICATION = "certification", _("Certification")
    HIRING_STANDARD = "hiring_standard", _("Hiring standard")
    HIGH_DEMAND_LIST = "high_demand_list", _("High-demand job list")
    OTHER = "other", _("Other")


class MeetingDecision(models.Model):
    """A decision taken at a meeting, linked to what it decided."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=20, choices=DecisionKind.choices)
    summary = models.TextField(_("summary"))
    certification = models.ForeignKey(
        CertificationDecision, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    hiring_standard = models.ForeignKey(
        HiringStandard, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    high_demand_list = models.ForeignKey(
        HighDemandList, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "alliance_taskforce_meetingdecision"
        ordering = ["meeting", "created_at", "id"]
        constraints = [
            # A decision links exactly the kind of thing it says it decided (or nothing: other).
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind="certification",
                        certification__isnull=False,
                        hiring_standard__isnull=True,
                        high_demand_list__isnull=True,
                    )
                    | models.Q(
                        kind="hiring_standard",
                        certification__isnull=True,
                        hiring_standard__isnull=False,
                        high_demand_list__isnull=True,
                    )
                    | models.Q(
                        kind="high_demand_list",
                        certification__isnull=True,
                        hiring_standard__isnull=True,
                        high_demand_list__isnull=False,
                    )
                    | models.Q(
                        kind="other",
                        certification__isnull=True,
                        hiring_standard__isnull=True,
                        high_demand_list__isnull=True,
                    )
                ),
                name="meeting_decision_links_its_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.get_kind_display()}"
