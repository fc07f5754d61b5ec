"""Pledge pages (with share image and post text) and the press page of a convening."""

from datetime import date

import pytest

from alliance.extensions import register_convening_figures
from tests.pages import page_html

from ..factories import CommitmentFactory, MemberFactory
from .factories import ConveningFactory, RecommitmentFactory

pytestmark = pytest.mark.django_db


def test_commitment_pledge_page_has_share_tags_card_and_post_text(client, member):
    commitment = CommitmentFactory(member=member, deadline=date(2027, 5, 14), is_synthetic=True)
    response = client.get(f"/alliance/pledges/{commitment.pk}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Acme IT pledges: Publish our hiring data within one year of the convening" in html
    assert "Signed by Pat Signer on" in html
    assert (
        "We signed a public pledge with the Transparent Tech Training Alliance: “Publish our "
        "hiring data within one year of the convening”, by May 14, 2027. "
        f"http://testserver/alliance/pledges/{commitment.pk}/"
    ) in html
    assert (
        f'property="og:image" content="http://testserver/alliance/pledges/{commitment.pk}/card.png"'
        in html
    )
    assert "synthetic" in html


def test_pledge_post_text_is_translated(client, member):
    commitment = CommitmentFactory(member=member)
    response = client.get(f"/es/alliance/pledges/{commitment.pk}/")
    assert response.status_code == 200
    assert "Firmamos un compromiso público con la Alianza Transparent Tech Training" in page_html(
        response
    )


def test_pledge_cards_are_png(client, member):
    commitment = CommitmentFactory(member=member)
    recommitment = RecommitmentFactory(member=member)
    for url in (
        f"/alliance/pledges/{commitment.pk}/card.png",
        f"/alliance/pledges/renewed/{recommitment.pk}/card.png",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response.content.startswith(b"\x89PNG")


def test_recommitment_pledge_page(client, member):
    recommitment = RecommitmentFactory(member=member, statement="We keep going.")
    response = client.get(f"/alliance/pledges/renewed/{recommitment.pk}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Acme IT renews its pledge (2026)" in html
    assert "in 2026: “We keep going.”" in html


@pytest.mark.parametrize(
    "url",
    ["/alliance/pledges/999/", "/alliance/pledges/999/card.png", "/alliance/pledges/renewed/9/"],
)
def test_unknown_pledge_is_404(client, url):
    assert client.get(url).status_code == 404


def test_press_page_counts_what_was_signed_and_by_whom(client, member, other_member):
    convening = ConveningFactory()
    CommitmentFactory(member=member, convening=convening)
    CommitmentFactory(member=member, convening=convening, kind="hiring_standards")
    CommitmentFactory(member=other_member, convening=convening)
    CommitmentFactory(member=MemberFactory(name="Not there"))  # signed outside the convening
    RecommitmentFactory(member=member, convening=convening)
    response = client.get("/alliance/reconvening/2026/press/")
    assert response.status_code == 200
    html = page_html(response)
    assert "3 public pledges signed by 2 members." in html
    assert "1 member renewed its pledge." in html
    assert "Not there" not in html


def test_press_page_shows_registered_figures_with_source_and_date(client, monkeypatch):
    from alliance import extensions

    monkeypatch.setattr(extensions, "_convening_figures", {})
    register_convening_figures(
        key="test",
        provide=lambda year: [
            {
                "label": f"Hires in {year - 1}",
                "value": 120,
                "source": "/transparency/2025/",
                "as_of": date(2026, 3, 1),
                "is_synthetic": False,
            }
        ],
    )
    ConveningFactory()
    response = client.get("/alliance/reconvening/2026/press/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Hires in 2025: <strong>120</strong> (published March 1, 2026," in html


def test_press_page_without_figures_says_so(client, monkeypatch):
    from alliance import extensions

    monkeypatch.setattr(extensions, "_convening_figures", {})
    ConveningFactory()
    response = client.get("/alliance/reconvening/2026/press/")
    assert response.status_code == 200
    assert "No transparency report for the year before this convening is published yet." in (
        page_html(response)
    )
