"""Search, detail and compare pages, the htmx partial, the compare tray and the CSV."""

import csv
import io

import pytest
from django.urls import reverse

from credentials.models import ComparisonIndex
from tests.pages import page_html, plain_summary_official

from .factories import CostItemFactory, CredentialFactory, OutcomeReportFactory, certify, recognize

pytestmark = pytest.mark.django_db

LIST = "/credentials/"


def test_search_page_lists_results_with_price_date(client, security_catalog):
    response = client.get(LIST, {"q": "security"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "2 results" in body
    assert "CompTIA Security+" in body and "price date: 2026-06" in body
    assert 'aria-live="polite"' in body


def test_htmx_request_gets_only_the_results_partial(client, security_catalog):
    response = client.get(
        LIST, {"category": "it_support"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="search-results"
    )
    body = response.content.decode()
    assert "<html" not in body
    assert "CompTIA A+" in body and "Security+" not in body
    assert "1 result" in body


def test_unknown_filter_value_shows_a_message_not_an_error(client, security_catalog):
    response = client.get(LIST, {"category": "bogus", "max_cost": "cheap"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Some choices could not be used" in body
    assert "Most I can pay (USD)" in body and "Field" in body


def test_spanish_search_page(client, security_catalog):
    response = client.get("/es" + LIST, {"q": "seguridad"})
    assert response.status_code == 200
    assert '<html lang="es"' in response.content.decode()


@pytest.mark.parametrize("count", [1, 30])
def test_search_page_query_count_does_not_grow_with_rows(
    client, indexed, django_assert_max_num_queries, count
):
    for _ in range(count):
        credential = CredentialFactory()
        CostItemFactory(credential=credential)
        OutcomeReportFactory(credential=credential)
    indexed()
    client.post(reverse("credentials:tray-add"), {"slug": ComparisonIndex.objects.first().slug})
    with django_assert_max_num_queries(7):
        response = client.get(LIST, {"q": "credential", "sort": "cost"})
    assert response.status_code == 200


def test_tray_add_and_remove_without_javascript(client, security_catalog):
    response = client.post(
        reverse("credentials:tray-add"), {"slug": "a-plus", "next": "/credentials/?q=a"}
    )
    assert response.status_code == 302 and response["Location"] == "/credentials/?q=a"
    assert client.session["compare_tray"] == ["a-plus"]
    assert "In your compare list" in client.get(LIST).content.decode()

    client.post(reverse("credentials:tray-remove"), {"slug": "a-plus"})
    assert client.session["compare_tray"] == []


def test_tray_ignores_unknown_slugs_and_offsite_next(client, security_catalog):
    response = client.post(
        reverse("credentials:tray-add"), {"slug": "no-such", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("credentials:list")
    assert client.session.get("compare_tray", []) == []


def test_tray_htmx_returns_the_tray_with_a_compare_link(client, security_catalog):
    for slug in ("a-plus", "security-plus"):
        response = client.post(
            reverse("credentials:tray-add"), {"slug": slug}, HTTP_HX_REQUEST="true"
        )
    body = response.content.decode()
    assert "<html" not in body
    assert "/credentials/compare/?ids=a-plus,security-plus" in body


def test_detail_page_shows_sources_outcomes_and_employers(client, security_catalog):
    credential = security_catalog["security-plus"]
    OutcomeReportFactory(credential=credential, is_synthetic=True)
    certify(credential)
    recognize(credential, member_slug="acme")
    from credentials.services import comparison_index_refresh

    comparison_index_refresh()
    response = client.get(reverse("credentials:detail", args=["security-plus"]))
    assert response.status_code == 200
    body = page_html(response)
    assert "https://example.org/price" in body and "page date: 2026-06" in body
    assert "synthetic-flag" in body
    assert "Certified by the Alliance" in body
    # The alliance's section (its extension point), in its own words.
    assert "Acme" in body and "Requires it" in body
    assert "Information Security Analysts" in body


def test_detail_page_says_not_reported_without_outcomes(client, security_catalog):
    body = client.get(reverse("credentials:detail", args=["a-plus"])).content.decode()
    assert "Not reported" in body


def test_unknown_credential_is_404(client, db):
    assert client.get(reverse("credentials:detail", args=["nope"])).status_code == 404


def test_compare_page_marks_best_values_in_words(client, security_catalog):
    response = client.get(
        reverse("credentials:compare"), {"ids": "a-plus,security-plus,google-cybersecurity"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('<th scope="col">') == 3
    assert "(best value)" in body
    assert "How we estimate payback" in body
    assert "compare-print.css" in body


@pytest.mark.parametrize(
    "ids,message",
    [
        ("", "Choose 2 to 4"),
        ("a-plus", "at least 2"),
        ("a-plus,a-plus", "at least 2"),
        ("a,b,c,d,e", "at most 4"),
        ("a-plus,<script>", "not credential ids"),
        ("a-plus,missing-one", "could not find"),
    ],
)
def test_compare_page_explains_bad_ids(client, security_catalog, ids, message):
    response = client.get(reverse("credentials:compare"), {"ids": ids})
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("count", [2, 4])
def test_compare_query_count_is_constant(client, indexed, django_assert_max_num_queries, count):
    made = CredentialFactory.create_batch(count)
    indexed()
    ids = ",".join(c.slug for c in made)
    # Index rows, occupations, the program facts (4) and the funding sources with their
    # rules: the funding rows read them once for all columns (tests/credentials/test_funding.py).
    with django_assert_max_num_queries(7):
        assert client.get(reverse("credentials:compare"), {"ids": ids}).status_code == 200


def test_compare_csv_neutralises_formula_cells(client, indexed):
    first = CredentialFactory(slug="first", name='=HYPERLINK("http://evil")')
    second = CredentialFactory(slug="second", name="@SUM(A1)")
    indexed()
    response = client.get(reverse("credentials:compare"), {"ids": "first,second", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][1:] == ['\'=HYPERLINK("http://evil")', "'@SUM(A1)"]
    assert rows[1][0] == "Who offers it"
    assert first.provider.name in rows[1] and second.provider.name in rows[1]


def test_compare_csv_keeps_each_figures_date_and_synthetic_flag(client, indexed):
    CostItemFactory(credential=CredentialFactory(slug="dated"), source_date="2026-06")
    CostItemFactory(credential=CredentialFactory(slug="made-up"), is_synthetic=True)
    indexed()
    response = client.get(reverse("credentials:compare"), {"ids": "dated,made-up", "format": "csv"})
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(response.content.decode()))}
    assert "2026-06" in rows["Total cost"][0]
    assert "[synthetic]" in rows["Total cost"][1] and "[synthetic]" not in rows["Total cost"][0]


@pytest.mark.parametrize("links", [1, 6])
def test_detail_query_count_is_constant(client, indexed, django_assert_max_num_queries, links):
    from .factories import OccupationFactory, recognize

    credential = CredentialFactory(slug="detail")
    for n in range(links):
        CostItemFactory(credential=credential)
        OutcomeReportFactory(credential=credential)
        credential.occupations.add(OccupationFactory(soc_code=f"15-12{n:02d}"))
        recognize(credential, member_slug=f"member-{n}")
    indexed()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("credentials:detail", args=["detail"])).status_code == 200


def test_detail_page_marks_the_summary_as_ours_and_keeps_the_official_description(
    client, security_catalog
):
    credential = security_catalog["security-plus"]
    credential.summary_en = "Security+ shows you know the basics of keeping data safe."
    credential.description_en = "Validates baseline skills necessary to perform core functions."
    credential.save()
    response = client.get(reverse("credentials:detail", args=["security-plus"]))
    official = plain_summary_official(
        response, "Security+ shows you know the basics of keeping data safe."
    )
    assert "Validates baseline skills necessary to perform core functions." in official


def test_detail_page_says_its_program_facts_in_the_language_asked_after_another(
    client, security_catalog
):
    # The detail read is cached; a page in English first must not leave English on /es/.
    OutcomeReportFactory(credential=security_catalog["security-plus"])
    english = page_html(client.get("/credentials/security-plus/"))
    spanish = page_html(client.get("/es/credentials/security-plus/"))
    assert "employed in the field in 180 days" in english
    assert "empleados en el campo en 180 días" in spanish
    assert "employed in the field in 180 days" not in spanish
