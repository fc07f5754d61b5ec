"""Who sees and changes what, across the Alliance's apps (alliance, task force, providers,
reconvening): two members and two providers, an anonymous visitor and a task-force member, over
every view and endpoint that changes something or shows something not public.

Each case names the roles allowed. Every other role is refused (sent to sign in, 403 or 404)
and nothing in the Alliance's tables changes, not even the audit log; a page it may not see does
not show the private text. Then an allowed role is tried: it is not refused, and when it changes
something (a POST answered with a redirect or a 2xx write), an audit entry is written.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from alliance.models import AuditEntry, HiringStandardStatus, MembershipRole
from alliance.permissions import TASK_FORCE_GROUP
from alliance.providers import services as provider_services
from alliance.reconvening import services as reconvening_services
from alliance.taskforce import services as taskforce_services
from tests.credentials.factories import OutcomeReportFactory

from .factories import (
    CredentialFactory,
    HiringStandardFactory,
    MemberFactory,
    MembershipFactory,
    OccupationFactory,
    RecognitionFactory,
    UserFactory,
)
from .providers.factories import PDF, ProviderAccountFactory, SubmissionFactory
from .reconvening.factories import (
    AccessPlanFactory,
    ConveningFactory,
    MilestoneFactory,
    program_for,
)
from .reconvening.test_spotlights import FIGURE

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "admin_a", "viewer_a", "admin_b", "provider_a", "provider_b", "task_force")
SECRET_A = "Secret draft of Acme"
SECRET_B = "Secret draft of Beta"
SOON = date.today() + timedelta(days=90)
# Tables whose rows must not move when a request is refused (sessions and rate-limit counters
# are not the Alliance's data).
SKIP_MODELS = {"alliance.limitcounter"}


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    """Two members (an admin each), two providers (a person each), the task force, and in each
    member and provider the private things the others must not reach."""
    tf = UserFactory(first_name="Tess", last_name="Force")
    tf.groups.add(Group.objects.get_or_create(name=TASK_FORCE_GROUP)[0])
    a = MemberFactory(name="Acme IT", slug="acme-it")
    b = MemberFactory(name="Beta Corp", slug="beta-corp")
    users = {
        "task_force": tf,
        "admin_a": MembershipFactory(member=a).user,
        "admin_b": MembershipFactory(member=b).user,
        # A member's viewer looks at its pages but changes nothing.
        "viewer_a": MembershipFactory(member=a, role=MembershipRole.VIEWER).user,
    }
    pa = ProviderAccountFactory(provider__name="Alpha Bootcamp", provider__slug="alpha")
    pb = ProviderAccountFactory(provider__name="Bravo College", provider__slug="bravo")
    users |= {"provider_a": pa.user, "provider_b": pb.user}
    occupation = OccupationFactory(soc_code="15-1232", title="Support", in_tech_family=True)
    credential = CredentialFactory(name="CompTIA A+", slug="comptia-a-plus")
    convening = ConveningFactory(year=2026, held_on=date(2026, 5, 14))
    w: dict[str, Any] = {"users": users, "a": a, "b": b, "pa": pa, "pb": pb, "tf": tf}
    for key, member, secret in (("a", a, SECRET_A), ("b", b, SECRET_B)):
        w[f"standard_{key}"] = HiringStandardFactory(
            member=member, occupation=occupation, title=secret
        )
        w[f"submitted_{key}"] = HiringStandardFactory(
            member=member, occupation=occupation, status=HiringStandardStatus.SUBMITTED
        )
        w[f"recognition_{key}"] = RecognitionFactory(member=member, credential=credential)
        admin = users[f"admin_{key}"]
        w[f"need_{key}"] = reconvening_services.need_post(
            actor=admin, member=member, role=f"Role {key}", skills="x", people=1, needed_by=SOON
        )
        plan = AccessPlanFactory(member=member, convening=convening)
        w[f"milestone_{key}"] = MilestoneFactory(plan=plan)
    for key, account in (("a", pa), ("b", pb)):
        w[f"submission_{key}"] = SubmissionFactory(
            provider=account.provider,
            occupation=occupation,
            name=f"Program for {account.provider.name.split()[0]}",
        )
        w[f"evidence_{key}"] = provider_services.evidence_add(
            actor=account.user,
            submission=w[f"submission_{key}"],
            upload=io.BytesIO(PDF),
            filename="proof.pdf",
        )
        w[f"program_{key}"] = program_for(account.provider, name=f"Program {key}")
    w["credential"] = credential
    w["report"] = OutcomeReportFactory(credential=credential, self_reported=True)
    w["spotlight"] = reconvening_services.spotlight_create(
        actor=tf,
        convening=convening,
        kind="member_story",
        title="A story",
        body="Text",
        member=a,
        figures=[FIGURE],
    )
    w["meeting"] = taskforce_services.meeting_schedule(
        actor=tf, scheduled_for=date(2030, 3, 4), title="March meeting", place="Online"
    )
    return w


def state() -> str:
    """A fingerprint of every row of the Alliance's apps and of credential outcome reports."""
    models = [
        m
        for label in ("alliance", "taskforce", "providers", "reconvening")
        for m in apps.get_app_config(label).get_models()
        if m._meta.label_lower not in SKIP_MODELS
    ]
    models.append(apps.get_model("credentials", "OutcomeReport"))
    rows = {m._meta.label: list(m._default_manager.order_by("pk").values()) for m in models}
    return hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()


