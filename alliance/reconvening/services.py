"""Writes of the reconvening: each checks who acts and lands in the Alliance's audit log."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.models import Award, Convening, HiringStandard, Member
from alliance.permissions import can_manage_member, is_task_force
from alliance.providers.permissions import acts_for_provider
from alliance.services import audit_record
from careerportal.translations.authored import authored_columns, authored_state
from credentials.programs.models import Program
from pathways.models import Occupation

from .awards import award_result
from .models import (
    AccessPlan,
    AwardDecision,
    AwardOutcome,
    Milestone,
    MilestoneStatus,
    Need,
    NeedAnswer,
    Recommitment,
    Spotlight,
    SpotlightFigure,
    SpotlightKind,
    StandardVersion,
)


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
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> Recommitment:
    """A member admin signs the member's recommitment for a convening (once per convening);
    `versions` holds the member's own statement in other languages ({"statement": {"es": ...}})."""
    _require_admin(actor, member)
    columns = authored_columns(english={"statement": statement}, versions=versions)
    if not signer_name.strip():
        raise ValidationError({"signer_name": _("Write the name of the person signing.")})
    if Recommitment.objects.filter(member=member, convening=convening).exists():
        raise ValidationError(_("This member has already recommitted at this convening."))
    with transaction.atomic():
        recommitment = Recommitment.objects.create(
            member=member,
            convening=convening,
            **columns,
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
                **authored_state(recommitment, ("statement",)),
                "signer_name": recommitment.signer_name,
                "signed_on": recommitment.signed_on.isoformat(),
            },
        )
    return recommitment


