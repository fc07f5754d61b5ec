"""Where workers and employers read a member's hiring standard (the employers' hiring guide and
the career page), it says whether it changed since the year before and links to the changes."""

from datetime import date

import pytest

from alliance.models import HiringStandardStatus
from alliance.panels import hiring_standards_panel
from tests.pages import page_html

from ..factories import HiringStandardFactory
from .factories import standard_version as version

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard(member, occupation):  # type: ignore[no-untyped-def]
    return HiringStandardFactory(
        member=member,
        occupation=occupation,
        status=HiringStandardStatus.APPROVED,
        approved_on=date(2026, 6, 1),
    )


def changes_url(member, occupation):  # type: ignore[no-untyped-def]
    return f"/alliance/members/{member.slug}/standards/{occupation.soc_code}/changes/"


def test_the_hiring_guide_says_what_changed_since_last_year_and_links_to_it(
    client, member, occupation, standard
):
    version(member, occupation, 2025, degree_required=True)
    version(member, occupation, 2026)
    response = client.get(f"/employers/?occupation={occupation.soc_code}")
    assert response.status_code == 200
    html = page_html(response)
    assert '<span class="usa-tag">Changed since 2025</span>' in html
    assert f'href="{changes_url(member, occupation)}">What changed since 2025</a>' in html


def test_an_unchanged_standard_says_so(rf, member, occupation, standard):
    version(member, occupation, 2025, credentials=["CompTIA A+"])
    version(member, occupation, 2026, credentials=["comptia a+"])
    html = hiring_standards_panel(rf.get("/"), occupation)
    assert "No change since 2025." in html and "Changed since" not in html
    assert changes_url(member, occupation) in html


def test_a_standard_without_yearly_versions_has_no_link(rf, member, occupation, standard):
    html = hiring_standards_panel(rf.get("/"), occupation)
    assert "/changes/" not in html and "since" not in html


def test_another_members_versions_are_not_this_standards(
    rf, member, other_member, occupation, standard
):
    version(other_member, occupation, 2025, degree_required=True)
    version(other_member, occupation, 2026)
    html = hiring_standards_panel(rf.get("/"), occupation)
    assert "/changes/" not in html


def test_the_changes_page_reads_year_by_year(client, member, occupation):
    version(member, occupation, 2024, degree_required=True)
    version(member, occupation, 2025, degree_required=True)
    version(member, occupation, 2026, credentials=["Google IT Support"])
    response = client.get(changes_url(member, occupation))
    assert response.status_code == 200
    html = page_html(response)
    assert "What changed since 2025:" in html
    assert "No longer requires a four-year degree." in html
    assert "Now accepts: Google IT Support." in html
    assert "No change since 2024." in html
    assert "First published version: nothing to compare with yet." in html


def test_the_changes_page_in_spanish(client, member, occupation):
    version(member, occupation, 2025, degree_required=True)
    version(member, occupation, 2026)
    response = client.get("/es" + changes_url(member, occupation))
    assert response.status_code == 200
    assert "Ya no exige un título universitario de cuatro años." in page_html(response)


def test_no_versions_or_an_unknown_occupation_is_404(client, member, other_member, occupation):
    version(other_member, occupation, 2026)
    assert client.get(changes_url(member, occupation)).status_code == 404
    assert (
        client.get(f"/alliance/members/{member.slug}/standards/99-9999/changes/").status_code == 404
    )


@pytest.mark.parametrize("years", [2, 6])
def test_the_changes_page_query_count_is_constant(
    client, member, occupation, django_assert_num_queries, years
):
    for year in range(2026 - years + 1, 2027):
        version(member, occupation, year, degree_required=year % 2 == 0)
    # The session is not read (signed out). The member (1), the occupation (1), the versions
    # shown (1), every version of the same member and occupation (1).
    with django_assert_num_queries(4):
        assert client.get(changes_url(member, occupation)).status_code == 200