@dataclass
class Case:
    name: str
    method: str
    path: Callable[[dict[str, Any]], str]
    allowed: tuple[str, ...]
    data: Callable[[dict[str, Any]], dict[str, Any]] = lambda w: {}
    api: bool = False
    # Text that only the allowed roles may see on the answer.
    private: str = ""
    # The allowed role's write is expected to land in the audit log.
    writes: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("more.pdf", PDF, content_type="application/pdf")


def _milestone_done(w: dict[str, Any]) -> dict[str, str]:
    prefix = f"m{w['milestone_a'].pk}"
    return {f"{prefix}-status": "done", f"{prefix}-note": "Did it"}


A = "/alliance/manage/acme-it"
TF = ("task_force",)
CASES = [
    # --- A member's own pages and writes: only its admin ---------------------------------------
    Case("member manage page", "GET", lambda w: f"{A}/", ("admin_a", "viewer_a"), writes=False,
         private=SECRET_A),
    Case("sign a commitment", "POST", lambda w: f"{A}/commitments/", ("admin_a",),
         lambda w: {"sign-kind": "apprenticeship", "sign-deadline": SOON.isoformat(),
                    "sign-signer_name": "Pat", "sign-confirm": "on"}),
    Case("recognise a credential", "POST", lambda w: f"{A}/recognitions/", ("admin_a",),
         lambda w: {"rec-credential": w["credential"].slug, "rec-kind": "has_hired"}),
    Case("remove a recognition", "POST",
         lambda w: f"{A}/recognitions/{w['recognition_a'].pk}/remove/", ("admin_a",)),
    Case("invite a colleague", "POST", lambda w: f"{A}/invitations/", ("admin_a",),
         lambda w: {"invite-email": "new@example.org", "invite-role": "viewer"}),
    # A member's own people read its drafts; only its admins change them.
    Case("read a draft standard", "GET", lambda w: f"{A}/standards/{w['standard_a'].pk}/",
         ("admin_a", "viewer_a"), writes=False, private=SECRET_A),
    Case("edit a draft standard", "POST", lambda w: f"{A}/standards/{w['standard_a'].pk}/",
         ("admin_a",), lambda w: {"title": "Changed", "occupation": w["standard_a"].occupation_id}),
    Case("another member's standard through one's own slug", "GET",
         lambda w: f"/alliance/manage/beta-corp/standards/{w['standard_a'].pk}/", (),
         private=SECRET_A),
    Case("reconvening page", "GET", lambda w: f"{A}/reconvening/", ("admin_a", "viewer_a"),
         writes=False),
    Case("recommit", "POST", lambda w: f"{A}/reconvening/", ("admin_a",),
         lambda w: {"recommit": "1", "recommit-statement": "We keep going.",
                    "recommit-signer_name": "Pat", "recommit-confirm": "on"}),
    Case("update a milestone", "POST",
         lambda w: f"{A}/reconvening/milestones/{w['milestone_a'].pk}/", ("admin_a",),
         lambda w: _milestone_done(w)),
    Case("another member's milestone through one's own slug", "POST",
         lambda w: f"/alliance/manage/beta-corp/reconvening/milestones/{w['milestone_a'].pk}/", (),
         lambda w: _milestone_done(w)),
    Case("member needs page", "GET", lambda w: f"{A}/needs/", ("admin_a", "viewer_a"),
         writes=False),
    Case("post a need", "POST", lambda w: f"{A}/needs/", ("admin_a",),
         lambda w: {"need-role": "Analyst", "need-skills": "SQL", "need-people": "2",
                    "need-needed_by": SOON.isoformat()}),
    Case("close a need", "POST", lambda w: f"{A}/needs/{w['need_a'].pk}/close/", ("admin_a",)),
    Case("another member's need through one's own slug", "POST",
         lambda w: f"/alliance/manage/beta-corp/needs/{w['need_a'].pk}/close/", ()),
    # --- A provider's own submissions and evidence ----------------------------------------------
    # Anyone signed in may open the portal; only a provider's own people see its submissions.
    Case("provider portal", "GET", lambda w: "/providers/portal/", ("provider_a",),
         writes=False, private="Program for Alpha", extra={"open_page": True}),
    Case("read a submission", "GET",
         lambda w: f"/providers/portal/submissions/{w['submission_a'].pk}/", ("provider_a",),
         writes=False, private="Program for Alpha"),
    Case("add evidence", "POST",
         lambda w: f"/providers/portal/submissions/{w['submission_a'].pk}/evidence/",
         ("provider_a",), lambda w: {"file": _pdf()}),
    Case("download evidence", "GET", lambda w: f"/providers/evidence/{w['evidence_a'].pk}/",
         ("provider_a", "task_force"), writes=False),
    # Any provider may answer, but only with its own programs: provider B naming A's is refused
    # by the form (400); members and anonymous visitors do not reach the page.
    Case("answer a need", "POST", lambda w: f"/alliance/needs/{w['need_a'].pk}/answer/",
         ("provider_a",), lambda w: {"answer-program": w["program_a"].pk},
         extra={"form_refuses": ("provider_b",)}),
    # --- The task force's work --------------------------------------------------------------------
    Case("task force page", "GET", lambda w: "/alliance/task-force/", TF, writes=False),
    Case("certify a credential", "POST",
         lambda w: f"/alliance/task-force/credentials/{w['credential'].slug}/", TF,
         lambda w: {"decide": "1", "decide-status": "proposed", "decide-rationale": "Asked for.",
                    "decide-decided_on": date.today().isoformat()}),
    Case("review a standard", "POST",
         lambda w: f"/alliance/task-force/standards/{w['submitted_a'].pk}/", TF,
         lambda w: {"decision": "approve", "note": "Fine."}),
    # Staff only (alliance.views.audit_log), not the task-force group.
    Case("audit log", "GET", lambda w: "/alliance/audit/", (), writes=False),
    Case("provider review queue", "GET", lambda w: "/alliance/task-force/providers/", TF,
         writes=False),
    Case("review a submission", "POST",
         lambda w: f"/alliance/task-force/providers/submissions/{w['submission_a'].pk}/", TF,
         lambda w: {"comment": "1", "comment-body": "Looks fine."}),
    Case("invite a provider", "POST", lambda w: "/alliance/task-force/providers/invite/", TF,
         lambda w: {"email": "p@example.org", "organisation": "New School", "kind": "bootcamp"}),
    Case("verify an outcome report", "POST",
         lambda w: f"/alliance/task-force/providers/outcome-reports/{w['report'].pk}/verify/", TF,
         lambda w: {f"r{w['report'].pk}-note": "Checked against the cohort sheet."}),
    Case("schedule a meeting", "POST", lambda w: "/alliance/meetings/", TF,
         lambda w: {"scheduled_for": "2030-05-06", "title": "May", "place": "Online"}),
    Case("record attendance", "POST", lambda w: f"/alliance/meetings/{w['meeting'].pk}/", TF,
         lambda w: {"action": "attendance", "present": [w["tf"].pk]}),
    Case("publish a spotlight", "POST", lambda w: "/alliance/task-force/spotlights/new/", TF,
         lambda w: {"kind": "member_story", "title": "T", "body": "B", "member": "acme-it",
                    **{f"figure1_{k}": v for k, v in FIGURE.items()}}),
    Case("edit a spotlight", "POST",
         lambda w: f"/alliance/task-force/spotlights/{w['spotlight'].pk}/edit/", TF,
         lambda w: {"title": "T2", "body": "B2", **{f"figure1_{k}": v for k, v in FIGURE.items()}}),
    Case("withdraw a spotlight", "POST",
         lambda w: f"/alliance/task-force/spotlights/{w['spotlight'].pk}/withdraw/", TF,
         lambda w: {"reason": "Asked to."}),
    Case("decide an award", "POST", lambda w: "/alliance/task-force/awards/2026/commitments_kept/",
         TF, lambda w: {"commitments_kept-member": "acme-it",
                        "commitments_kept-reason": "A clear reason that is long enough."}),
    # --- The API ----------------------------------------------------------------------------------
    Case("API: sign for another member", "POST", lambda w: "/api/v1/alliance/commitments/",
         ("admin_b",), lambda w: {"member": "beta-corp", "kind": "apprenticeship",
                                  "deadline": SOON.isoformat(), "signer_name": "Pat"}, api=True),
    Case("API: read a draft standard", "GET",
         lambda w: f"/api/v1/alliance/hiring-standards/{w['standard_b'].pk}/",
         ("admin_b", "task_force"), api=True, writes=False, private=SECRET_B),
    Case("API: edit a draft standard", "PATCH",
         lambda w: f"/api/v1/alliance/hiring-standards/{w['standard_b'].pk}/", ("admin_b",),
         lambda w: {"title": "Changed"}, api=True),
    Case("API: remove a recognition", "DELETE",
         lambda w: f"/api/v1/alliance/recognitions/{w['recognition_b'].pk}/", ("admin_b",),
         api=True),
    Case("API: review a standard", "POST",
         lambda w: f"/api/v1/alliance/hiring-standards/{w['submitted_b'].pk}/review/", TF,
         lambda w: {"approve": True, "note": "Fine."}, api=True),
    Case("API: record a certification decision", "POST",
         lambda w: "/api/v1/alliance/certification-decisions/", TF,
         lambda w: {"credential": w["credential"].slug, "status": "proposed",
                    "rationale": "Starting.", "decided_on": date.today().isoformat()}, api=True),
    Case("API: the reconvening is read-only", "POST", lambda w: "/api/v1/alliance/needs/", (),
         lambda w: {"role": "x"}, api=True),
]  # fmt: skip


