"""Filter forms of /credentials/ and /careers/: search box first, other filters in a disclosure."""

import pytest
from django.http import QueryDict

from careerportal.templatetags.portal import filters_in_use
from credentials.filters import CredentialFilter
from tests.alliance.factories import CredentialFactory

pytestmark = pytest.mark.django_db


def _disclosure_tag(html: str) -> str:
    start = html.index('<details class="filter-disclosure"')
    return html[start : html.index(">", start) + 1]


def test_filters_in_use_counts_fields_with_a_value_but_not_search_or_sort():
    form = CredentialFilter(
        QueryDict("q=cloud&sort=cost&category=cloud&category=data&max_cost=&delivery=online")
    ).form

    assert filters_in_use(form) == 2


def test_filters_in_use_of_an_unbound_form_is_zero():
    assert filters_in_use(CredentialFilter(None).form) == 0


@pytest.mark.parametrize("path", ["/credentials/", "/careers/", "/es/credentials/", "/es/careers/"])
def test_disclosure_is_closed_without_filters_and_search_box_comes_first(client, path):
    html = client.get(path + "?q=security").content.decode()

    tag = _disclosure_tag(html)
    assert " open" not in tag
    assert html.index('id="id_q"') < html.index('<details class="filter-disclosure"')


def test_credentials_disclosure_opens_and_counts_filters_in_use(client):
    html = client.get("/credentials/?category=cloud&max_cost=500&sort=cost").content.decode()

    assert " open" in _disclosure_tag(html)
    assert "Filters (2 in use)" in html


def test_careers_disclosure_counts_in_spanish(client):
    html = client.get("/es/careers/?min_wage=50000").content.decode()

    assert " open" in _disclosure_tag(html)
    assert "Filtros (1 en uso)" in html


def test_careers_disclosure_opens_on_bad_input(client):
    response = client.get("/careers/?min_wage=lots")

    assert response.status_code in (200, 400)
    assert " open" in _disclosure_tag(response.content.decode())


def test_htmx_results_update_the_summary_count_out_of_band(client):
    CredentialFactory()
    response = client.get(
        "/credentials/?category=cloud&delivery=online",
        headers={"HX-Request": "true", "HX-Target": "search-results"},
    )
    html = response.content.decode()

    assert '<details class="filter-disclosure"' not in html
    assert 'id="credential-filters-summary" hx-swap-oob="true"' in html
    assert "Filters (2 in use)" in html
