"""Pages of the task force's meetings (public reading; task force writing) and the feed."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from alliance.models import CertificationDecision, HiringStandard
from alliance.permissions import TASK_FORCE_GROUP, is_task_force, require_task_force

from . import selectors, services
from .calendar_feed import calendar_ics
from .forms import DecisionForm, HighDemandForm, MinutesForm, ScheduleForm
from .models import DecisionKind, Meeting


@require_http_methods(["GET", "POST"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Every meeting; the task force also schedules one here."""
    form = ScheduleForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require_task_force(request)
        if form.is_valid():
            try:
                meeting = services.meeting_schedule(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error("scheduled_for", error)
            else:
                return redirect("taskforce:meeting", pk=meeting.pk)
    today = timezone.localdate()
    meetings = list(selectors.meeting_list())
    return render(
        request,
        "alliance/taskforce/meeting_list.html",
        {
            "upcoming": [m for m in reversed(meetings) if m.scheduled_for >= today],
            "past": [m for m in meetings if m.scheduled_for < today],
            "form": form,
            "task_force": is_task_force(request.user),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        meeting = selectors.meeting_detail(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    task_force = is_task_force(request.user)
    forms = {
        "minutes": MinutesForm(initial={"minutes": meeting.minutes}),
        "decision": DecisionForm(),
        "high_demand": HighDemandForm(),
    }
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require_task_force(request)
        try:
            done = _meeting_action(request, meeting, forms)
        except ValidationError as error:
            done = False
            forms["errors"] = error.messages  # type: ignore[assignment]
        if done:
            return redirect("taskforce:meeting", pk=meeting.pk)
        status = 400
    today = timezone.localdate()
    context = {
        "meeting": meeting,
        "task_force": task_force,
        "forms": forms,
        "agenda": selectors.meeting_agenda(meeting=meeting, today=today)
        if task_force and not meeting.minutes_public
        else None,
        "members": _task_force_people() if task_force else [],
        "present_ids": set(
            meeting.attendance.filter(present=True).values_list("person_id", flat=True)
        )
        if task_force
        else set(),
    }
    return render(request, "alliance/taskforce/meeting_detail.html", context, status=status)


def _meeting_action(request: HttpRequest, meeting: Meeting, forms: dict) -> bool:
    """Run the one action the form posted; True when done, False when its form has errors."""
    action = request.POST.get("action")
    today = timezone.localdate()
    if action == "attendance":
        present = [int(v) for v in request.POST.getlist("present") if v.isdigit()]
        people = [p.pk for p in _task_force_people()]
        services.meeting_attendance_record(
            actor=request.user, meeting=meeting, present=present, absent=people
        )
        return True
    if action == "cancel":
        services.meeting_cancel(actor=request.user, meeting=meeting)
        return True
    if action == "minutes":
        minutes_form = forms["minutes"] = MinutesForm(request.POST)
        if not minutes_form.is_valid():
            return False
        services.meeting_minutes_save(
            actor=request.user, meeting=meeting, minutes=minutes_form.cleaned_data["minutes"]
        )
        return True
    if action == "approve":
        services.meeting_minutes_approve(actor=request.user, meeting=meeting, today=today)
        return True
    if action == "decision":
        decision_form = forms["decision"] = DecisionForm(request.POST)
        if not decision_form.is_valid():
            return False
        kind, link = decision_form.cleaned_data["kind"], decision_form.cleaned_data["link"]
        linked: dict[str, object] = {}
        if kind == DecisionKind.CERTIFICATION:
            linked["certification"] = _linked(CertificationDecision, link)
        elif kind == DecisionKind.HIRING_STANDARD:
            linked["hiring_standard"] = _linked(HiringStandard, link)
        services.meeting_decision_record(
            actor=request.user,
            meeting=meeting,
            kind=kind,
            summary=decision_form.cleaned_data["summary"],
            **linked,  # type: ignore[arg-type]
        )
        return True
    if action == "high_demand":
        list_form = forms["high_demand"] = HighDemandForm(request.POST)
        if not list_form.is_valid():
            return False
        services.high_demand_list_decide(
            actor=request.user,
            meeting=meeting,
            entries=list_form.cleaned_data["entries"],
            note=list_form.cleaned_data["note"],
            today=today,
        )
        return True
    raise ValidationError(_("Unknown action."))


def _linked(model: type[models.Model], pk: int | None) -> object:
    if pk is None:
        raise ValidationError(_("Give the number of what this decision decided."))
    found = model._default_manager.filter(pk=pk).first()
    if found is None:
        raise ValidationError(_("Number %(pk)s was not found.") % {"pk": pk})
    return found


def _task_force_people() -> list:
    return list(
        get_user_model()
        .objects.filter(groups__name=TASK_FORCE_GROUP, is_active=True)
        .order_by("last_name", "first_name", "username")
    )


@require_GET
def high_demand(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "alliance/taskforce/high_demand.html",
        {"current": selectors.high_demand_current(), "history": selectors.high_demand_history()},
    )


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    since = timezone.localdate() - dt.timedelta(days=365)
    body = calendar_ics(
        events=selectors.calendar_events(since=since), base=request.build_absolute_uri("/")
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="alliance.ics"'
    return response
