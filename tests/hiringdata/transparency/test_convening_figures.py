"""The figures the transparency report gives the Alliance's press page: published reports only."""

import pytest
from django.utils import timezone

from alliance.extensions import convening_figures
from hiringdata.transparency.models import TransparencyReport
from hiringdata.transparency.selectors import report_figures_for_convening

pytestmark = pytest.mark.django_db

SUMMARY = {"hires": 3279, "members_reporting": 12, "tables_published": 32}


def report(year, status, hires):  # type: ignore[no-untyped-def]
    return TransparencyReport.objects.create(
        year=year,
        version=1,
        status=status,
        built_at=timezone.now(),
        published_at=timezone.now() if status == "published" else None,
        input_fingerprint="x",
        summary=SUMMARY | {"hires": hires},
    )


def test_a_convening_gets_the_published_report_of_the_year_before():
    report(2025, "published", 3279)
    figures = report_figures_for_convening(2026)
    assert [(f["label"], f["value"]) for f in figures] == [
        ("Tech hires reported for 2025", 3279),
        ("Members that reported", 12),
        ("Tables published", 32),
    ]
    assert figures[0]["source"] == "/transparency/2025/"
    assert figures[0]["as_of"] == timezone.now().date()


def test_a_draft_report_gives_nothing():
    report(2025, "draft", 9999)
    assert report_figures_for_convening(2026) == []


def test_the_alliance_reads_them_through_its_registry():
    report(2025, "published", 3279)
    assert ("Tech hires reported for 2025", 3279) in [
        (f["label"], f["value"]) for f in convening_figures(year=2026)
    ]


def test_member_page_shows_its_award_standing_from_the_published_report(client):
    from alliance.models import Member
    from tests.pages import page_html

    member = Member.objects.create(
        name="Harbor IT", slug="harbor-it", kind="employer", size="large"
    )
    other = Member.objects.create(name="Other", slug="other", kind="employer", size="large")
    TransparencyReport.objects.create(
        year=2025,
        version=1,
        status="published",
        built_at=timezone.now(),
        published_at=timezone.now(),
        input_fingerprint="x",
        summary={
            "awards": {
                "method": "non_degree_share_change",
                "candidates": [
                    {
                        "member_id": other.pk,
                        "share": 30.0,
                        "previous_share": 20.0,
                        "change_points": 10.0,
                    },
                    {
                        "member_id": member.pk,
                        "share": 24.3,
                        "previous_share": 21.1,
                        "change_points": 3.2,
                    },
                ],
            }
        },
    )
    response = client.get("/alliance/members/harbor-it/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Candidate number 2 of 2 in the 2025 transparency report." in html
    assert "21.1% the year before, 24.3% this year (3.2 percentage points)." in html
    assert "We use only the shares published in both years' reports." in html


def test_a_draft_reports_candidates_are_not_shown(client):
    from alliance.models import Member

    member = Member.objects.create(
        name="Harbor IT", slug="harbor-it", kind="employer", size="large"
    )
    report(2025, "draft", 1)
    TransparencyReport.objects.filter(year=2025).update(
        summary={
            "awards": {
                "candidates": [
                    {"member_id": member.pk, "share": 1, "previous_share": 0, "change_points": 1}
                ]
            }
        }
    )
    response = client.get("/alliance/members/harbor-it/")
    assert response.status_code == 200
    assert "Candidate number" not in response.content.decode()