def access_plan_save(
    *,
    actor: User,
    member: Member,
    convening: Convening,
    summary: str,
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> AccessPlan:
    """A member admin writes or updates the member's plan for access for a convening year."""
    _require_admin(actor, member)
    columns = authored_columns(english={"summary": summary}, versions=versions)
    with transaction.atomic():
        plan = (
            AccessPlan.objects.select_for_update()
            .filter(member=member, convening=convening)
            .first()
        )
        before = authored_state(plan, ("summary",)) if plan else None
        if plan is None:
            plan = AccessPlan(member=member, convening=convening)
        for column, text in columns.items():
            setattr(plan, column, text)
        plan.updated_on = timezone.localdate()
        plan.save()
        audit_record(
            actor=actor,
            action="access_plan.save",
            obj=plan,
            member=member,
            before=before,
            after={"year": convening.year, **authored_state(plan, ("summary",))},
        )
    return plan


def _milestone_state(milestone: Milestone) -> dict[str, Any]:
    return {
        **authored_state(milestone, ("title", "note")),
        "due_on": milestone.due_on.isoformat(),
        "status": milestone.status,
        "updated_on": milestone.updated_on.isoformat(),
    }


def milestone_add(
    *,
    actor: User,
    plan: AccessPlan,
    title: str,
    due_on: date,
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> Milestone:
    """A member admin adds a step, with its due date, to the member's plan."""
    _require_admin(actor, plan.member)
    columns = authored_columns(english={"title": title}, versions=versions)
    with transaction.atomic():
        milestone = Milestone.objects.create(
            plan=plan,
            **columns,
            due_on=due_on,
            updated_on=timezone.localdate(),
        )
        audit_record(
            actor=actor,
            action="milestone.add",
            obj=milestone,
            member=plan.member,
            after=_milestone_state(milestone),
        )
    return milestone


def milestone_update(
    *,
    actor: User,
    milestone: Milestone,
    status: str,
    note: str,
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> Milestone:
    """A member admin reports a milestone's status with a note; the note is dated today."""
    _require_admin(actor, milestone.plan.member)
    if status not in MilestoneStatus.values:
        raise ValidationError({"status": _("Choose one of the listed statuses.")})
    columns = authored_columns(english={"note": note}, versions=versions)
    with transaction.atomic():
        before = _milestone_state(milestone)
        milestone.status = status
        for column, text in columns.items():
            setattr(milestone, column, text)
        milestone.updated_on = timezone.localdate()
        milestone.save(update_fields=["status", "note", *columns, "updated_on"])
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


# --- The industry needs board ------------------------------------------------------------------


def need_post(
    *,
    actor: User,
    member: Member,
    role: str,
    skills: str,
    people: int,
    needed_by: date,
    occupation: Occupation | None = None,
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> Need:
    """A member admin posts what the member needs; it is public at once."""
    _require_admin(actor, member)
    today = timezone.localdate()
    if needed_by < today:
        raise ValidationError({"needed_by": _("The date cannot be in the past.")})
    if people < 1:
        raise ValidationError({"people": _("Say how many people: at least one.")})
    columns = authored_columns(english={"role": role, "skills": skills}, versions=versions)
    with transaction.atomic():
        need = Need.objects.create(
            member=member,
            **columns,
            people=people,
            needed_by=needed_by,
            occupation=occupation,
            posted_on=today,
            posted_by=actor,
        )
        audit_record(
            actor=actor,
            action="need.post",
            obj=need,
            member=member,
            after={
                **authored_state(need, ("role", "skills")),
                "people": people,
                "needed_by": needed_by.isoformat(),
            },
        )
    return need


def need_close(*, actor: User, need: Need) -> Need:
    """A member admin closes one of its needs (filled or no longer needed)."""
    _require_admin(actor, need.member)
    if need.closed_on is not None:
        return need
    with transaction.atomic():
        need.closed_on = timezone.localdate()
        need.save(update_fields=["closed_on"])
        audit_record(
            actor=actor,
            action="need.close",
            obj=need,
            member=need.member,
            after={"closed_on": need.closed_on.isoformat()},
        )
    return need


def need_answer(
    *,
    actor: User,
    need: Need,
    program: Program,
    message: str = "",
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> NeedAnswer:
    """A provider's person answers an open need with one of the provider's own programs."""
    if not acts_for_provider(actor, program.provider):
        raise PermissionDenied
    if need.closed_on is not None:
        raise ValidationError(_("This need is closed."))
    if NeedAnswer.objects.filter(need=need, program=program).exists():
        raise ValidationError({"program": _("You have already answered with this program.")})
    with transaction.atomic():
        answer = NeedAnswer.objects.create(
            need=need,
            provider=program.provider,
            program=program,
            **authored_columns(
                english={"message": message}, versions=versions, optional=("message",)
            ),
            answered_on=timezone.localdate(),
            answered_by=actor,
        )
        audit_record(
            actor=actor,
            action="need.answer",
            obj=answer,
            member=need.member,
            after={
                "need": need.pk,
                "provider": program.provider.slug,
                "program": program.pk,
                **authored_state(answer, ("message",)),
            },
        )
    return answer


# --- Spotlights -------------------------------------------------------------------------------


def spotlight_create(
    *,
    actor: User,
    convening: Convening,
    kind: str,
    title: str,
    body: str,
    figures: list[dict[str, Any]],
    member: Member | None = None,
    program: Program | None = None,
    picture: Any = None,
    picture_alt: str = "",
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> Spotlight:
    """The task force publishes a spotlight; every figure names its source and date."""
    if not is_task_force(actor):
        raise PermissionDenied
    if kind == SpotlightKind.PROGRAM and program is None:
        raise ValidationError({"program": _("Choose the program this spotlight is about.")})
    if kind == SpotlightKind.MEMBER_STORY and member is None:
        raise ValidationError({"member": _("Choose the member whose story this is.")})
    if picture and not picture_alt.strip():
        raise ValidationError({"picture_alt": _("Say what the picture shows.")})
    if not figures:
        raise ValidationError(_("Give at least one figure with its source."))
    columns = authored_columns(english={"title": title, "body": body}, versions=versions)
    with transaction.atomic():
        spotlight = Spotlight.objects.create(
            convening=convening,
            kind=kind,
            **columns,
            member=member if kind == SpotlightKind.MEMBER_STORY else None,
            program=program if kind == SpotlightKind.PROGRAM else None,
            picture=picture or "",
            picture_alt=picture_alt.strip() if picture else "",
            chosen_on=timezone.localdate(),
            chosen_by=actor,
        )
        SpotlightFigure.objects.bulk_create(
            [SpotlightFigure(spotlight=spotlight, **figure) for figure in figures]
        )
        audit_record(
            actor=actor,
            action="spotlight.publish",
            obj=spotlight,
            member=spotlight.member,
            after={
                "year": convening.year,
                "kind": kind,
                **authored_state(spotlight, ("title", "body")),
                "figures": [{k: str(v) for k, v in f.items()} for f in figures],
                "picture": spotlight.picture.name if spotlight.picture else "",
            },
        )
    return spotlight


def _spotlight_state(spotlight: Spotlight) -> dict[str, Any]:
    return {
        **authored_state(spotlight, ("title", "body")),
        "picture": spotlight.picture.name if spotlight.picture else "",
        "picture_alt": spotlight.picture_alt,
        "figures": [
            {k: str(getattr(f, k)) for k in ("label", "value", "source", "source_url", "as_of")}
            for f in spotlight.figures.all()
        ],
        "withdrawn_on": spotlight.withdrawn_on.isoformat() if spotlight.withdrawn_on else None,
        "withdrawn_reason": spotlight.withdrawn_reason,
    }


def spotlight_update(
    *,
    actor: User,
    spotlight: Spotlight,
    title: str,
    body: str,
    figures: list[dict[str, Any]],
    picture: Any = None,
    picture_alt: str = "",
    remove_picture: bool = False,
    versions: Mapping[str, Mapping[str, str]] | None = None,
) -> Spotlight:
    """The task force edits a spotlight's text (each language's version, as when published),
    figures and picture (its kind and subject stay).

    A new picture replaces the old one; the picture kept always has its description.
    """
    if not is_task_force(actor):
        raise PermissionDenied
    if spotlight.withdrawn_on is not None:
        raise ValidationError(_("This spotlight was withdrawn; it can no longer be edited."))
    columns = authored_columns(english={"title": title, "body": body}, versions=versions)
    if not figures:
        raise ValidationError(_("Give at least one figure with its source."))
    keeps_picture = bool(picture) or (bool(spotlight.picture) and not remove_picture)
    if keeps_picture and not picture_alt.strip():
        raise ValidationError({"picture_alt": _("Say what the picture shows.")})
    with transaction.atomic():
        before = _spotlight_state(spotlight)
        for column, text in columns.items():
            setattr(spotlight, column, text)
        if picture:
            spotlight.picture = picture
        elif remove_picture:
            spotlight.picture = ""  # type: ignore[assignment]
        spotlight.picture_alt = picture_alt.strip() if keeps_picture else ""
        spotlight.updated_on = timezone.localdate()
        spotlight.save()
        spotlight.figures.all().delete()
        SpotlightFigure.objects.bulk_create(
            [SpotlightFigure(spotlight=spotlight, **figure) for figure in figures]
        )
        audit_record(
            actor=actor,
            action="spotlight.edit",
            obj=spotlight,
            member=spotlight.member,
            before=before,
            after=_spotlight_state(spotlight),
        )
    return spotlight


def spotlight_withdraw(*, actor: User, spotlight: Spotlight, reason: str) -> Spotlight:
    """The task force withdraws a spotlight, saying why: it leaves the public pages at once."""
    if not is_task_force(actor):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the spotlight is withdrawn.")})
    if spotlight.withdrawn_on is not None:
        raise ValidationError(_("This spotlight was already withdrawn."))
    with transaction.atomic():
        before = _spotlight_state(spotlight)
        spotlight.withdrawn_on = timezone.localdate()
        spotlight.withdrawn_reason = reason.strip()
        spotlight.withdrawn_by = actor
        spotlight.save(update_fields=["withdrawn_on", "withdrawn_reason", "withdrawn_by"])
        audit_record(
            actor=actor,
            action="spotlight.withdraw",
            obj=spotlight,
            member=spotlight.member,
            before=before,
            after=_spotlight_state(spotlight),
        )
    return spotlight


# --- Awards -----------------------------------------------------------------------------------

AWARD_REASON_MIN = 20


def _award_decision_state(decision: AwardDecision) -> dict[str, Any]:
    return {
        "category": decision.category,
        "year": decision.convening.year,
        "member": decision.member_id,
        "computed_member": decision.computed_member_id,
        "outcome": decision.outcome,
        "reason": decision.reason,
        "decided_on": decision.decided_on.isoformat(),
    }


def award_decide(
    *, actor: User, convening: Convening, category: str, member: Member, reason: str
) -> AwardDecision:
    """The task force confirms the computed winner of a category, or chooses another member,
    always with a written reason (published beside the computed result).

    The result is computed again here, from the data as it stands, and kept with the decision;
    whether the decision confirms or overrides follows from it, not from what the form said.
    Deciding again replaces the decision (the audit log keeps the one before).
    """
    if not is_task_force(actor):
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) < AWARD_REASON_MIN:
        raise ValidationError(
            {
                "reason": _(
                    "Write the reason in a sentence or two (at least %(n)s characters): "
                    "it is published."
                )
                % {"n": AWARD_REASON_MIN}
            }
        )
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        result = award_result(convening=convening, category=category)
        if result is None:
            raise ValidationError(_("There is no such award."))
        computed = result.as_json()
        computed_member = result.winner
        outcome = (
            AwardOutcome.CONFIRMED
            if computed_member is not None and computed_member.pk == member.pk
            else AwardOutcome.OVERRIDDEN
        )
        method = (
            result.reasoning
            + " "
            + (
                _("The task force confirmed it: %(reason)s")
                if outcome == AwardOutcome.CONFIRMED
                else _("The task force chose %(member)s instead: %(reason)s")
            )
            % {"reason": reason, "member": member.name}
        )
        with transaction.atomic():
            decision = (
                AwardDecision.objects.select_for_update(of=("self",))
                .select_related("convening", "award")
                .filter(convening=convening, category=category)
                .order_by()
                .first()
            )
            before = _award_decision_state(decision) if decision else None
            if decision is None:
                decision = AwardDecision(convening=convening, category=category)
            award = decision.award or Award(convening=convening)
            award.member = member
            award.title = result.title
            award.method = method
            award.figures_url = reverse("reconvening:awards", args=[convening.year])
            award.is_synthetic = result.is_synthetic
            award.save()
            decision.award = award
            decision.computed = computed
            decision.computed_member = computed_member
            decision.member = member
            decision.outcome = outcome
            decision.reason = reason
            decision.decided_on = timezone.localdate()
            decision.decided_by = actor
            decision.save()
            audit_record(
                actor=actor,
                action=f"award.{outcome}",
                obj=decision,
                member=member,
                before=before,
                after={**_award_decision_state(decision), "computed": computed},
            )
    return decision
