"""Writes for counselor plans."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, get_supported_language_variant
from django.utils.translation import gettext as _

from careerportal.users import user_or_none
from pathways.models import Occupation

from ..models import Credential
from .models import Plan, PlanItem

MAX_ITEMS = 50


class PlanError(ValueError):
    """A plan change that cannot be made; the message is shown to the person."""


def plan_language_check(language: str) -> str:
    """One of the site's languages, or PlanError."""
    if language not in dict(settings.LANGUAGES):
        raise PlanError(
            _("We have no printout in the language %(code)s.") % {"code": language[:10]}
        )
    return language


def _language_now() -> str:
    """The active language as one of the site's codes ("en-us" is "en")."""
    try:
        return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def plan_create(
    *,
    title: str = "",
    notes: str = "",
    language: str = "",
    user: User | AnonymousUser | None = None,
) -> Plan:
    """Start an empty plan in the student's language (the page's when none is given); a
    signed-in person owns it and sees it at /plans/."""
    return Plan.objects.create(
        title=title.strip()[:120],
        notes=notes[:5000],
        language=plan_language_check(language or _language_now()),
        owner=user_or_none(user),
    )


def plan_update(*, plan: Plan, title: str, notes: str, language: str | None = None) -> Plan:
    plan.title = title.strip()[:120]
    plan.notes = notes[:5000]
    if language is not None:
        plan.language = plan_language_check(language)
    plan.save(update_fields=["title", "notes", "language", "updated_at"])
    return plan


def plan_item_add(
    *, plan: Plan, soc_code: str = "", credential_slug: str = "", note: str = ""
) -> PlanItem:
    """Add one career or one credential; adding it again keeps the first (and its note)."""
    if bool(soc_code) == bool(credential_slug):
        raise PlanError(_("Choose one career or one credential to add."))
    if plan.items.count() >= MAX_ITEMS:
        raise PlanError(_("A plan holds at most %(max)s items.") % {"max": MAX_ITEMS})
    lookup: dict[str, object]
    if soc_code:
        occupation = Occupation.objects.filter(soc_code=soc_code).first()
        if occupation is None:
            raise PlanError(_("No career with SOC code %(code)s.") % {"code": soc_code[:10]})
        lookup = {"occupation": occupation}
    else:
        credential = Credential.objects.published().filter(slug=credential_slug).only("id").first()
        if credential is None:
            raise PlanError(_("No credential %(slug)s.") % {"slug": credential_slug[:60]})
        lookup = {"credential": credential}
    try:
        with transaction.atomic():
            item, created = PlanItem.objects.get_or_create(
                plan=plan, **lookup, defaults={"note": note[:500]}
            )
    except IntegrityError:  # a concurrent add of the same thing won
        item, created = PlanItem.objects.get(plan=plan, **lookup), False
    if created:  # adding what is already there does not change the plan
        Plan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    return item


def plan_item_remove(*, plan: Plan, item_id: int) -> None:
    PlanItem.objects.filter(plan=plan, pk=item_id).delete()
