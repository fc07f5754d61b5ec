"""The member portal: upload hiring data, follow its processing, read problems, see history."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from alliance.models import Member
from alliance.permissions import upload_member_ids
from alliance.providers.permissions import providers_for_user
from alliance.selectors import memberships_for_user
from careerportal.csv_download import CONTENT_TYPE as CSV_CONTENT_TYPE
from careerportal.csv_download import csv_response

from . import exports, ingest, selectors, services
from .forms import UploadForm
from .models import (
    Education,
    JobCategory,
    RaceEthnicity,
    Sex,
    SubmissionShape,
    SubmissionStatus,
    TrainingPathway,
)

PENDING = {SubmissionStatus.RECEIVED, SubmissionStatus.PROCESSING}
PROBLEMS_ON_PAGE = 500
CELLS_ON_PAGE = 50


def _upload_members(request: HttpRequest):  # type: ignore[no-untyped-def]
    return Member.objects.filter(pk__in=upload_member_ids(request.user))


def _memberships(request: HttpRequest) -> list[tuple[Member, str]]:
    """The user's members, each with the role's label (shown above the upload form)."""
    return [(m.member, m.get_role_display()) for m in memberships_for_user(user=request.user)]


@login_required
def portal_home(request: HttpRequest) -> HttpResponse:
    """Upload form (for submitters and admins) and the history of the user's members."""
    memberships = _memberships(request)
    if not memberships and not request.user.is_staff and providers_for_user(request.user).exists():
        # Where sign-in lands (LOGIN_REDIRECT_URL): a training provider's people belong in theirs.
        return redirect("providers:portal")
    upload_members = _upload_members(request)
    form = UploadForm(members=upload_members)
    submissions = selectors.submissions_visible_to(user=request.user)
    if request.user.is_staff and not memberships:
        submissions = submissions.none()  # staff find everything on the all-submissions page
    page = Paginator(submissions, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "hiringdata/portal.html",
        {
            "memberships": memberships,
            "form": form if upload_members.exists() else None,
            "page": page,
            "show_member": len(memberships) > 1 or request.user.is_staff,
            "max_mb": services.max_file_bytes() // 2**20,
        },
    )


