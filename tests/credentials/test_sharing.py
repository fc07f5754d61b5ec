"""Sharing: schema.org and link-preview tags, share cards, LinkedIn, embeds and oEmbed."""

import io
import json
import re

import pytest
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
