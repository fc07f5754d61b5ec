"""The annual reconvening: each member's recommitment and plan for access per convening year, and
each approved hiring standard kept as a yearly version (so a year can be compared with the last).

Tables are named alliance_reconvening_* (Meta.db_table): they belong to the alliance layer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.models import Convening, HiringStandard, Member
from careerportal.translations.authored import written_in_some_language
from credentials.models import Provider
from credentials.programs.models import Program
from pathways.models import Occupation


class Recommitment(models.Model):
    """A member renews its commitments in public at one convening, signed by one of its admins."""

    convening = models.ForeignKey(Convening, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="recommitments")
    statement = models.TextField(_("statement"), max_length=2000)
    signed_on = models.DateField()
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField(max_length=200)
    signer_title = models.CharField(max_length=200, blank=True)
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "alliance_reconvening_recommitment"
        ordering = ["-convening__year", "member__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["convening", "member"], name="recommitment_once_per_convening"
            ),
            # Written in English, in another language, or in several: never in none.
            models.CheckConstraint(
                condition=written_in_some_language("statement"), name="recommitment_statement"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} recommits ({self.convening.year})"


class AccessPlan(models.Model):
    """A member's long-term plan for access (who it will open its doors to, and how) for a year."""

    convening = models.ForeignKey(Convening, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="access_plans")
    summary = models.TextField(_("summary"), max_length=4000)
    updated_on = models.DateField()
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        db_table = "alliance_reconvening_accessplan"
        ordering = ["-convening__year", "member__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["convening", "member"], name="access_plan_once_per_convening"
            ),
            models.CheckConstraint(
                condition=written_in_some_language("summary"), name="access_plan_summary"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: plan for access ({self.convening.year})"


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Milestone(models.Model):
    """One step of a plan for access, with a due date; its status is updated with a dated note."""

    plan = models.ForeignKey(AccessPlan, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField()
    status = models.CharField(
        max_length=12, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    note = models.CharField(_("note"), max_length=1000, blank=True)
    # When the status or note was last changed (the date the public sees beside the note).
    updated_on = models.DateField()
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        db_table = "alliance_reconvening_milestone"
        ordering = ["plan", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=written_in_some_language("title"), name="milestone_title"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} by {self.due_on}"


class StandardVersion(models.Model):
    """What an approved hiring standard said in one year (the year's last approval wins).

    Written only by services.standard_version_on_approval, when the task force approves.
    """

    standard = models.ForeignKey(
        HiringStandard, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    approved_on = models.DateField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    # Names of the credentials valued, as they read on the day (a list of strings).
    credentials = models.JSONField(default=list)
    credentials_note = models.TextField(blank=True)
    portfolio_items = models.TextField(blank=True)
    interview_questions = models.TextField(blank=True)
    screening_steps = models.TextField(blank=True)
    degree_required = models.BooleanField(default=False)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        db_table = "alliance_reconvening_standardversion"
        ordering = ["member", "occupation", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "occupation", "year"], name="standard_version_once_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class NeedQuerySet(models.QuerySet["Need"]):
    def open(self) -> "NeedQuerySet":
        return self.filter(closed_on__isnull=True)


class Need(models.Model):
    """A member tells educators what it needs: skills, roles, how many people, by when."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="needs")
    role = models.CharField(_("role"), max_length=200)
    occupation = models.ForeignKey(
        Occupation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    skills = models.TextField(_("skills"), max_length=2000)
    people = models.PositiveIntegerField()
    needed_by = models.DateField()
    posted_on = models.DateField()
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)

    objects = NeedQuerySet.as_manager()

    class Meta:
        db_table = "alliance_reconvening_need"
        ordering = ["needed_by", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(people__gte=1), name="need_people"),
            models.CheckConstraint(condition=written_in_some_language("role"), name="need_role"),
            models.CheckConstraint(
                condition=written_in_some_language("skills"), name="need_skills"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.people} x {self.role} by {self.needed_by}"


class NeedAnswer(models.Model):
    """A training provider answers a need with one of its programs."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="answers")
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="+")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(_("message"), max_length=1000, blank=True)
    answered_on = models.DateField()
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        db_table = "alliance_reconvening_needanswer"
        ordering = ["need", "answered_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["need", "program"], name="need_answer_once_per_program")
        ]

    def __str__(self) -> str:
        return f"{self.provider} answers {self.need_id} with {self.program}"


class SpotlightKind(models.TextChoices):
    PROGRAM = "program", _("Promising program")
    MEMBER_STORY = "member_story", _("Member story")


class SpotlightQuerySet(models.QuerySet["Spotlight"]):
    def public(self) -> "SpotlightQuerySet":
        return self.filter(withdrawn_on__isnull=True)


class Spotlight(models.Model):
    """A promising program or a member's story, chosen by the task force for a convening year."""

    convening = models.ForeignKey(Convening, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=SpotlightKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("story"), max_length=6000)
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.CASCADE, related_name="spotlights"
    )
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    picture = models.ImageField(upload_to="spotlights/", blank=True)
    picture_alt = models.CharField(_("picture description"), max_length=300, blank=True)
    chosen_on = models.DateField()
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_synthetic = models.BooleanField(default=False)
    # A withdrawn spotlight leaves the public pages; the reason stays for the audit log.
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=1000, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_on = models.DateField(null=True, blank=True)

    objects = SpotlightQuerySet.as_manager()

    class Meta:
        db_table = "alliance_reconvening_spotlight"
        ordering = ["-convening__year", "kind", "title"]
        constraints = [
            # A picture always says what it shows (for people who cannot see it).
            models.CheckConstraint(
                condition=models.Q(picture="") | ~models.Q(picture_alt=""),
                name="spotlight_picture_has_alt",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="program") | models.Q(program__isnull=False),
                name="spotlight_program_names_program",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="member_story") | models.Q(member__isnull=False),
                name="spotlight_story_names_member",
            ),
            models.CheckConstraint(
                condition=written_in_some_language("title"), name="spotlight_title"
            ),
            models.CheckConstraint(
                condition=written_in_some_language("body"), name="spotlight_body"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SpotlightFigure(models.Model):
    """A figure a spotlight rests on, with where it came from and when."""

    spotlight = models.ForeignKey(Spotlight, on_delete=models.CASCADE, related_name="figures")
    label = models.CharField(_("label"), max_length=200)
    value = models.CharField(_("value"), max_length=60)
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(max_length=500, blank=True)
    as_of = models.DateField()

    class Meta:
        db_table = "alliance_reconvening_spotlightfigure"
        ordering = ["spotlight", "id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"


class AwardOutcome(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed the computed winner")
    OVERRIDDEN = "overridden", _("Chose another winner")


class AwardDecision(models.Model):
    """The task force's word on one award category of a convening: it confirms the winner the
    published data gives (alliance.reconvening.awards) or chooses another, always with a written
    reason that is published. What the rule computed on the day is kept beside it (computed)."""

    convening = models.ForeignKey(Convening, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=40)
    computed_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The category's result as computed when the task force decided (rule, figures, reasoning).
    computed = models.JSONField(default=dict)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(max_length=12, choices=AwardOutcome.choices)
    reason = models.TextField(_("reason"), max_length=2000)
    decided_on = models.DateField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The award row the member page and the report show (alliance.Award), kept in step.
    award = models.OneToOneField(
        "alliance.Award", null=True, blank=True, on_delete=models.SET_NULL, related_name="decision"
    )

    class Meta:
        db_table = "alliance_reconvening_awarddecision"
        ordering = ["convening", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["convening", "category"], name="award_decision_once_per_category"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="award_decision_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.convening_id}: {self.member}"
