"""What the catalog adds to career pages through pathways.extensions."""

from types import SimpleNamespace

import pytest
from django.test import RequestFactory

from pathways import extensions

from .factories import CredentialFactory, OccupationFactory, certify

pytestmark = pytest.mark.django_db


def test_occupation_panel_lists_certified_credentials_first(indexed):
    occupation = OccupationFactory(soc_code="15-1212", title="Information Security Analysts")
    plain = CredentialFactory(name="A plain one")
    trusted = CredentialFactory(name="Z trusted one")
    for credential in (plain, trusted):
        credential.occupations.add(occupation)
    certify(trusted)
    indexed()
    html = "".join(
        extensions.occupation_panels_render(
            request=RequestFactory().get("/"), occupation=occupation
        )
    )
    assert html.index("Z trusted one") < html.index("A plain one")
    assert "<caption>" in html


def test_occupation_panel_is_empty_without_credentials(db):
    occupation = OccupationFactory(soc_code="15-1299")
    assert (
        extensions.occupation_panels_render(
            request=RequestFactory().get("/"), occupation=occupation
        )
        == []
    )


def test_step_resolver_uses_explicit_slugs_or_category_criteria(indexed):
    chosen = CredentialFactory(slug="chosen", category="cloud")
    certified = CredentialFactory(slug="certified-cyber", category="cybersecurity")
    CredentialFactory(slug="other-cyber", category="cybersecurity")
    certify(certified)
    indexed()
    steps = [
        SimpleNamespace(pk=1, credential_slugs=["chosen", "missing"]),
        SimpleNamespace(pk=2, category="cybersecurity"),
        SimpleNamespace(pk=3),
    ]
    result = extensions.step_credentials(steps=steps)
    assert [c["slug"] for c in result[1]] == [chosen.slug]
    assert [c["slug"] for c in result[2]] == ["certified-cyber", "other-cyber"]
    assert (
        result[2][0]["certified"] is True and result[2][0]["url"] == "/credentials/certified-cyber/"
    )
    assert 3 not in result
