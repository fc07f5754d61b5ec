"""Pages of the Alliance: public board, member pages, employers' guide, member and task-force areas.

Views parse, call one service or selector, render. Every id in a URL is looked up inside what
the signed-in user may see, so another member's id is a 404, not a 403.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from credentials.ctdl.views import jsonld_response
from credentials.models import Credential

from . import ctdl, selectors, services
from .emails import invitation_send
from .extensions import member_panels_render
from .forms import (
    CertificationDecisionForm,
    CertificationVoteForm,
    CommitmentSignForm,
    EmployerRoleForm,
    HiringStandardForm,
    InvitationForm,
    RecognitionForm,
    SetPasswordForm,
    StandardReviewForm,
)
from .models import (
    AuditEntry,
    CertificationStatus,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
    Member,
    MembershipRole,
    RecognitionKind,
)
from .permissions import (
    can_manage_member,
    is_staff,
    member_role,
    require_task_force,
    signed_in_user,
)
from .signin import password_reset_allowed


def _add_errors(form: Any, error: ValidationError) -> None:
    """Show a service's refusal on the form, next to the field it concerns when it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# --- Public pages -----------------------------------------------------------------------------


def alliance_home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "alliance/home.html",
        {
            "members": selectors.member_list(),
            "commitments": selectors.commitment_board(today=today),
            "counts": selectors.commitment_board_counts(today=today),
            "convenings": selectors.convening_list(),
            "today": today,
        },
    )


def member_detail(request: HttpRequest, slug: str) -> HttpResponse:
    member = get_object_or_404(Member, slug=slug)
    today = timezone.localdate()
    return render(
        request,
        "alliance/member_detail.html",
        {
            "member": member,
            "commitments": selectors.commitment_board(today=today, member=member),
            "recognitions": selectors.recognitions_for_member(member=member),
            "standards": HiringStandard.objects.approved()
            .filter(member=member)
            .select_related("occupation"),
            "awards": member.awards.select_related("convening"),
            "panels": member_panels_render(request=request, member=member),
            "today": today,
        },
    )


@require_http_methods(["GET", "HEAD"])
def member_jsonld(request: HttpRequest, slug: str) -> HttpResponse:
    """One Alliance member as a CTDL organization, with the credentials it recognizes."""
    return jsonld_response(ctdl.member_document(get_object_or_404(Member, slug=slug)))


def certification_history(request: HttpRequest, slug: str) -> HttpResponse:
    credential = get_object_or_404(Credential.objects.published(), slug=slug)
    history = selectors.certification_history(credential=credential, today=timezone.localdate())
    current = history[0] if history else None
    return render(
        request,
        "alliance/certification_history.html",
        {
            "credential": credential,
            "history": history,
            "current": current,
            "certified": bool(current and current.is_active),  # type: ignore[attr-defined]
            "counts": selectors.recognition_counts(credential_ids=[credential.pk]).get(
                credential.pk, {}
            ),
            "kinds": RecognitionKind,
        },
    )


def employers(request: HttpRequest) -> HttpResponse:
    """'Which credentials can I trust?' for one role, with the hiring guide."""
    form = EmployerRoleForm(request.GET or None)
    guide = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            guide = selectors.employer_guide(
                occupation=form.cleaned_data["occupation"], today=timezone.localdate()
            )
        else:
            status = 400
    context = {
        "form": form,
        "guide": guide,
        "occupation": form.cleaned_data.get("occupation")
        if form.is_bound and form.is_valid()
        else None,
    }
    template = (
        "alliance/includes/_employer_results.html"
        if getattr(request, "htmx", False)
        else "alliance/employers.html"
    )
    return render(request, template, context, status=status)


# --- Member area ------------------------------------------------------------------------------


@login_required
def manage_index(request: HttpRequest) -> HttpResponse:
    memberships = list(selectors.memberships_for_user(user=request.user))
    if len(memberships) == 1 and not is_staff(request.user):
        return redirect("alliance:manage", slug=memberships[0].member.slug)
    members = Member.objects.order_by("name") if is_staff(request.user) else None
    return render(
        request,
        "alliance/manage_index.html",
        {"memberships": memberships, "members": members},
    )


