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