@login_required
@require_POST
def portal_upload(request: HttpRequest) -> HttpResponse:
    """Record the file, then show its submission page (processing happens in a task)."""
    members = _upload_members(request)
    form = UploadForm(request.POST, request.FILES, members=members)
    if not form.is_valid():
        return _form_again(request, form, status=400)
    upload = form.cleaned_data["file"]
    if upload.size > services.max_file_bytes():
        form.add_error("file", services.issue_message(
            "too_large",
            {"size_mb": upload.size // 2**20, "max_mb": services.max_file_bytes() // 2**20},
        ))  # fmt: skip
        return _form_again(request, form, status=413)
    try:
        received = services.submission_receive(
            member=form.cleaned_data["member"],
            year=form.cleaned_data["year"],
            upload=upload,
            filename=upload.name,
            user=request.user,
        )
    except services.SubmissionRefused as refused:
        form.add_error("file", refused.message)
        return _form_again(request, form, status=refused.status)
    if not received.created:
        messages.info(
            request,
            _("You uploaded this same file before. Nothing changed; here is that upload."),
        )
    return redirect("hiringdata:submission", pk=received.submission.pk)


def _form_again(request: HttpRequest, form: UploadForm, *, status: int) -> HttpResponse:
    submissions = selectors.submissions_visible_to(user=request.user)
    return render(
        request,
        "hiringdata/portal.html",
        {
            "memberships": _memberships(request),
            "form": form,
            "page": Paginator(submissions, 25).get_page(1),
            "show_member": True,
            "max_mb": services.max_file_bytes() // 2**20,
        },
        status=status,
    )


def _result_context(request: HttpRequest, pk: int) -> dict[str, object]:
    submission = selectors.submission_get(user=request.user, pk=pk)
    context: dict[str, object] = {
        "submission": submission,
        "pending": submission.status in PENDING,
        "can_rerun": request.user.is_staff and submission.status in services.RERUNNABLE,
    }
    if submission.issues_total:
        issues = list(selectors.submission_issues(submission=submission)[:PROBLEMS_ON_PAGE])
        context["issues"] = issues
        context["issues_shown"] = len(issues)
    if submission.cells_total:
        context["cells"] = selectors.submission_cells(submission=submission)[:CELLS_ON_PAGE]
        context["soc_totals"] = selectors.submission_totals_by_soc(submission=submission)
        context["credential_cells"] = selectors.submission_credential_cells(submission=submission)[
            :CELLS_ON_PAGE
        ]
        context["cells_shown"] = min(CELLS_ON_PAGE, submission.cells_total)
    return context


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One upload: progress while it is processed, then the result."""
    context = _result_context(request, pk)
    context["superseded_ones"] = context["submission"].supersedes.all()  # type: ignore[attr-defined]
    return render(request, "hiringdata/submission.html", context)


@login_required
@require_GET
def submission_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The result region alone, for htmx polling."""
    return render(request, "hiringdata/includes/_result.html", _result_context(request, pk))


@login_required
@require_GET
def submission_problems_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Every stored problem as CSV (cells that look like formulas are neutralised)."""
    submission = selectors.submission_get(user=request.user, pk=pk)
    issues = selectors.submission_issues(submission=submission)
    rows = ((i.row or "", i.column, i.value, i.text) for i in issues.iterator())
    header = [_("Row"), _("Column"), _("Value"), _("Problem")]
    return csv_response(filename=f"problems-{submission.pk}.csv", header=header, rows=rows)


@login_required
@require_POST
def submission_rerun(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff: process a submission again."""
    submission = selectors.submission_get(user=request.user, pk=pk)
    try:
        services.submission_rerun(submission=submission, user=request.user)
    except services.SubmissionRefused as refused:
        if refused.status == 403:
            raise Http404 from None
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Processing will run again."))
    return redirect("hiringdata:submission", pk=pk)


@login_required
def submission_list(request: HttpRequest) -> HttpResponse:
    """Staff: every submission of every member, newest first."""
    if not request.user.is_staff:
        return redirect("hiringdata:portal")
    submissions = selectors.submissions_visible_to(user=request.user)
    status = request.GET.get("status", "")
    if status in SubmissionStatus.values:
        submissions = submissions.filter(status=status)
    page = Paginator(submissions, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "hiringdata/submission_list.html",
        {"page": page, "status": status, "statuses": SubmissionStatus.choices},
    )


def data_dictionary(request: HttpRequest) -> HttpResponse:
    """Public: the file format, every allowed value, and downloadable templates."""
    vocabularies = [
        ("job_category", _("EEO-1 job category"), JobCategory.choices),
        ("race_ethnicity", _("EEO-1 race or ethnicity"), RaceEthnicity.choices),
        ("sex", _("Sex"), Sex.choices),
        ("education", _("Highest education"), Education.choices),
        ("training_pathway", _("How the person trained for the job"), TrainingPathway.choices),
    ]
    return render(
        request,
        "hiringdata/data_dictionary.html",
        {
            "vocabularies": vocabularies,
            "records_columns": ingest.COLUMNS[SubmissionShape.RECORDS],
            "counts_columns": ingest.COLUMNS[SubmissionShape.COUNTS],
            "max_mb": services.max_file_bytes() // 2**20,
            "max_rows": settings.HIRINGDATA_MAX_ROWS,
        },
    )


def file_template(request: HttpRequest, shape: str, extension: str) -> HttpResponse:
    """A blank file of either shape, with two example rows, as CSV or XLSX."""
    if shape not in SubmissionShape.values or extension not in ("csv", "xlsx"):
        raise Http404
    if extension == "csv":
        body, content_type = exports.template_csv(shape), CSV_CONTENT_TYPE
    else:
        body = exports.template_xlsx(shape)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="hiring-data-{shape}.{extension}"'
    return response
