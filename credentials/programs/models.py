"""A training program: a provider's offering at a place or online, as a public list publishes it.

Every figure keeps where it came from (source name, URL and the file's date); outcome figures a
publisher withheld are listed by field name in `withheld`, never stored as numbers.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["CalendarLength", "Program", "ProgramQuerySet", "ProgramSource", "ProgramWord"]


class ProgramSource(models.TextChoices):
    ETPL = "etpl", _("State Eligible Training Provider List (WIOA)")
    SCORECARD = "scorecard", _("College Scorecard (U.S. Department of Education)")
    SYNTHETIC = "synthetic", _("Synthetic (made up for testing)")
    # A LearningOpportunityProfile read from the Credential Registry: external_id is its CTID.
    CTDL = "ctdl", _("Credential Registry (CTDL)")
    # Sent by the provider through /providers/portal/ and approved by the Alliance task force
    # (alliance.providers): external_id is "submission-<id>".
    PROVIDER = "provider", _("Sent by the provider, approved by the Alliance task force")


class CalendarLength(models.IntegerChoices):
    """The ETPL's calendar-length codes (calendarlengthid), as the state's training explorer reads
    them."""

    LESS_THAN_ONE_DAY = 1, _("Less than 1 day")
    ONE_TO_TWO_DAYS = 2, _("1 to 2 days")
    THREE_TO_SEVEN_DAYS = 3, _("3 to 7 days")
    TWO_TO_THREE_WEEKS = 4, _("2 to 3 weeks")
    FOUR_TO_ELEVEN_WEEKS = 5, _("4 to 11 weeks")
    THREE_TO_FIVE_MONTHS = 6, _("3 to 5 months")
    SIX_TO_TWELVE_MONTHS = 7, _("6 to 12 months")
    THIRTEEN_MONTHS_TO_TWO_YEARS = 8, _("13 months to 2 years")
    THREE_TO_FOUR_YEARS = 9, _("3 to 4 years")
    MORE_THAN_FOUR_YEARS = 10, _("More than 4 years")


class ProgramQuerySet(models.QuerySet["Program"]):
    def with_outcomes(self) -> "ProgramQuerySet":
        return self.filter(has_outcomes=True)

    def real(self) -> "ProgramQuerySet":
        return self.filter(is_synthetic=False)


class Program(models.Model):
    source = models.CharField(max_length=12, choices=ProgramSource.choices)
    # The publisher's key: ETPL programid; Scorecard "<UNITID>-<CIP>-<CREDLEV>".
    external_id = models.CharField(max_length=40)
    # The state whose ETPL lists it (empty for Scorecard).
    source_state = models.CharField(max_length=2, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    # The date of the file the program was read from: costs and listing are as of this date.
    source_date = models.DateField()
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    provider = models.ForeignKey(
        "credentials.Provider", on_delete=models.PROTECT, related_name="programs"
    )
    # CIP 2020, "11.0801" (6 digits) or "11.08" (Scorecard's 4-digit fields).
    cip_code = models.CharField(max_length=7)
    cip_title = models.CharField(max_length=300, blank=True)
    # Where it is taught (a campus; empty when only online); the point is the ZIP's Census ZCTA
    # centroid, filled by the importer (distance is between ZIP centres, not street addresses).
    street = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=120, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField(max_length=5, blank=True)
    county = models.CharField(max_length=120, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    online = models.BooleanField(null=True)
    # Cost breakdown in USD as published (None = not published).
    tuition_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    fees_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    books_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    supplies_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    other_costs_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    total_cost_usd = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    clock_hours = models.PositiveIntegerField(null=True, blank=True)
    # Length in weeks where the source gives it (provider submissions); public lists give only
    # calendar_length's ranges.
    duration_weeks = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    calendar_length = models.PositiveSmallIntegerField(
        choices=CalendarLength.choices, null=True, blank=True
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    # Schedule and support: None = the source does not say.
    evening_courses = models.BooleanField(null=True)
    weekend_courses = models.BooleanField(null=True)
    part_time = models.BooleanField(null=True)
    childcare = models.BooleanField(null=True)
    # Bus or train routes near the site, as the provider wrote them.
    transit_notes = models.TextField(blank=True)
    transit_access = models.BooleanField(null=True)
    job_placement = models.BooleanField(null=True)
    wheelchair_access = models.BooleanField(null=True)
    # Languages taught in besides English (ISO 639-1 codes, "other" for "Other Languages").
    languages = ArrayField(models.CharField(max_length=8), default=list, blank=True)
    # The credential earned, as the list names it, and its kind (certification, licence, degree).
    credential_earned = models.CharField(max_length=300, blank=True)
    credential_kind = models.CharField(max_length=60, blank=True)
    # The catalog's hand-compiled credentials the program prepares for (named by the ETPL).
    credentials = models.ManyToManyField(
        "credentials.Credential", related_name="programs", blank=True
    )
    wioa_eligible = models.BooleanField(default=False)
    in_demand = models.BooleanField(null=True)
    # Outcomes, one source per program (state WIOA file for ETPL, Scorecard for Scorecard).
    has_outcomes = models.BooleanField(default=False)
    outcome_source = models.CharField(max_length=200, blank=True)
    outcome_source_url = models.URLField(max_length=500, blank=True)
    outcome_period = models.CharField(max_length=120, blank=True)
    # State file, per provider x CIP: share employed and average quarterly wage 2, 4 and 8
    # quarters after exit, and completers counted at each point.
    employed_q2_pct = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    employed_q4_pct = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    employed_q8_pct = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    wage_q2_usd = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    wage_q4_usd = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    wage_q8_usd = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    completers_q2 = models.PositiveIntegerField(null=True, blank=True)
    completers_q4 = models.PositiveIntegerField(null=True, blank=True)
    completers_q8 = models.PositiveIntegerField(null=True, blank=True)
    # The day the Alliance task force checked these outcome figures against the provider's
    # evidence; empty for figures a public list publishes or a provider reports unchecked
    # (credentials.outcome_provenance says which, in one wording).
    outcomes_verified_on = models.DateField(null=True, blank=True)
    outcomes_self_reported = models.BooleanField(default=False)
    # Scorecard, per institution x 4-digit CIP x credential level.
    credential_level = models.CharField(max_length=80, blank=True)
    awards_count = models.PositiveIntegerField(null=True, blank=True)
    median_earnings_usd = models.PositiveIntegerField(null=True, blank=True)
    median_debt_usd = models.PositiveIntegerField(null=True, blank=True)
    # Outcome fields the publisher withheld (-99999 in the state file, PrivacySuppressed in
    # Scorecard): shown as "withheld", never as a number.
    withheld = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    # Sort keys set by the importer: the employment rate and yearly earnings the list shows
    # (state: share employed 2 quarters after exit and 4 x its average quarterly wage;
    # Scorecard: median earnings).
    employment_rate_pct = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    earnings_usd = models.PositiveIntegerField(null=True, blank=True)
    # Lower-case, unaccented name, provider, credential and field, "+" read as " plus"; its
    # words are matched by search_vector, and its vocabulary (ProgramWord) corrects typos.
    search_text = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True)
    is_synthetic = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_state", "external_id"], name="program_source_key"
            ),
            models.CheckConstraint(
                condition=models.Q(total_cost_usd__isnull=True) | models.Q(total_cost_usd__gte=0),
                name="program_cost_not_negative",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(employment_rate_pct__isnull=True)
                    | models.Q(employment_rate_pct__range=(0, 100))
                ),
                name="program_employment_rate_percentage",
            ),
        ]
        indexes = [
            # Covering: a search by place filters, counts and sorts from the index alone (an
            # index-only scan once VACUUM has marked the pages visible) and reads only its
            # page's rows from the table; rows within a distance otherwise lay on as many pages.
            models.Index(
                fields=["latitude", "longitude"],
                include=[
                    "id",
                    "name",
                    "source",
                    "cip_code",
                    "online",
                    "total_cost_usd",
                    "clock_hours",
                    "evening_courses",
                    "weekend_courses",
                    "part_time",
                    "childcare",
                    "transit_access",
                    "job_placement",
                    "wheelchair_access",
                    "languages",
                    "wioa_eligible",
                    "in_demand",
                    "has_outcomes",
                    "employment_rate_pct",
                    "earnings_usd",
                ],
                name="program_place",
            ),
            models.Index(fields=["cip_code"], name="program_cip"),
            models.Index(
                models.F("total_cost_usd").asc(nulls_last=True), "name", "id", name="program_cost"
            ),
            models.Index(
                models.F("clock_hours").asc(nulls_last=True), "name", "id", name="program_hours"
            ),
            models.Index(
                models.F("employment_rate_pct").desc(nulls_last=True),
                "name",
                "id",
                name="program_employment",
            ),
            models.Index(
                models.F("earnings_usd").desc(nulls_last=True), "name", "id", name="program_earn"
            ),
            GinIndex(fields=["search_vector"], name="program_search"),
            GinIndex(fields=["languages"], name="program_languages"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def compare_id(self) -> str:
        """How the compare list and page name a program beside credential slugs."""
        return f"program-{self.pk}"

    @property
    def place_label(self) -> str:
        return ", ".join(p for p in (self.city, self.state) if p)

    @property
    def cost_breakdown(self) -> list[tuple[str, object]]:
        """Return (label, amount) for each published cost part, in the list's order."""
        parts = [
            (_("Tuition"), self.tuition_usd),
            (_("Fees"), self.fees_usd),
            (_("Books and materials"), self.books_usd),
            (_("Supplies and tools"), self.supplies_usd),
            (_("Other costs"), self.other_costs_usd),
        ]
        return [(str(label), amount) for label, amount in parts if amount is not None]


class ProgramWord(models.Model):
    """A word of the programs' search text: what a misspelt word of a query is corrected to.

    Typos are matched by trigram against these few thousand words, not against every program:
    at 240,000 programs "securty plus" looked like 25,000 of them and took a quarter second.
    """

    word = models.TextField(primary_key=True)

    class Meta:
        ordering = ["word"]
        indexes = [
            # GiST answers "the nearest word" (ORDER BY word <-> typo LIMIT 1) from the index;
            # with GIN the planner read every word for `%` on a table this small.
            GistIndex(fields=["word"], name="program_word_trgm", opclasses=["gist_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.word
