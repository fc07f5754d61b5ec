"""Counselor plan pages: thin views over the plans' services and selectors.

Every plan has a view link and an edit link (see Plan); pages reached by the view link show the
plan without its forms unless the owner is signed in, and changes through it are refused.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_from_path, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from careerportal.redirects import safe_next_url

from . import selectors, services
from .models import Plan

# The edit token of the plan this browser started: "Add to my plan" adds to it.
SESSION_KEY = "plan_edit_token"


class PlanForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Plan name"), max_length=120, required=False)
    notes = forms.CharField(
        label=gettext_lazy("Notes"), max_length=5000, required=False, widget=forms.Textarea
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Student's language (the printout is in it)"),
        choices=settings.LANGUAGES,
        required=False,
    )


class AddForm(forms.Form):
    token = forms.CharField(max_length=43, required=False)
    occupation = forms.CharField(max_length=7, required=False)
    credential = forms.SlugField(max_length=120, required=False)
    note = forms.CharField(max_length=500, required=False)
    # Where to come back to (the catalog's pages); without it the plan itself opens.
    next = forms.CharField(max_length=2000, required=False)


def _access_or_404(request: HttpRequest, key: str) -> selectors.PlanAccess:
    access = selectors.plan_access(key=key, user=request.user)  # type: ignore[arg-type]
    if access is None:
        raise Http404(_("No plan at this link. Check that you copied the whole link."))
    return access


def _read_only(request: HttpRequest) -> HttpResponse:
    message = _(
        "This link lets you see the plan but not change it. Ask the person who made it for"
        " the edit link."
    )
    return render(request, "credentials/plans/error.html", {"message": message}, status=403)


def plan_index(request: HttpRequest) -> HttpResponse:
    """Signed-in counselors see their plans; everyone can start one."""
    plans = (
        selectors.plan_list_for_user(user=request.user)  # type: ignore[arg-type]
        if request.user.is_authenticated
        else None
    )
    current = request.session.get(SESSION_KEY)
    return render(
        request,
        "credentials/plans/index.html",
        {
            "plans": plans,
            "current": current,
            "form": PlanForm(initial={"language": get_language()}),
        },
    )


@require_POST
def plan_new(request: HttpRequest) -> HttpResponse:
    form = PlanForm(request.POST)
    if not form.is_valid():
        return render(request, "credentials/plans/index.html", {"form": form}, status=400)
    plan = services.plan_create(user=request.user, **form.cleaned_data)
    request.session[SESSION_KEY] = plan.edit_token
    return HttpResponseRedirect(reverse("plans:detail", args=[plan.edit_token]))


@require_POST
def plan_add(request: HttpRequest) -> HttpResponse:
    """Add a career or credential to the plan whose edit link is in the form, or this
    browser's plan, or a new one."""
    form = AddForm(request.POST)
    if not form.is_valid():
        return render(request, "credentials/plans/error.html", {"form": form}, status=400)
    data = form.cleaned_data
    key = data["token"] or request.session.get(SESSION_KEY, "")
    access = selectors.plan_access(key=key, user=request.user) if key else None  # type: ignore[arg-type]
    if access is not None and not access.can_edit:
        return _read_only(request)
    if access is None:
        plan = services.plan_create(user=request.user)
        request.session[SESSION_KEY] = plan.edit_token
        key = plan.edit_token
    else:
        plan, key = access.plan, access.key
    try:
        services.plan_item_add(
            plan=plan,
            soc_code=data["occupation"],
            credential_slug=data["credential"],
            note=data["note"],
        )
    except services.PlanError as error:
        return render(request, "credentials/plans/error.html", {"message": str(error)}, status=400)
    plan_url = reverse("plans:detail", args=[key])
    back = safe_next_url(request, data["next"])
    if back:
        messages.success(
            request,
            format_html(
                '{} <a class="usa-link" href="{}">{}</a>',
                _("Added to your plan."),
                plan_url,
                _("Open your plan"),
            ),
        )
        return HttpResponseRedirect(back)
    messages.success(request, _("Added to your plan."))
    return HttpResponseRedirect(plan_url)


def plan_detail(request: HttpRequest, token: str) -> HttpResponse:
    access = _access_or_404(request, token)
    plan = access.plan
    return render(
        request,
        "credentials/plans/detail.html",
        {
            **_items_context(request, access),
            "form": PlanForm(
                initial={"title": plan.title, "notes": plan.notes, "language": plan.language}
            ),
        },
    )


def _items_context(request: HttpRequest, access: selectors.PlanAccess) -> dict[str, object]:
    plan = access.plan
    return {
        "plan": plan,
        "contents": selectors.plan_contents(plan=plan),
        "language_name": dict(settings.LANGUAGES).get(plan.language, plan.language),
        "can_edit": access.can_edit,
        "key": access.key,
        "share_url": request.build_absolute_uri(reverse("plans:detail", args=[plan.token])),
        "edit_url": (
            request.build_absolute_uri(reverse("plans:detail", args=[plan.edit_token]))
            if access.can_edit
            else ""
        ),
        "handout_url": _handout_url(plan, plan.token),
    }


def plan_handout(request: HttpRequest, token: str) -> HttpResponse:
    """The one-page printout for the student, in the plan's language: the plain address opens
    it under that language's prefix (so the page, its glossary links and its language attribute
    agree); an address with a prefix keeps the language it names."""
    access = _access_or_404(request, token)
    language = access.plan.language
    if get_language_from_path(request.path_info) is None and language != get_language():
        return HttpResponseRedirect(_handout_url(access.plan, token))
    return render(request, "credentials/plans/handout.html", _items_context(request, access))


def _handout_url(plan: Plan, key: str) -> str:
    with translation.override(plan.language):
        return reverse("plans:handout", args=[key])


@require_POST
def plan_edit(request: HttpRequest, token: str) -> HttpResponse:
    access = _access_or_404(request, token)
    if not access.can_edit:
        return _read_only(request)
    form = PlanForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "credentials/plans/detail.html",
            {**_items_context(request, access), "form": form},
            status=400,
        )
    data = form.cleaned_data
    services.plan_update(
        plan=access.plan,
        title=data["title"],
        notes=data["notes"],
        language=data["language"] or None,
    )
    messages.success(request, _("Plan saved."))
    return HttpResponseRedirect(reverse("plans:detail", args=[access.key]))


@require_POST
def plan_item_delete(request: HttpRequest, token: str, item_id: int) -> HttpResponse:
    access = _access_or_404(request, token)
    if not access.can_edit:
        return _read_only(request)
    services.plan_item_remove(plan=access.plan, item_id=item_id)
    return HttpResponseRedirect(reverse("plans:detail", args=[access.key]))
