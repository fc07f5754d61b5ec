"""The reconvening's public read API under /api/v1/alliance/, exercised through the OpenAPI
schema: every list and detail answers as the schema says, paginated like the other endpoints,
and serves only what the public pages show (no withdrawn spotlight, no closed need)."""

from datetime import date, timedelta

import pytest
import schemathesis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from alliance.models import Membership
from alliance.reconvening import services
from alliance.reconvening.models import StandardVersion

from ..factories import CommitmentFactory, MemberFactory, MembershipFactory, OccupationFactory
from ..providers.factories import ProviderAccountFactory
from .factories import (
    AccessPlanFactory,
    ConveningFactory,
    MilestoneFactory,
    RecommitmentFactory,
    program_for,
)
from .test_spotlights import FIGURE

pytestmark = pytest.mark.django_db
API = "/api/v1/alliance"
REASON = "The figures on the awards page show it; we confirm the rule's result."


@pytest.fixture
def reconvening(member, other_member, admin_user, task_force_user, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    convening = ConveningFactory(year=2025, held_on=date(2025, 5, 14))
    RecommitmentFactory(convening=convening, member=member)
    plan = AccessPlanFactory(convening=convening, member=member)
    MilestoneFactory(plan=plan, title="Open apprenticeships", due_on=date(2025, 3, 1))
    occupation = OccupationFactory(soc_code="15-1232", title="Support")
    common = {"member": member, "occupation": occupation, "title": "Help desk"}
    StandardVersion.objects.create(
        **common, year=2024, approved_on=date(2024, 3, 1), credentials=["CompTIA A+"],
        degree_required=True,
    )  # fmt: skip
    StandardVersion.objects.create(
        **common, year=2025, approved_on=date(2025, 3, 1),
        credentials=["CompTIA A+", "Google IT Support"], degree_required=False,
    )  # fmt: skip
    soon = date.today() + timedelta(days=60)
    need = services.need_post(
        actor=admin_user, member=member, role="Help desk", skills="Tickets", people=3,
        needed_by=soon,
    )  # fmt: skip
    closed = services.need_post(
        actor=admin_user, member=member, role="Closed role", skills="x", people=1, needed_by=soon
    )
    services.need_close(actor=admin_user, need=closed)
    account = ProviderAccountFactory()
    services.need_answer(actor=account.user, need=need, program=program_for(account.provider))
    kept = {"convening": convening, "body": "b", "figures": [FIGURE], "member": member}
    services.spotlight_create(actor=task_force_user, kind="member_story", title="Kept", **kept)
    gone = services.spotlight_create(
        actor=task_force_user, kind="member_story", title="Gone", **kept
    )
    services.spotlight_withdraw(actor=task_force_user, spotlight=gone, reason="Asked to.")
    CommitmentFactory(
        member=member, deadline=date(2025, 1, 1), signed_on=date(2024, 6, 1),
        status="data_submitted", done_on=date(2024, 12, 1),
    )  # fmt: skip
    services.award_decide(
        actor=task_force_user, convening=convening, category="commitments_kept", member=member,
        reason=REASON,
    )  # fmt: skip
    return convening


LISTS = [
    "convenings",
    "recommitments",
    "access-plans",
    "standard-versions",
    "needs",
    "spotlights",
    "awards",
]


def test_every_list_and_detail_answers_as_the_schema_says(reconvening, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app)
    for name in LISTS:
        operation = schema[f"{API}/{name}/"]["GET"]
        response = operation.Case().call()
        assert response.status_code == 200, name
        operation.validate_response(response)
        body = response.json()
        assert set(body) >= {"count", "next", "previous", "results"}, name
        assert body["count"] >= 1, name
        if name == "awards":
            continue
        key = "year" if name == "convenings" else "id"
        detail = schema[f"{API}/{name}/{{{key}}}/"]["GET"]
        response = detail.Case(path_parameters={key: body["results"][0][key]}).call()
        assert response.status_code == 200, name
        detail.validate_response(response)
    bad = schema[f"{API}/awards/"]["GET"].Case(query={"year": "soon"}).call()
    assert bad.status_code == 400


def test_reads_carry_the_diff_answers_milestones_and_reasoning(reconvening):
    api = APIClient()
    versions = api.get(f"{API}/standard-versions/", {"year": 2025}).json()["results"]
    (v2025,) = versions
    assert v2025["previous_year"] == 2024
    by_label = {c["label"]: c for c in v2025["changes"]}
    assert by_label["Credentials"]["added"] == ["Google IT Support"]
    plans = api.get(f"{API}/access-plans/", {"year": 2025, "member": "acme-it"}).json()
    assert plans["results"][0]["milestones"][0]["title"] == "Open apprenticeships"
    needs = api.get(f"{API}/needs/").json()["results"]
    assert [n["role"] for n in needs] == ["Help desk"]  # the closed need is off the board
    assert needs[0]["answers"][0]["program_name"] == "Help desk bootcamp"
    awards = {a["category"]: a for a in api.get(f"{API}/awards/", {"year": 2025}).json()["results"]}
    kept = awards["commitments_kept"]
    assert kept["computed_winner"] == "acme-it" and "Chosen because" in kept["reasoning"]
    assert kept["decision"]["outcome"] == "confirmed" and kept["decision"]["reason"] == REASON
    assert awards["most_progress"]["decision"] is None


def test_withdrawn_spotlights_are_not_served(reconvening):
    api = APIClient()
    titles = [s["title"] for s in api.get(f"{API}/spotlights/").json()["results"]]
    assert titles == ["Kept"]
    from alliance.reconvening.models import Spotlight

    gone = Spotlight.objects.get(title="Gone")
    assert api.get(f"{API}/spotlights/{gone.pk}/").status_code == 404


def test_unknown_filters_are_refused_and_writes_are_not_offered(reconvening, admin_user):
    api = APIClient()
    assert api.get(f"{API}/spotlights/", {"colour": "red"}).status_code == 400
    assert api.get(f"{API}/awards/", {"colour": "red"}).status_code == 400
    api.force_authenticate(admin_user)
    assert api.post(f"{API}/needs/", {"role": "x"}, format="json").status_code == 405
    assert Membership.objects.filter(user=admin_user).exists()


def _queries(path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert APIClient().get(path).status_code == 200
    return len(ctx.captured_queries)


def _more_rows(convening, task_force_user, admin_user, n=3):  # type: ignore[no-untyped-def]
    """n more members, each with a recommitment, a plan with milestones, two standard years,
    an open need with an answer, a spotlight and a commitment due in the award window."""
    occupation = OccupationFactory()
    account = ProviderAccountFactory()
    for i in range(n):
        other = MemberFactory()
        MembershipFactory(member=other, user=admin_user)
        RecommitmentFactory(convening=convening, member=other)
        plan = AccessPlanFactory(convening=convening, member=other)
        MilestoneFactory.create_batch(2, plan=plan, due_on=date(2025, 3, 1))
        for year in (2024, 2025):
            StandardVersion.objects.create(
                member=other, occupation=occupation, title=f"T{year}", year=year,
                approved_on=date(year, 3, 1),
            )  # fmt: skip
        need = services.need_post(
            actor=admin_user, member=other, role="R", skills="S", people=1,
            needed_by=date.today() + timedelta(days=30),
        )  # fmt: skip
        services.need_answer(
            actor=account.user, need=need, program=program_for(account.provider, name=f"P{i}")
        )
        services.spotlight_create(
            actor=task_force_user, convening=convening, kind="member_story", title=f"S{i}",
            body="b", figures=[FIGURE, FIGURE], member=other,
        )  # fmt: skip
        CommitmentFactory(member=other, deadline=date(2025, 1, 1), signed_on=date(2024, 6, 1))


@pytest.mark.parametrize("name", LISTS)
def test_list_query_count_stays_the_same_with_more_rows(
    reconvening, task_force_user, admin_user, name
):
    path = f"{API}/{name}/"
    one = _queries(path)
    _more_rows(reconvening, task_force_user, admin_user)
    assert _queries(path) == one


def test_awards_page_query_count_stays_the_same_with_more_rows(
    reconvening, task_force_user, admin_user, client
):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/alliance/reconvening/2025/awards/").status_code == 200
        return len(ctx.captured_queries)

    one = count()
    _more_rows(reconvening, task_force_user, admin_user)
    assert count() == one
