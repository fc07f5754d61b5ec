"""Public data as the publishers release it: the record of each load, CIP, the CIP-SOC crosswalk
and ZIP Code Tabulation Area centroids."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoadStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    LOADED = "loaded", _("Loaded")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Failed")


class DataLoadQuerySet(models.QuerySet["DataLoad"]):
    def loaded(self) -> "DataLoadQuerySet":
        return self.filter(status=LoadStatus.LOADED)

    def latest_per_source(self) -> "DataLoadQuerySet":
        """The newest successful load of each source and scope (what the pages show now)."""
        return self.loaded().order_by("source", "scope", "-started_at").distinct("source", "scope")


class DataLoad(models.Model):
    """One attempt to load one public file (or one O*NET release folder), whatever its end."""

    source = models.CharField(max_length=40, db_index=True)
    # Part of a source that stands on its own (an OEWS area file, a state's ETPL list).
    scope = models.CharField(max_length=60, blank=True)
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200)
    vintage = models.CharField(max_length=60, blank=True)
    licence = models.CharField(max_length=200)
    credit = models.TextField(blank=True)
    home_url = models.URLField(max_length=500, blank=True)
    location = models.CharField(max_length=1000, help_text="path or URL the file was read from")
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    rows_read = models.PositiveIntegerField(default=0)
    rows_added = models.PositiveIntegerField(default=0)
    rows_changed = models.PositiveIntegerField(default=0)
    rows_removed = models.PositiveIntegerField(default=0)
    rows_refused = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=LoadStatus.choices)
    message = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = DataLoadQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["source", "sha256"], name="dataload_source_sha")]

    def __str__(self) -> str:
        return f"{self.source} {self.vintage} {self.status} {self.started_at:%Y-%m-%d %H:%M}"


class Cip(models.Model):
    """A CIP 2020 program of study (NCES), as named in the CIP-SOC crosswalk."""

    code = models.CharField(_("CIP code"), max_length=7, primary_key=True)
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^\d{2}\.\d{4}$"), name="cip_code_form"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class CipSoc(models.Model):
    """One pair of the NCES/BLS CIP 2020 <-> SOC 2018 crosswalk (codes, not foreign keys, so
    each file loads on its own; occupations match on Occupation.soc_detailed)."""

    cip = models.ForeignKey(Cip, on_delete=models.CASCADE, related_name="soc_links")
    soc_code = models.CharField(max_length=7, db_index=True)
    soc_title = models.CharField(max_length=300)

    class Meta:
        ordering = ["cip_id", "soc_code"]
        constraints = [
            models.UniqueConstraint(fields=["cip", "soc_code"], name="cipsoc_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(soc_code__regex=r"^\d{2}-\d{4}$"), name="cipsoc_soc_form"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cip_id} -> {self.soc_code}"


class Zcta(models.Model):
    """A Census ZIP Code Tabulation Area with its internal point (Gazetteer)."""

    code = models.CharField(_("ZIP code"), max_length=5, primary_key=True)
    latitude = models.FloatField(db_index=True)
    longitude = models.FloatField()
    county_fips = models.CharField(max_length=5, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    land_area_sq_mi = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="zcta_lat_lon")]
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=r"^\d{5}$"), name="zcta_form"),
            models.CheckConstraint(
                condition=models.Q(latitude__range=(-90, 90))
                & models.Q(longitude__range=(-180, 180)),
                name="zcta_lat_lon_range",
            ),
        ]

    def __str__(self) -> str:
        return self.code


# --- O*NET: what the database says about each occupation -------------------------------------


class TitleKind(models.TextChoices):
    OFFICIAL = "official", _("O*NET title")
    ALTERNATE = "alternate", _("O*NET alternate title")
    REPORTED = "reported", _("Title reported by workers (O*NET)")
    # Written by this project (O*NET 30.1 has no Spanish titles); marked so on the page.
    PORTAL = "portal", _("Written by this portal")


class OccupationTitle(models.Model):
    """Another name people use for an occupation, searched like the title itself."""

    occupation = models.ForeignKey(
        "pathways.Occupation", on_delete=models.CASCADE, related_name="other_titles"
    )
    title = models.CharField(max_length=250)
    short_title = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=10, choices=TitleKind.choices)
    language = models.CharField(max_length=8, default="en")

    class Meta:
        ordering = ["occupation_id", "kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "kind", "language", "title"], name="occupation_title_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class OccupationTask(models.Model):
    occupation = models.ForeignKey(
        "pathways.Occupation", on_delete=models.CASCADE, related_name="tasks"
    )
    task_id = models.PositiveIntegerField()
    text = models.TextField()
    core = models.BooleanField(default=True)

    class Meta:
        ordering = ["occupation_id", "-core", "task_id"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "task_id"], name="occupation_task_unique")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class TechnologySkill(models.Model):
    occupation = models.ForeignKey(
        "pathways.Occupation", on_delete=models.CASCADE, related_name="technology_skills"
    )
    example = models.CharField(max_length=250)
    commodity_code = models.PositiveIntegerField()
    commodity_title = models.CharField(max_length=250)
    hot = models.BooleanField(default=False)
    in_demand = models.BooleanField(default=False)

    class Meta:
        ordering = ["occupation_id", "-in_demand", "-hot", "example"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "example", "commodity_code"], name="technology_skill_unique"
            )
        ]
        indexes = [models.Index(fields=["example"], name="technology_skill_example")]

    def __str__(self) -> str:
        return self.example


class RelatedOccupation(models.Model):
    occupation = models.ForeignKey(
        "pathways.Occupation", on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey("pathways.Occupation", on_delete=models.CASCADE, related_name="+")
    tier = models.CharField(max_length=30)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["occupation_id", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "related"], name="related_pair_unique")
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} ~ {self.related_id}"


class EducationShare(models.Model):
    """O*NET "Required Level of Education": the share of workers saying each level is needed."""

    occupation = models.ForeignKey(
        "pathways.Occupation", on_delete=models.CASCADE, related_name="education_shares"
    )
    category = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=400)
    percent = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["occupation_id", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "category"], name="education_share_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.percent}%"


# --- BLS: wages (OEWS) and projections, by SOC detailed code ---------------------------------


class Wage(models.Model):
    """OEWS figures for one SOC code in one area; a value BLS withheld or top-coded is empty and
    its mark ("*" or "#") is kept in `marks` by column name."""

    soc_code = models.CharField(max_length=7)
    area_code = models.CharField(max_length=10)
    area_title = models.CharField(max_length=200)
    area_type = models.PositiveSmallIntegerField()  # 1 U.S., 2 state, 3 territory, 4 metro, ...
    state = models.CharField(max_length=2, blank=True)
    vintage = models.CharField(max_length=30)
    employment = models.PositiveIntegerField(null=True)
    hourly_mean = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    annual_mean = models.PositiveIntegerField(null=True)
    hourly_pct10 = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    hourly_pct25 = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    hourly_median = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    hourly_pct75 = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    hourly_pct90 = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    annual_pct10 = models.PositiveIntegerField(null=True)
    annual_pct25 = models.PositiveIntegerField(null=True)
    annual_median = models.PositiveIntegerField(null=True)
    annual_pct75 = models.PositiveIntegerField(null=True)
    annual_pct90 = models.PositiveIntegerField(null=True)
    # BLS publishes annual wages only for some occupations (teachers, pilots...): "ANNUAL" flag.
    annual_only = models.BooleanField(default=False)
    marks = models.JSONField(default=dict)

    class Meta:
        ordering = ["soc_code", "area_type", "area_code"]
        constraints = [
            models.UniqueConstraint(fields=["soc_code", "area_code"], name="wage_soc_area_unique")
        ]

    def __str__(self) -> str:
        return f"{self.soc_code} {self.area_title} {self.vintage}"

    PERCENTILES = (
        ("pct10", "H_PCT10", "A_PCT10"),
        ("pct25", "H_PCT25", "A_PCT25"),
        ("median", "H_MEDIAN", "A_MEDIAN"),
        ("pct75", "H_PCT75", "A_PCT75"),
        ("pct90", "H_PCT90", "A_PCT90"),
    )

    def percentile_rows(self) -> list[tuple[str, object, str, object, str]]:
        """(which, hourly, hourly mark, annual, annual mark) for the 10th to 90th percentile."""
        return [
            (
                name,
                getattr(self, f"hourly_{name}"),
                self.marks.get(hourly, ""),
                getattr(self, f"annual_{name}"),
                self.marks.get(annual, ""),
            )
            for name, hourly, annual in self.PERCENTILES
        ]


class Projection(models.Model):
    """BLS Employment Projections (Table 1.2 + 5.4) for one SOC detailed code."""

    soc_code = models.CharField(max_length=7, unique=True)
    title = models.CharField(max_length=250)
    period = models.CharField(max_length=10)  # "2024-2034"
    employment_base = models.PositiveIntegerField(null=True)
    employment_target = models.PositiveIntegerField(null=True)
    change_number = models.IntegerField(null=True)
    change_pct = models.DecimalField(max_digits=6, decimal_places=1, null=True)
    annual_openings = models.PositiveIntegerField(null=True)
    median_wage = models.PositiveIntegerField(null=True)
    entry_education = models.CharField(max_length=80, blank=True)
    work_experience = models.CharField(max_length=80, blank=True)
    job_training = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["soc_code"]

    def __str__(self) -> str:
        return f"{self.soc_code} {self.period}"
