"""Pages of training providers (their portal), the task force's review queue, and the gaps.

Every id in a URL is looked up inside what the signed-in user may see: another provider's
submission or file is a 404; a provider or member opening the task force's pages gets 403.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.permissions import require_task_force, signed_in_user
from alliance.views import _add_errors, invitation_accept_page
from credentials.models import OutcomeReport

from . import selectors, services
from .emails import provider_invitation_send
from .forms import (
    AssignForm,
    CommentForm,
    DecisionForm,
    EvidenceForm,
    GapFilterForm,
    OutcomeVerifyForm,
    ProviderChoiceForm,
    ProviderInvitationForm,
    SubmissionForm,
)
from .models import Evidence, ProviderInvitation, ReviewVote
from .permissions import is_task_force, providers_for_user

# --- Public: gaps -----------------------------------------------------------------------------


def gaps(request: HttpRequest) -> HttpResponse:
    form = GapFilterForm(request.GET or None)
    level = form.cleaned_data.get("level") if form.is_valid() else None
    level = level or "high_school"
    return render(
        request,
        "alliance/providers/gaps.html",
        {
            "form": form,
            "level": level,
            "gaps": selectors.gaps(education_level=level),
            "short_weeks": services.SHORT_WEEKS,
            "affordable_usd": services.AFFORDABLE_USD,
            "can_invite": is_task_force(request.user),
        },
        status=200 if not form.is_bound or form.is_valid() else 400,
    )


# --- The provider's portal --------------------------------------------------------------------


@login_required
def portal(request: HttpRequest) -> HttpResponse:
    providers = providers_for_user(request.user)
    return render(
        request,
        "alliance/providers/portal.html",
        {
            "providers": providers,
            "submissions": selectors.submissions_for_provider_user(user=request.user),
            "invitations": ProviderInvitation.objects.with_stage()
            .filter(provider__in=providers, occupation__isnull=False)
            .select_related("occupation"),
        },
    )


def _invitation_for(request: HttpRequest) -> ProviderInvitation | None:
    """The gap invitation a new submission answers (?invitation=), among the user's own."""
    raw = request.GET.get("invitation") or request.POST.get("invitation") or ""
    if not raw.isdigit():
        return None
    return get_object_or_404(
        ProviderInvitation, pk=int(raw), provider__in=providers_for_user(request.user)
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_new(request: HttpRequest) -> HttpResponse:
    providers = providers_for_user(request.user)
    if not providers.exists():
        raise PermissionDenied
    invitation = _invitation_for(request)
    initial: dict[str, Any] = {}
    if invitation is not None and invitation.occupation is not None:
        initial = {
            "occupation": invitation.occupation.soc_code,
            "starting_education": invitation.education_level,
        }
    form = SubmissionForm(request.POST or None, initial=initial)
    choice = ProviderChoiceForm(
        request.POST or None,
        providers=providers,
        initial={
            "provider": getattr(
                invitation.provider if invitation else providers.first(), "slug", None
            )
        },
    )
    if request.method == "POST" and form.is_valid() and choice.is_valid():
        try:
            submission = services.submission_save(
                actor=signed_in_user(request),
                provider=choice.cleaned_data["provider"],
                data=form.cleaned_data,
                invitation=invitation,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Sent to the task force. Add your evidence files below."))
            return redirect("providers:submission", pk=submission.pk)
    return render(
        request,
        "alliance/providers/submission_form.html",
        {"form": form, "choice": choice, "invitation": invitation, "submission": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for_provider_user(user=request.user, pk=pk)
    form = SubmissionForm(request.POST or None, instance=submission)
    status = 200
    if request.method == "POST":
        if not submission.is_editable:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.submission_save(
                    actor=signed_in_user(request),
                    provider=submission.provider,
                    data=form.cleaned_data,
                    submission=submission,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Changes saved and sent to the task force again."))
                return redirect("providers:submission", pk=submission.pk)
        status = 400
    return render(
        request,
        "alliance/providers/submission_detail.html",
        _submission_context(submission, form=form, for_provider=True),
        status=status,
    )


def _submission_context(submission: Any, *, for_provider: bool, **extra: Any) -> dict[str, Any]:
    comments = submission.comments.select_related("author")
    if for_provider:
        comments = comments.filter(for_provider=True)
    return {
        "submission": submission,
        "evidence": submission.evidence.all(),
        "comments": comments,
        "evidence_form": extra.pop("evidence_form", None) or EvidenceForm(),
        **extra,
    }


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for_provider_user(user=request.user, pk=pk)
    form = EvidenceForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.evidence_add(
                actor=signed_in_user(request),
                submission=submission,
                upload=upload,
                filename=upload.name,
            )
        except services.EvidenceRefused as refused:
            form.add_error("file", refused.message)
            status = refused.status
        else:
            messages.success(request, _("File kept. Only you and the task force can open it."))
            return redirect("providers:submission", pk=submission.pk)
    return render(
        request,
        "alliance/providers/submission_detail.html",
        _submission_context(
            submission,
            for_provider=True,
            form=SubmissionForm(instance=submission),
            evidence_form=form,
        ),
        status=status,
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file, to its provider's people and the task force only (never a public URL)."""
    evidence = get_object_or_404(Evidence.objects.select_related("submission"), pk=pk)
    selectors.submission_for_viewer(user=request.user, pk=evidence.submission_id)
    response = FileResponse(
        services.evidence_open(evidence=evidence),
        as_attachment=True,
        filename=evidence.original_filename,
        content_type=evidence.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Invitations ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    return invitation_accept_page(
        request,
        services.provider_invitation_from_token(token=token),
        accept=services.provider_invitation_accept,
        template="alliance/providers/invitation_accept.html",
        welcome=_("Welcome. You can now send your programs for review."),
        next_url=reverse("providers:portal"),
    )


# --- The task force ---------------------------------------------------------------------------


@login_required
def review_queue(
    request: HttpRequest, verify_forms: dict[int, OutcomeVerifyForm] | None = None
) -> HttpResponse:
    require_task_force(request)
    reports = [
        (report, (verify_forms or {}).get(report.pk) or OutcomeVerifyForm(prefix=f"r{report.pk}"))
        for report in selectors.outcome_reports_to_verify()
    ]
    return render(
        request,
        "alliance/providers/review_queue.html",
        {
            "queue": selectors.review_queue(),
            "decided": selectors.recent_decisions(),
            "invitations": selectors.invitations_with_stage()[:50],
            "outcome_reports": reports,
        },
        status=400 if verify_forms else 200,
    )


@login_required
@require_POST
def outcome_report_verify(request: HttpRequest, pk: int) -> HttpResponse:
    """The task force verifies a provider's outcome report on a credential, from the queue."""
    require_task_force(request)
    report: OutcomeReport = get_object_or_404(
        OutcomeReport.objects.select_related("credential__provider"), pk=pk, self_reported=True
    )
    form = OutcomeVerifyForm(request.POST, prefix=f"r{report.pk}")
    if form.is_valid():
        try:
            services.outcome_report_verify(
                actor=signed_in_user(request), report=report, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Verified: the figures for %(credential)s now say so.")
                % {"credential": report.credential.name},
            )
            return redirect("providers:review-queue")
    return review_queue(request, {report.pk: form})


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """Invite a provider; from a gap the occupation and level come filled in."""
    require_task_force(request)
    initial = {
        "occupation": request.GET.get("occupation", "")[:10],
        "education_level": request.GET.get("level", "")[:20],
    }
    form = ProviderInvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = services.provider_invitation_create(
                actor=signed_in_user(request), **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            provider_invitation_send(request=request, invitation=invitation, token=token)
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("providers:review-queue")
    return render(
        request,
        "alliance/providers/invite.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


REVIEW_ACTIONS = ("assign", "comment", "vote", "decide")


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    require_task_force(request)
    submission = selectors.submission_for_viewer(user=request.user, pk=pk)
    action = next((a for a in REVIEW_ACTIONS if a in request.POST), None)
    forms = {
        "assign": AssignForm(
            request.POST if action == "assign" else None,
            prefix="assign",
            initial={"reviewer": submission.reviewer_id},
        ),
        "comment": CommentForm(request.POST if action == "comment" else None, prefix="comment"),
        "decide": DecisionForm(request.POST if action == "decide" else None, prefix="decide"),
    }
    status = 200
    if request.method == "POST":
        status = 400
        actor = signed_in_user(request)
        data = request.POST
        try:
            if action == "vote":
                services.review_vote(
                    actor=actor, submission=submission, choice=data.get("choice", "")
                )
                messages.success(request, _("Vote recorded. You can change it until the decision."))
                return redirect("providers:review", pk=submission.pk)
            form = forms.get(action or "")
            if form is not None and form.is_valid():
                if action == "assign":
                    services.review_assign(
                        actor=actor, submission=submission, reviewer=form.cleaned_data["reviewer"]
                    )
                    messages.success(request, _("Reviewer saved."))
                elif action == "comment":
                    services.review_comment(actor=actor, submission=submission, **form.cleaned_data)
                    messages.success(request, _("Comment added."))
                else:
                    services.review_decide(actor=actor, submission=submission, **form.cleaned_data)
                    messages.success(request, _("Decision recorded. The provider can see it."))
                return redirect("providers:review", pk=submission.pk)
        except ValidationError as error:
            target = forms.get(action or "") or forms["decide"]
            if action == "vote":
                messages.error(request, " ".join(error.messages))
            else:
                _add_errors(target, error)
    votes = ReviewVote.objects.filter(submission=submission).select_related("voter")
    return render(
        request,
        "alliance/providers/review.html",
        _submission_context(
            submission,
            for_provider=False,
            votes=votes,
            my_vote=next((v.choice for v in votes if v.voter_id == request.user.pk), None),
            **{f"{name}_form": form for name, form in forms.items()},
        ),
        status=status,
    )
