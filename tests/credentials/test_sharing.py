"""Sharing: schema.org and link-preview tags, share cards, LinkedIn, embeds and oEmbed."""

import io
import json
import re

import pytest
from django.core.management import call_command
from PIL import Image

from .factories import CostItemFactory, CredentialFactory, OccupationFactory

EMBED_BUDGET = 30 * 1024


@pytest.fixture
def shared(db, indexed):
    occupation = OccupationFactory(
        soc_code="15-1212", title="Information Security Analysts", median_annual_wage=124_910
    )
    credential = CredentialFactory(name="CompTIA Security+", slug="security-plus")
    credential.occupations.add(occupation)
    CostItemFactory(credential=credential, amount_min_usd=439)
    other = CredentialFactory(
        name="Google IT Support", slug="google-it", credential_type="certificate"
    )
    indexed()
    return credential, other, occupation


def test_detail_page_carries_card_tags_and_schema_org(client, shared):
    credential, _other, _occupation = shared

    response = client.get(f"/credentials/{credential.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        'property="og:image" content="http://testserver/credentials/security-plus/card.png"' in html
    )
    assert 'name="twitter:card" content="summary_large_image"' in html
    assert 'type="application/json+oembed"' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "EducationalOccupationalCredential"
    assert data["offers"]["price"] == "439.00" and data["offers"]["priceCurrency"] == "USD"
    assert data["about"][0]["occupationalCategory"] == "15-1212"
    assert data["identifier"]["value"] == credential.ctdl_id


def test_certification_offers_add_to_linkedin_with_name_issuer_and_url(client, shared):
    credential, _other, _occupation = shared

    html = client.get(f"/credentials/{credential.slug}/").content.decode()

    link = re.search(r'href="(https://www.linkedin.com/profile/add\?[^"]+)"', html).group(1)
    assert "startTask=CERTIFICATION_NAME" in link
    assert "name=CompTIA+Security%2B" in link
    assert f"organizationName={credential.provider.name.replace(' ', '+')}" in link
    assert "certUrl=" in link
    # Share links are plain links: no third-party script on the page.
    assert not re.search(r'<script[^>]+src="https?://', html)


def test_share_card_is_a_1200_by_630_png(client, shared):
    credential, _other, occupation = shared

    for url in (
        f"/credentials/{credential.slug}/card.png",
        "/credentials/compare/card.png?ids=security-plus,google-it",
        f"/careers/{occupation.soc_code}/card.png",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    assert client.get("/credentials/nope/card.png").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/embed/credentials/security-plus/",
        "/embed/compare/?ids=security-plus,google-it",
        "/embed/careers/15-1212/",
    ],
)
def test_embeds_are_small_cookieless_and_frameable(client, shared, url):
    response = client.get(url)

    assert response.status_code == 200
    assert len(response.content) <= EMBED_BUDGET
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert not response.cookies


def test_other_pages_still_refuse_framing(client, shared):
    response = client.get("/credentials/security-plus/")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    # The site-wide policy (careerportal/headers.py) forbids framing in CSP as well.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_oembed_finds_the_widget_for_a_page(client, shared, settings):
    settings.SITE_URL = "http://testserver"

    response = client.get("/oembed", {"url": "http://testserver/credentials/security-plus/"})
    compare = client.get(
        "/oembed", {"url": "http://testserver/credentials/compare/?ids=security-plus,google-it"}
    )

    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "rich" and body["version"] == "1.0"
    assert 'src="http://testserver/embed/credentials/security-plus/"' in body["html"]
    assert compare.status_code == 200
    assert "/embed/compare/?ids=security-plus,google-it" in compare.json()["html"]
    assert client.get("/oembed", {"url": "https://elsewhere.example/x"}).status_code == 404
    assert client.get("/oembed", {"url": "http://testserver/funding/"}).status_code == 404


