"""Pages of the reconvening: the public page of a year, and a member admin's page to recommit,
plan and report on milestones. Ids in URLs are looked up inside the signed-in user's member, so
another member's milestone is a 404."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance import selectors as alliance_selectors
from alliance.extensions import convening_figures
from alliance.models import Member
from alliance.permissions import (
    can_manage_member,
    is_task_force,
    require_task_force,
    signed_in_user,
)
from alliance.providers.permissions import providers_for_user
from alliance.views import _add_errors
from careerportal.sharing import site_of
from careerportal.translations.authored import authored_initial
from credentials.programs.models import Program
from pathways.models import Occupation

from . import pledges, selectors, services
from .awards import award_category_keys, award_results
from .forms import (
    NEED_FIELDS,
    AccessPlanForm,
    AwardDecisionForm,
    MilestoneForm,
    MilestoneUpdateForm,
    NeedAnswerForm,
    NeedForm,
    RecommitmentForm,
    SpotlightEditForm,
    SpotlightForm,
    SpotlightWithdrawForm,
)
from .models import Milestone, Need, Spotlight


def _form_write(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], object], *, success: str
) -> bool:
    """Check a posted form and write through its service: True (with the success message) when
    it wrote; False, with the form's errors or the service's refusal shown on the form, when the
    page is to be shown again (status 400) with what was typed."""
    if not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        _add_errors(form, error)
        return False
    messages.success(request, success)
    return True


def year_page(request: HttpRequest, year: int) -> HttpResponse:
    convening = selectors.convening_for_year(year=year)
    if convening is None:
        raise Http404
    return render(
        request,
        "alliance/reconvening/year.html",
        {
            "convening": convening,
            "recommitments": selectors.recommitments(convening=convening),
            "plans": selectors.access_plans(convening=convening),
            "standard_years": selectors.standard_years(year=year),
        },
    )


def standard_changes_page(request: HttpRequest, slug: str, soc_code: str) -> HttpResponse:
    """Public: one member's hiring standard for one occupation, year by year, with what changed."""
    member = get_object_or_404(Member, slug=slug)
    occupation = get_object_or_404(Occupation, soc_code=soc_code)
    rows = selectors.standard_years(member=member, occupation=occupation)
    if not rows:
        raise Http404
    return render(
        request,
        "alliance/reconvening/standard_changes.html",
        {"member": member, "occupation": occupation, "rows": rows},
    )


def press_page(request: HttpRequest, year: int) -> HttpResponse:
    """For journalists: what was signed at a convening, by whom, and the published figures."""
    convening = selectors.convening_for_year(year=year)
    if convening is None:
        raise Http404
    return render(
        request,
        "alliance/reconvening/press.html",
        {
            "convening": convening,
            "press": selectors.press_summary(convening=convening, today=timezone.localdate()),
            "figures": convening_figures(year=year),
        },
    )


