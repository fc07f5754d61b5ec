"""Counselor plans: careers and credentials behind two links, one to see, one to edit."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Plan", "PlanItem", "plan_token_new"]


def plan_token_new() -> str:
    """A 128-bit random token: a link is the only key to a plan, so it must not be guessable."""
    return secrets.token_urlsafe(16)


class Plan(models.Model):
    # The view link (/plans/<token>/) shows the plan; the edit link (/plans/<edit_token>/) also
    # changes it. The owner, signed in, may change it through either.
    token = models.CharField(max_length=43, unique=True, default=plan_token_new, editable=False)
    edit_token = models.CharField(
        max_length=43, unique=True, default=plan_token_new, editable=False
    )
    title = models.CharField(_("title"), max_length=120, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    # The student's language: the printout is in it. One of settings.LANGUAGES (checked by the
    # form and the service, not by database choices, so adding a language needs no migration).
    language = models.CharField(_("student's language"), max_length=10, default="en")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title or str(_("Untitled plan"))


class PlanItem(models.Model):
    """One career or one credential in a plan, with a note."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    occupation = models.ForeignKey(
        "pathways.Occupation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    credential = models.ForeignKey(
        "credentials.Credential",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(occupation__isnull=False, credential__isnull=True)
                    | models.Q(occupation__isnull=True, credential__isnull=False)
                ),
                name="plan_item_one_thing",
            ),
            models.UniqueConstraint(
                fields=["plan", "occupation"],
                condition=models.Q(occupation__isnull=False),
                name="plan_item_occupation_once",
            ),
            models.UniqueConstraint(
                fields=["plan", "credential"],
                condition=models.Q(credential__isnull=False),
                name="plan_item_credential_once",
            ),
        ]

    def __str__(self) -> str:
        return str(self.occupation or self.credential)