def test_snippets_page_gives_iframe_and_sizing_script(client, shared):
    response = client.get("/embed/", {"slug": "security-plus"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "/embed/credentials/security-plus/" in html
    assert "postMessage" not in html or "message" in html
    assert "e.data.ttt" in html


def _json_ld(html):
    """Every JSON-LD block of a rendered page, parsed."""
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def _meta(html, key):
    found = re.search(rf'(?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def test_program_page_carries_an_educational_occupational_program(client, shared):
    from .test_program_views import NEWARK, _program

    credential, _other, _occupation = shared
    program = _program(
        "CompTIA Security+ Bootcamp", point=NEWARK, zip_code="07102", cost=4000, clock_hours=120,
        credential_earned="CompTIA Security+", credential_kind="Industry certification",
    )  # fmt: skip
    program.credentials.add(credential)

    response = client.get(f"/programs/{program.pk}/")

    assert response.status_code == 200
    [data] = _json_ld(response.content.decode())
    assert data["@type"] == "EducationalOccupationalProgram"
    assert data["url"] == f"http://testserver/programs/{program.pk}/"
    assert data["provider"] == {"@type": "EducationalOrganization", "name": "A School"}
    assert data["offers"]["price"] == "4000.00" and data["offers"]["priceCurrency"] == "USD"
    assert "2023-04-28" in data["offers"]["description"]
    assert data["timeToComplete"] == "PT120H"
    awarded = data["occupationalCredentialAwarded"]
    assert awarded[0]["url"] == "http://testserver/credentials/security-plus/"
    assert awarded[1]["credentialCategory"] == "Industry certification"
    assert data["occupationalCategory"]["codeValue"] == "11.1003"
    assert data["location"]["address"]["postalCode"] == "07102"


def test_program_time_to_complete_falls_back_to_the_lists_calendar_length(client, shared):
    from .test_program_views import NEWARK, _program

    program = _program("Network Support", point=NEWARK, zip_code="07102", cost=None,
                       calendar_length=5)  # fmt: skip

    [data] = _json_ld(client.get(f"/programs/{program.pk}/").content.decode())

    assert data["timeToComplete"] == "P11W"  # "4 to 11 weeks": the longest it may take
    assert "offers" not in data  # no published cost, no offer


def test_career_page_carries_an_occupation_with_oews_wages_and_its_card(client, shared):
    from tests.pathways.publicdata_files import public_file

    call_command("load_oews", str(public_file("bls/oews_national_M2024_dl.xlsx")))
    _credential, _other, occupation = shared
    occupation.soc_detailed = "15-1212"  # the SOC code OEWS publishes wages for
    occupation.save()

    response = client.get(f"/careers/{occupation.soc_code}/")

    assert response.status_code == 200
    html = response.content.decode()
    [data] = _json_ld(html)
    assert data["@type"] == "Occupation"
    assert data["occupationalCategory"]["codeValue"] == "15-1212"
    [salary] = data["estimatedSalary"]
    # BLS OEWS May 2024, national, Information Security Analysts (the real file in shared/).
    assert salary["median"] == 124910
    assert salary["percentile10"] < salary["percentile25"] < salary["median"]
    assert salary["median"] < salary["percentile75"] < salary["percentile90"]
    assert "May 2024" in salary["name"] and "Bureau of Labor Statistics" in salary["description"]
    assert salary["url"].startswith("https://www.bls.gov/")
    assert _meta(html, "og:image") == "http://testserver/careers/15-1212/card.png"
    assert _meta(html, "twitter:card") == "summary_large_image"
    assert _meta(html, "og:title") == "Information Security Analysts"
    assert 'type="application/json+oembed"' in html
    assert client.get("/careers/15-1212/card.png").status_code == 200


def test_career_salary_without_oews_rows_is_the_carried_median_with_its_source(client, shared):
    _credential, _other, occupation = shared

    [data] = _json_ld(client.get(f"/careers/{occupation.soc_code}/").content.decode())

    [salary] = data["estimatedSalary"]
    assert salary["median"] == 124_910 and "percentile10" not in salary
    assert salary["url"] == "https://www.bls.gov/oes/"


def test_compare_page_carries_the_summary_card(client, shared):
    response = client.get("/credentials/compare/", {"ids": "security-plus,google-it"})

    assert response.status_code == 200
    html = response.content.decode()
    image = _meta(html, "og:image")
    assert image == "http://testserver/credentials/compare/card.png?ids=security-plus%2Cgoogle-it"
    assert _meta(html, "twitter:image") == image
    assert _meta(html, "og:title") == "CompTIA Security+ · Google IT Support"
    assert "2 tech credentials side by side" in _meta(html, "og:description")
    card = client.get(image.removeprefix("http://testserver"))
    assert card.status_code == 200 and card["Content-Type"] == "image/png"
    assert "linkedin.com/sharing/share-offsite/" in html