def pledge_page(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.pledge_commitment(pk=pk, today=timezone.localdate())
    if commitment is None:
        raise Http404
    return render(
        request,
        "alliance/reconvening/pledge.html",
        {
            "commitment": commitment,
            "share": pledges.commitment_share(commitment=commitment, site=site_of(request)),
            "today": timezone.localdate(),
        },
    )


@require_GET
def pledge_card(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.pledge_commitment(pk=pk, today=timezone.localdate())
    if commitment is None:
        raise Http404
    return pledges.commitment_card(commitment=commitment)


def recommitment_page(request: HttpRequest, pk: int) -> HttpResponse:
    recommitment = selectors.pledge_recommitment(pk=pk)
    if recommitment is None:
        raise Http404
    return render(
        request,
        "alliance/reconvening/recommitment_pledge.html",
        {
            "r": recommitment,
            "share": pledges.recommitment_share(recommitment=recommitment, site=site_of(request)),
        },
    )


@require_GET
def recommitment_card(request: HttpRequest, pk: int) -> HttpResponse:
    recommitment = selectors.pledge_recommitment(pk=pk)
    if recommitment is None:
        raise Http404
    return pledges.recommitment_card(recommitment=recommitment)


def _manage_context(request: HttpRequest, member: Member, **forms: Any) -> dict[str, Any]:
    convening = selectors.convening_current()
    plan = selectors.access_plans(convening=convening, member=member).first() if convening else None
    recommitment = (
        selectors.recommitments(convening=convening, member=member).first() if convening else None
    )
    return {
        "member": member,
        "convening": convening,
        "can_manage": can_manage_member(request.user, member),
        "recommitment": recommitment,
        "plan": plan,
        "recommit_form": forms.get("recommit") or RecommitmentForm(prefix="recommit"),
        "plan_form": forms.get("plan")
        or AccessPlanForm(prefix="plan", initial=authored_initial(plan, ("summary",))),
        "milestone_form": forms.get("milestone") or MilestoneForm(prefix="milestone"),
        "milestones": [
            (m, forms.get("update", {}).get(m.pk) or MilestoneUpdateForm(prefix=f"m{m.pk}"))
            for m in (plan.milestones.all() if plan else [])
        ],
    }


@login_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    """Recommit, write the plan, add milestones (admins); members' other roles only look."""
    member = alliance_selectors.member_for_user(user=request.user, member_slug=slug)
    if request.method == "GET":
        return render(request, "alliance/reconvening/manage.html", _manage_context(request, member))
    if not can_manage_member(request.user, member):
        raise PermissionDenied
    context = _manage_context(request, member)
    convening = context["convening"]
    if convening is None:
        raise Http404
    actor = signed_in_user(request)
    form: Any
    if "recommit" in request.POST:
        form = RecommitmentForm(request.POST, prefix="recommit")
        key = "recommit"

        def write(data: dict[str, Any]) -> None:
            services.recommitment_sign(
                actor=actor,
                member=member,
                convening=convening,
                statement=data["statement"],
                signer_name=data["signer_name"],
                signer_title=data["signer_title"],
                versions=form.versions(),
            )

        success = _("Recommitment signed. It is now public.")
    elif "plan" in request.POST:
        form = AccessPlanForm(request.POST, prefix="plan")
        key = "plan"

        def write(data: dict[str, Any]) -> None:
            services.access_plan_save(
                actor=actor,
                member=member,
                convening=convening,
                summary=data["summary"],
                versions=form.versions(),
            )

        success = _("Plan saved. It is now public.")
    else:
        form = MilestoneForm(request.POST, prefix="milestone")
        key = "milestone"

        def write(data: dict[str, Any]) -> None:
            if context["plan"] is None:
                raise ValidationError(_("Write the plan first, then add its milestones."))
            services.milestone_add(
                actor=actor,
                plan=context["plan"],
                title=data["title"],
                due_on=data["due_on"],
                versions=form.versions(),
            )

        success = _("Milestone added.")
    if _form_write(request, form, write, success=success):
        return redirect("reconvening:manage", slug=member.slug)
    return render(
        request,
        "alliance/reconvening/manage.html",
        _manage_context(request, member, **{key: form}),
        status=400,
    )


@login_required
@require_POST
def milestone_update(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    member = alliance_selectors.member_for_user(user=request.user, member_slug=slug)
    milestone: Milestone = get_object_or_404(
        Milestone.objects.select_related("plan__member"), pk=pk, plan__member=member
    )
    if not can_manage_member(request.user, member):
        raise PermissionDenied
    form = MilestoneUpdateForm(request.POST, prefix=f"m{milestone.pk}")

    def write(data: dict[str, Any]) -> None:
        services.milestone_update(
            actor=signed_in_user(request),
            milestone=milestone,
            status=data["status"],
            note=data["note"],
            versions=form.versions(),
        )

    if _form_write(request, form, write, success=_("Milestone updated.")):
        return redirect("reconvening:manage", slug=member.slug)
    return render(
        request,
        "alliance/reconvening/manage.html",
        _manage_context(request, member, update={milestone.pk: form}),
        status=400,
    )


# --- The industry needs board ------------------------------------------------------------------


def needs_board(request: HttpRequest) -> HttpResponse:
    """Public: what members need, and which providers answered with which programs."""
    return render(
        request,
        "alliance/reconvening/needs.html",
        {
            "needs": selectors.needs_board(),
            "provider_ids": set(providers_for_user(request.user).values_list("id", flat=True)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_needs(request: HttpRequest, slug: str) -> HttpResponse:
    """A member's needs (open and closed); admins post new ones."""
    member = alliance_selectors.member_for_user(user=request.user, member_slug=slug)
    can_manage = can_manage_member(request.user, member)
    form = NeedForm(request.POST or None, prefix="need")
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied

        def write(data: dict[str, Any]) -> None:
            services.need_post(
                actor=signed_in_user(request),
                member=member,
                versions=form.versions(),
                **{k: data[k] for k in NEED_FIELDS},
            )

        if _form_write(
            request, form, write, success=_("Need posted. It is now on the public board.")
        ):
            return redirect("reconvening:member-needs", slug=member.slug)
    return render(
        request,
        "alliance/reconvening/member_needs.html",
        {
            "member": member,
            "can_manage": can_manage,
            "needs": selectors.needs_board(member=member, include_closed=True),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def need_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    member = alliance_selectors.member_for_user(user=request.user, member_slug=slug)
    need = get_object_or_404(Need, pk=pk, member=member)
    services.need_close(actor=signed_in_user(request), need=need)
    messages.success(request, _("Need closed."))
    return redirect("reconvening:member-needs", slug=member.slug)


@login_required
@require_http_methods(["GET", "POST"])
def need_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """A training provider's person answers an open need with one of its programs."""
    providers = providers_for_user(request.user)
    if not providers.exists():
        raise Http404
    need = get_object_or_404(Need.objects.open().select_related("member", "occupation"), pk=pk)
    programs = Program.objects.filter(provider__in=providers).order_by("name")
    form = NeedAnswerForm(request.POST or None, programs=programs, prefix="answer")

    def write(data: dict[str, Any]) -> None:
        services.need_answer(
            actor=signed_in_user(request),
            need=need,
            program=data["program"],
            message=data["message"],
            versions=form.versions(),
        )

    success = _("Answer sent. It is now on the public board.")
    if request.method == "POST" and _form_write(request, form, write, success=success):
        return redirect("reconvening:needs")
    return render(
        request,
        "alliance/reconvening/need_answer.html",
        {"need": need, "form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- Spotlights -------------------------------------------------------------------------------


def spotlights_page(request: HttpRequest) -> HttpResponse:
    """Public: promising programs and member stories, with their figures and sources."""
    return render(
        request,
        "alliance/reconvening/spotlights.html",
        {"spotlights": selectors.spotlights(), "can_publish": is_task_force(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def spotlight_new(request: HttpRequest) -> HttpResponse:
    """The task force publishes a spotlight for the newest convening."""
    require_task_force(request)
    convening = selectors.convening_current()
    if convening is None:
        raise Http404
    form = SpotlightForm(request.POST or None, request.FILES or None)

    def write(data: dict[str, Any]) -> None:
        services.spotlight_create(
            actor=signed_in_user(request),
            convening=convening,
            figures=figures,
            picture=data["picture"],
            picture_alt=data["picture_alt"],
            versions=form.versions(),
            **{k: data[k] for k in ("kind", "title", "body", "member", "program")},
        )

    if request.method == "POST":
        # A figure missing its source is an error on the form: the write below is then skipped.
        figures = form.figures() if form.is_valid() else []
        if _form_write(request, form, write, success=_("Spotlight published.")):
            return redirect("reconvening:spotlights")
    return render(
        request,
        "alliance/reconvening/spotlight_form.html",
        {"form": form, "convening": convening},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def spotlight_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The task force edits a spotlight's text, figures and picture, or withdraws it."""
    require_task_force(request)
    spotlight = get_object_or_404(
        Spotlight.objects.public().select_related("convening", "member", "program"), pk=pk
    )
    form = SpotlightEditForm(request.POST or None, request.FILES or None, spotlight=spotlight)

    def write(data: dict[str, Any]) -> None:
        services.spotlight_update(
            actor=signed_in_user(request),
            spotlight=spotlight,
            title=data["title"],
            body=data["body"],
            figures=figures,
            picture=data["picture"],
            picture_alt=data["picture_alt"],
            remove_picture=data.get("remove_picture") or False,
            versions=form.versions(),
        )

    if request.method == "POST":
        # A figure missing its source is an error on the form: the write below is then skipped.
        figures = form.figures() if form.is_valid() else []
        if _form_write(request, form, write, success=_("Spotlight updated.")):
            return redirect("reconvening:spotlights")
    return render(
        request,
        "alliance/reconvening/spotlight_edit.html",
        {"form": form, "spotlight": spotlight, "withdraw_form": SpotlightWithdrawForm()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def spotlight_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    require_task_force(request)
    spotlight = get_object_or_404(Spotlight.objects.public(), pk=pk)
    form = SpotlightWithdrawForm(request.POST)

    def write(data: dict[str, Any]) -> None:
        services.spotlight_withdraw(
            actor=signed_in_user(request), spotlight=spotlight, reason=data["reason"]
        )

    if _form_write(request, form, write, success=_("Spotlight withdrawn. It is no longer public.")):
        return redirect("reconvening:spotlights")
    return render(
        request,
        "alliance/reconvening/spotlight_edit.html",
        {
            "form": SpotlightEditForm(spotlight=spotlight),
            "spotlight": spotlight,
            "withdraw_form": form,
        },
        status=400,
    )


# --- Awards -----------------------------------------------------------------------------------


def _awards_context(
    request: HttpRequest, convening: Any, forms: dict[str, AwardDecisionForm] | None = None
) -> dict[str, Any]:
    decisions = selectors.award_decisions(convening=convening)
    task_force = is_task_force(request.user)
    rows = []
    for result in award_results(convening=convening):
        decision = decisions.get(result.category)
        form = None
        if task_force:
            form = (forms or {}).get(result.category) or AwardDecisionForm(
                prefix=result.category,
                initial={
                    "member": (decision.member if decision else result.winner),
                    "reason": decision.reason if decision else "",
                },
            )
        winner_id = result.winner.pk if result.winner else None
        changed = decision is not None and decision.computed.get("winner_id") != winner_id
        rows.append({"result": result, "decision": decision, "form": form, "changed": changed})
    return {"convening": convening, "awards": rows, "can_decide": task_force}


def awards_page(request: HttpRequest, year: int) -> HttpResponse:
    """Public: each award's rule, the ranked figures, the computed winner and why, and the task
    force's confirmation or choice with its reason."""
    convening = selectors.convening_for_year(year=year)
    if convening is None:
        raise Http404
    return render(request, "alliance/reconvening/awards.html", _awards_context(request, convening))


@login_required
@require_POST
def award_decide(request: HttpRequest, year: int, category: str) -> HttpResponse:
    require_task_force(request)
    convening = selectors.convening_for_year(year=year)
    if convening is None or category not in award_category_keys():
        raise Http404
    form = AwardDecisionForm(request.POST, prefix=category)
    if form.is_valid():
        try:
            decision = services.award_decide(
                actor=signed_in_user(request),
                convening=convening,
                category=category,
                member=form.cleaned_data["member"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Decision recorded and published: %(outcome)s.")
                % {"outcome": decision.get_outcome_display()},
            )
            return redirect("reconvening:awards", year=year)
    return render(
        request,
        "alliance/reconvening/awards.html",
        _awards_context(request, convening, {category: form}),
        status=400,
    )