def _request(case: Case, w: dict[str, Any], role: str) -> Any:
    path, data = case.path(w), case.data(w)
    if case.api:
        client = APIClient()
        if role != "anonymous":
            client.force_authenticate(w["users"][role])
        return getattr(client, case.method.lower())(path, data, format="json")
    from django.test import Client

    browser = Client()
    if role != "anonymous":
        browser.force_login(w["users"][role])
    return browser.get(path) if case.method == "GET" else browser.post(path, data)


def _refused(response: Any, role: str) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    # An anonymous visitor is sent to sign in (pages) or refused (the API: 401/403).
    return role == "anonymous" and (
        response.status_code == 401
        or (response.status_code == 302 and "/accounts/login/" in response["Location"])
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_role_sees_and_changes_only_what_it_should(world, case):
    denied = [r for r in ROLES if r not in case.allowed]
    for role in denied:
        before, entries = state(), AuditEntry.objects.count()
        response = _request(case, world, role)
        refused = (
            _refused(response, role)
            or (role in case.extra.get("form_refuses", ()) and response.status_code == 400)
            or (case.extra.get("open_page") and response.status_code == 200)
        )
        assert refused, f"{role} was not refused: {response.status_code}"
        assert state() == before, f"{role} changed something"
        assert AuditEntry.objects.count() == entries
        if case.private:
            assert case.private not in response.content.decode(), f"{role} saw it"
    for role in case.allowed:
        entries = AuditEntry.objects.count()
        response = _request(case, world, role)
        assert not _refused(response, role), f"{role} was refused: {response.status_code}"
        if case.private and case.method == "GET":
            assert case.private in response.content.decode()
        if case.writes and case.method != "GET":
            assert response.status_code in (200, 201, 204, 302), (
                f"{role}: {response.status_code} {response.content[:600]!r}"
            )
            assert AuditEntry.objects.count() > entries, f"{role}'s write left no audit entry"
