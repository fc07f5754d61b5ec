"""Writes of the reconvening: each checks who acts and lands in the Alliance's audit log."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.models import Convening, HiringStandard, Member
from alliance.permissions import can_manage_member
from alliance.services import audit_record

from .models import AccessPlan, Milestone, MilestoneStatus, Recommitment, StandardVersion


def _require_admin(actor: User, member: Member) -> None:
    if not can_manage_member(actor, member):
        raise PermissionDenied


def recommitment_sign(
    *,
    actor: User,
    member: Member,
    convening: Convening,
    statement: str,
    signer_name: str,
    signer_title: str = "",
    signed_on: date | None = None,
) -> Recommitment:
    """A member admin signs the member's recommitment for a convening (once per convening)."""
    _require_admin(actor, member)
    if not statement.strip() or not signer_name.strip():
        raise ValidationError(_("Write the statement and the name of the person signing."))
    if Recommitment.objects.filter(member=member, convening=convening).exists():
        raise ValidationError(_("This member has already recommitted at this convening."))
    with transaction.atomic():
        recommitment = Recommitment.objects.create(
            member=member,
            convening=convening,
            statement=statement.strip(),
            signer_name=signer_name.strip(),
            signer_title=signer_title.strip(),
            signed_on=signed_on or timezone.localdate(),
            signed_by=actor,
        )
        audit_record(
            actor=actor,
            action="recommitment.sign",
            obj=recommitment,
            member=member,
            after={
                "year": convening.year,
                "statement": recommitment.statement,
                "signer_name": recommitment.signer_name,
                "signed_on": recommitment.signed_on.isoformat(),
            },
        )
    return recommitment


def access_plan_save(
    *, actor: User, member: Member, convening: Convening, summary: str
) -> AccessPlan:
    """A member admin writes or updates the member's plan for access for a convening year."""
    _require_admin(actor, member)
    if not summary.strip():
        raise ValidationError({"summary": _("Say what the plan is.")})
    with transaction.atomic():
        plan = (
            AccessPlan.objects.select_for_update()
            .filter(member=member, convening=convening)
            .first()
        )
        before = {"summary": plan.summary} if plan else None
        if plan is None:
            plan = AccessPlan(member=member, convening=convening)
        plan.summary = summary.strip()
        plan.updated_on = timezone.localdate()
        plan.save()
        audit_record(
            actor=actor,
            action="access_plan.save",
            obj=plan,
            member=member,
            before=before,
            after={"year": convening.year, "summary": plan.summary},
        )
    return plan


def _milestone_state(milestone: Milestone) -> dict[str, Any]:
    return {
        "title": milestone.title,
        "due_on": milestone.due_on.isoformat(),
        "status": milestone.status,
        "note": milestone.note,
        "updated_on": milestone.updated_on.isoformat(),
    }


def milestone_add(*, actor: User, plan: AccessPlan, title: str, due_on: date) -> Milestone:
    """A member admin adds a step, with its due date, to the member's plan."""
    _require_admin(actor, plan.member)
    if not title.strip():
        raise ValidationError({"title": _("Name the milestone.")})
    with transaction.atomic():
        milestone = Milestone.objects.create(
            plan=plan, title=title.strip(), due_on=due_on, updated_on=timezone.localdate()
        )
        audit_record(
            actor=actor,
            action="milestone.add",
            obj=milestone,
            member=plan.member,
            after=_milestone_state(milestone),
        )
    return milestone


def milestone_update(*, actor: User, milestone: Milestone, status: str, note: str) -> Milestone:
    """A member admin reports a milestone's status with a note; the note is dated today."""
    _require_admin(actor, milestone.plan.member)
    if status not in MilestoneStatus.values:
        raise ValidationError({"status": _("Choose one of the listed statuses.")})
    if not note.strip():
        raise ValidationError({"note": _("Say what happened: the note is published.")})
    with transaction.atomic():
        before = _milestone_state(milestone)
        milestone.status = status
        milestone.note = note.strip()
        milestone.updated_on = timezone.localdate()
        milestone.save(update_fields=["status", "note", "updated_on"])
        audit_record(
            actor=actor,
            action="milestone.update",
            obj=milestone,
            member=milestone.plan.member,
            before=before,
            after=_milestone_state(milestone),
        )
    return milestone


def standard_version_fields(*, standard: HiringStandard) -> dict[str, Any]:
    """What a yearly version keeps of a standard (its text as approved, credentials by name)."""
    return {
        "standard": standard,
        "approved_on": standard.approved_on,
        "title": standard.title,
        "summary": standard.summary,
        "credentials": sorted(c.name for c in standard.credentials_valued.all()),
        "credentials_note": standard.credentials_note,
        "portfolio_items": standard.portfolio_items,
        "interview_questions": standard.interview_questions,
        "screening_steps": standard.screening_steps,
        "degree_required": standard.degree_required,
        "is_synthetic": standard.is_synthetic,
    }


def standard_version_record(*, standard: HiringStandard, actor: User | None) -> StandardVersion:
    """Keep what an approved standard says as its year's version (the year of approval).

    The one rule for yearly versions: the year's last approval of a member's standard for an
    occupation is that year's version.
    """
    if standard.approved_on is None:
        raise ValidationError(_("Only an approved standard has a yearly version."))
    with transaction.atomic():
        version, created = StandardVersion.objects.update_or_create(
            member_id=standard.member_id,
            occupation_id=standard.occupation_id,
            year=standard.approved_on.year,
            defaults=standard_version_fields(standard=standard),
        )
        audit_record(
            actor=actor,
            action="standard.version" if created else "standard.version_replace",
            obj=version,
            member=standard.member,
            after={"standard": standard.pk, "year": version.year, "title": version.title},
        )
    return version


def standard_version_on_approval(
    sender: Any, *, standard: HiringStandard, actor: User | None = None, **kwargs: Any
) -> None:
    """Receiver of alliance.signals.hiring_standard_approved."""
    standard_version_record(standard=standard, actor=actor)
