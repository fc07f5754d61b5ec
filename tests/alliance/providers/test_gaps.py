"""The gaps: counted and ranked in SQL, shown with their figures and explained; the API through
the OpenAPI schema."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import schemathesis
from django.utils import timezone

from alliance.providers import selectors
from credentials.models import ComparisonIndex, CostItem, OutcomeReport, Program
from credentials.services import comparison_index_refresh
from pathways.models import Cip, CipSoc
from tests.pages import page_html

from ..factories import CertificationDecisionFactory, CredentialFactory, OccupationFactory
from .factories import InvitationFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def _occupations(n: int):  # type: ignore[no-untyped-def]
    return [
        OccupationFactory(
            soc_code=f"15-12{i:02d}",
            soc_detailed=f"15-12{i:02d}",
            title=f"Tech job {i}",
            in_tech_family=True,
            annual_openings=1000 * (i + 1),
            median_annual_wage=50000,
        )
        for i in range(n)
    ]


def _fitting_credential(occupation, **changes):  # type: ignore[no-untyped-def]
    fields = {"duration_weeks": Decimal(10), "occupations": [occupation]} | changes
    credential = CredentialFactory(**fields)
    CostItem.objects.create(
        credential=credential, kind="exam_fee", amount_min_usd=400, amount_max_usd=400
    )
    OutcomeReport.objects.create(
        credential=credential, vocabulary="cirr", period="2025", employed_in_field_180_days_pct=60
    )
    CertificationDecisionFactory(credential=credential)
    return credential


def _fitting_program(cip: str, **changes):  # type: ignore[no-untyped-def]
    fields = {
        "source": "etpl",
        "external_id": f"p-{Program.objects.count()}",
        "source_date": date(2026, 1, 1),
        "name": "A program",
        "provider": CredentialFactory().provider,
        "cip_code": cip,
        "total_cost_usd": Decimal(3000),
        "calendar_length": 5,
        "has_outcomes": True,
    } | changes
    return Program.objects.create(**fields)


def test_counts_only_short_affordable_certified_options_with_outcomes():
    job, other = _occupations(2)
    _fitting_credential(job)
    _fitting_credential(job, duration_weeks=Decimal(40))  # too long
    _fitting_credential(job, prerequisite_education="bachelor")  # not open at high school
    comparison_index_refresh()
    cip = Cip.objects.create(code="11.1006", title="Computer Support Specialist")
    CipSoc.objects.create(cip=cip, soc_code=job.soc_detailed, soc_title=job.title)
    _fitting_program("11.1006")
    _fitting_program("11.1006", total_cost_usd=Decimal(9000))  # too dear
    _fitting_program("11.1006", calendar_length=7)  # 6 to 12 months
    _fitting_program("11.1006", has_outcomes=False)

    gaps = {g.soc_code: g for g in selectors.gaps(education_level="high_school")}
    assert (gaps[job.soc_code].credentials, gaps[job.soc_code].programs) == (1, 1)
    assert (gaps[other.soc_code].credentials, gaps[other.soc_code].programs) == (0, 0)
    # The job with nothing comes first.
    assert (gaps[other.soc_code].rank, gaps[job.soc_code].rank) == (1, 2)
    bachelor = {g.soc_code: g for g in selectors.gaps(education_level="bachelor")}
    assert bachelor[job.soc_code].credentials == 2


def test_among_equal_gaps_more_openings_rank_first():
    small, big = _occupations(2)  # big has more openings
    gaps = selectors.gaps(education_level="high_school")
    assert [g.soc_code for g in gaps] == [big.soc_code, small.soc_code]


def test_invitations_for_a_gap_are_counted_by_how_far_they_got(task_force_user):
    (job,) = _occupations(1)
    InvitationFactory(occupation=job, education_level="high_school")
    answered = InvitationFactory(
        occupation=job,
        education_level="high_school",
        accepted_at=timezone.now() - timedelta(days=1),
    )
    SubmissionFactory(invitation=answered, occupation=job, status="approved",
                      decided_on=date.today())  # fmt: skip
    (gap,) = selectors.gaps(education_level="high_school")
    assert gap.invitations == {"sent": 2, "answered": 1, "submitted": 1, "certified": 1}


@pytest.mark.parametrize("count", [1, 12])
def test_the_gap_query_count_does_not_grow_with_occupations(count, django_assert_num_queries):
    _occupations(count)
    # the counts and ranking (one statement), the invitations by stage
    with django_assert_num_queries(2):
        assert len(selectors.gaps(education_level="high_school")) == count


def test_the_page_shows_the_figures_and_explains_the_ranking(client):
    (job,) = _occupations(1)
    response = client.get("/alliance/gaps/?level=high_school")
    assert response.status_code == 200
    html = page_html(response)
    assert "Fewest options first" in html
    assert "When two jobs have as many options, the one with more job openings" in html
    assert job.title in html
    assert "1,000" in html  # its openings
    assert "Invite a provider" not in html  # the public does not invite


def test_a_bad_level_is_a_400_with_the_page(client):
    response = client.get("/alliance/gaps/?level=phd")
    assert response.status_code == 400
    assert "Select a valid choice" in page_html(response)


def test_the_task_force_gets_an_invite_link_per_gap(client, task_force_user):
    (job,) = _occupations(1)
    client.force_login(task_force_user)
    response = client.get("/alliance/gaps/?level=some_college")
    assert response.status_code == 200
    assert (
        f"/alliance/task-force/providers/invite/?occupation={job.soc_code}&amp;level=some_college"
        in page_html(response)
    )


def test_the_api_answers_as_its_openapi_schema_says(wsgi_app):
    (job,) = _occupations(1)
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app)
    operation = schema["/api/v1/alliance/gaps/"]["GET"]
    case = operation.Case(query={"level": "high_school"})
    response = case.call()
    assert response.status_code == 200
    case.validate_response(response)
    assert response.json()[0]["soc_code"] == job.soc_code
    bad = operation.Case(query={"level": "phd"}).call()
    assert bad.status_code == 400
    # An empty value is not one of the levels either (the contract fuzzer sends it).
    assert operation.Case(query={"level": ""}).call().status_code == 400


def test_the_api_query_count_is_constant(client, django_assert_num_queries):
    _occupations(3)
    # the counts and ranking, the invitations by stage
    with django_assert_num_queries(2):
        assert client.get("/api/v1/alliance/gaps/?level=associate").status_code == 200


def test_index_columns_the_gaps_read_exist():
    # The gap SQL names these comparison-index columns; a rename must fail here first.
    names = {f.name for f in ComparisonIndex._meta.get_fields()}
    assert {"certified", "duration_weeks", "total_cost_min_usd", "placement_rate_pct"} <= names