def _manage_context(request: HttpRequest, member: Member, **forms: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "member": member,
        "role": MembershipRole(role).label if (role := member_role(request.user, member)) else None,
        "can_manage": can_manage_member(request.user, member),
        "commitments": selectors.commitment_board(today=today, member=member),
        "missing_required": services.commitments_required_missing(member=member),
        "recognitions": selectors.recognitions_for_member(member=member),
        "standards": member.hiring_standards.select_related("occupation").order_by("-updated_at"),
        "memberships": member.memberships.select_related("user").order_by("role", "user__email"),
        "invitations": member.invitations.filter(accepted_at__isnull=True),
        "sign_form": forms.get("sign_form") or CommitmentSignForm(prefix="sign"),
        "recognition_form": forms.get("rec_form") or RecognitionForm(prefix="rec"),
        "invite_form": forms.get("invite_form") or InvitationForm(prefix="invite"),
        "today": today,
    }


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    member = selectors.member_for_user(user=request.user, member_slug=slug)
    return render(request, "alliance/manage.html", _manage_context(request, member))


def _refuse_unless_admin(request: HttpRequest, member: Member) -> None:
    if not can_manage_member(request.user, member):
        raise PermissionDenied


def _manage_post(
    request: HttpRequest,
    slug: str,
    *,
    form_class: type[Any],
    prefix: str,
    write: Callable[[Member, dict[str, Any]], Any],
    success: str,
) -> HttpResponse:
    """Shared shape of the member area's forms: admin only, parse, write, or show why not."""
    member = selectors.member_for_user(user=request.user, member_slug=slug)
    _refuse_unless_admin(request, member)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            write(member, form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("alliance:manage", slug=member.slug)
    context = _manage_context(request, member, **{f"{prefix}_form": form})
    return render(request, "alliance/manage.html", context, status=400)


@login_required
@require_POST
def commitment_sign(request: HttpRequest, slug: str) -> HttpResponse:
    return _manage_post(
        request,
        slug,
        form_class=CommitmentSignForm,
        prefix="sign",
        write=lambda member, data: services.commitment_sign(
            actor=signed_in_user(request),
            member=member,
            kind=data["kind"],
            deadline=data["deadline"],
            signer_name=data["signer_name"],
            signer_title=data["signer_title"],
            note=data["note"],
        ),
        success=_("Commitment signed. It is now on the public board."),
    )


@login_required
@require_POST
def recognition_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _manage_post(
        request,
        slug,
        form_class=RecognitionForm,
        prefix="rec",
        write=lambda member, data: services.recognition_set(
            actor=signed_in_user(request),
            member=member,
            credential=data["credential"],
            kind=data["kind"],
        ),
        success=_("Saved. The public count for this credential is updated."),
    )


@login_required
@require_POST
def recognition_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    member = selectors.member_for_user(user=request.user, member_slug=slug)
    recognition = get_object_or_404(CredentialRecognition, pk=pk, member=member)
    services.recognition_remove(actor=signed_in_user(request), recognition=recognition)
    messages.success(request, _("Removed."))
    return redirect("alliance:manage", slug=member.slug)


@login_required
@require_POST
def invitation_create(request: HttpRequest, slug: str) -> HttpResponse:
    def write(member: Member, data: dict[str, Any]) -> None:
        invitation, token = services.invitation_create(
            actor=signed_in_user(request), member=member, **data
        )
        invitation_send(request=request, invitation=invitation, token=token)

    return _manage_post(
        request,
        slug,
        form_class=InvitationForm,
        prefix="invite",
        write=write,
        success=_("Invitation sent to %(email)s.")
        % {"email": request.POST.get("invite-email", "")[:254]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def standard_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    member = selectors.member_for_user(user=request.user, member_slug=slug)
    standard = get_object_or_404(HiringStandard, pk=pk, member=member) if pk else None
    editable = can_manage_member(request.user, member) and (
        standard is None or standard.status != HiringStandardStatus.APPROVED
    )
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = HiringStandardForm(request.POST, instance=standard)
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                standard = services.hiring_standard_save(
                    actor=signed_in_user(request),
                    member=member,
                    data=data,
                    standard=standard,
                    submit="submit" in request.POST,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Sent to the task force for review.")
                    if standard.status == HiringStandardStatus.SUBMITTED
                    else _("Draft saved."),
                )
                return redirect("alliance:manage", slug=member.slug)
        status = 400
    else:
        form = HiringStandardForm(instance=standard)
        status = 200
    return render(
        request,
        "alliance/standard_form.html",
        {"member": member, "standard": standard, "form": form, "editable": editable},
        status=status,
    )


# --- Invitations ------------------------------------------------------------------------------


def invitation_accept_page(
    request: HttpRequest,
    invitation: Any,
    *,
    accept: Callable[..., Any],
    template: str,
    welcome: str,
    next_url: str,
) -> HttpResponse:
    """The shared shape of an invitation link (member or training provider): an invitee
    signed in with the invited email just joins; anyone else chooses a password first."""
    if invitation is None:
        return render(request, "registration/invitation_invalid.html", status=404)
    email = getattr(request.user, "email", "") or ""
    signed_in_as_invitee = request.user.is_authenticated and email.lower() == invitation.email
    form = SetPasswordForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (signed_in_as_invitee or form.is_valid()):
        try:
            user = accept(
                invitation=invitation,
                password=None if signed_in_as_invitee else form.cleaned_data["password1"],
                user=request.user if signed_in_as_invitee else None,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if not signed_in_as_invitee:
                login(request, user, backend="alliance.signin.RateLimitedModelBackend")
            messages.success(request, welcome)
            return redirect(next_url)
    return render(
        request,
        template,
        {"invitation": invitation, "form": form, "signed_in_as_invitee": signed_in_as_invitee},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_from_token(token=token)
    return invitation_accept_page(
        request,
        invitation,
        accept=services.invitation_accept,
        template="registration/invitation_accept.html",
        welcome=_("Welcome to %(member)s.") % {"member": invitation.member.name}
        if invitation
        else "",
        next_url=reverse("alliance:manage", args=[invitation.member.slug]) if invitation else "",
    )


# --- Task force -------------------------------------------------------------------------------


@login_required
def task_force(request: HttpRequest) -> HttpResponse:
    require_task_force(request)
    if slug := request.GET.get("credential"):
        credential = get_object_or_404(Credential.objects.published(), slug=slug[:120])
        return redirect("alliance:task-force-credential", slug=credential.slug)
    return render(
        request,
        "alliance/task_force.html",
        {
            "queue": selectors.certification_queue(today=timezone.localdate()),
            "submitted": HiringStandard.objects.filter(status=HiringStandardStatus.SUBMITTED)
            .select_related("member", "occupation")
            .order_by("updated_at"),
            "credentials": Credential.objects.published()
            .filter(is_synthetic=False)
            .order_by("name")
            .only("slug", "name")[:500],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_force_credential(request: HttpRequest, slug: str) -> HttpResponse:
    require_task_force(request)
    credential = get_object_or_404(Credential.objects.published(), slug=slug)
    current = services.certification_current_decision(credential=credential)
    allowed = services.CERTIFICATION_NEXT.get(current.status if current else None, set())
    decision_form = CertificationDecisionForm(
        request.POST if "decide" in request.POST else None, allowed=allowed, prefix="decide"
    )
    vote_form = CertificationVoteForm(
        request.POST if "vote" in request.POST else None, prefix="vote"
    )
    status = 200
    if request.method == "POST":
        form = decision_form if "decide" in request.POST else vote_form
        if form.is_valid():
            try:
                if form is decision_form:
                    services.certification_decide(
                        actor=signed_in_user(request), credential=credential, **form.cleaned_data
                    )
                    messages.success(request, _("Decision recorded and published."))
                else:
                    services.certification_vote(
                        actor=signed_in_user(request), credential=credential, **form.cleaned_data
                    )
                    messages.success(request, _("Vote recorded."))
            except ValidationError as error:
                _add_errors(form, error)
            else:
                return redirect("alliance:task-force-credential", slug=credential.slug)
        status = 400
    return render(
        request,
        "alliance/task_force_credential.html",
        {
            "credential": credential,
            "current": current,
            "history": selectors.certification_history(
                credential=credential, today=timezone.localdate()
            ),
            "decision_form": decision_form,
            "vote_form": vote_form,
            "can_vote": current is not None and current.status == CertificationStatus.UNDER_REVIEW,
            "allowed": allowed,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_force_standard(request: HttpRequest, pk: int) -> HttpResponse:
    require_task_force(request)
    standard: HiringStandard = get_object_or_404(
        HiringStandard.objects.select_related("member", "occupation"), pk=pk
    )
    form = StandardReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hiring_standard_review(
                actor=signed_in_user(request),
                standard=standard,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Review saved."))
            return redirect("alliance:task-force")
    return render(
        request,
        "alliance/task_force_standard.html",
        {"standard": standard, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """Staff only: every audited change, newest first."""
    if not is_staff(request.user):
        raise PermissionDenied
    action = request.GET.get("action", "")[:60]
    entries = selectors.audit_entries(action=action or None)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    actions = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return render(
        request,
        "alliance/audit_log.html",
        {"page": page, "action": action, "actions": list(actions)},
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page, limited per client address and per e-mail address (signin.py)."""

    def form_valid(self, form: Any) -> HttpResponse:
        address_ok, email_ok = password_reset_allowed(
            email=form.cleaned_data["email"], request=self.request
        )
        if not address_ok:
            form.add_error(
                None,
                _("Too many password reset requests from your network. Try again in an hour."),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if not email_ok:
            # The same page as when a mail is sent: whether the account exists stays unsaid.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
