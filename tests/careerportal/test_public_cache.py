"""Public catalog reads come from the cache until the catalog changes; a cache outage is not one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerportal.public_cache import catalog_changed, catalog_version
from tests.alliance.test_signin import _empty_cache  # noqa: F401  (autouse: a clean cache)
from tests.credentials.factories import CredentialFactory

pytestmark = pytest.mark.django_db


def _detail_queries(client, slug):  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/credentials/{slug}/")
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries]


def test_second_view_of_a_credential_reads_it_from_the_cache(client):
    credential = CredentialFactory(status="published")
    _first, cold = _detail_queries(client, credential.slug)
    _second, warm = _detail_queries(client, credential.slug)
    credential_reads = [sql for sql in cold if 'FROM "credentials_credential"' in sql]
    assert credential_reads, "the first view reads the credential"
    assert not [sql for sql in warm if 'FROM "credentials_credential"' in sql]


def test_a_change_to_the_credential_shows_at_once(client):
    credential = CredentialFactory(status="published", name="Old name")
    _detail_queries(client, credential.slug)
    credential.name = "New name"
    credential.save()
    response, _queries = _detail_queries(client, credential.slug)
    assert "New name" in response.content.decode()


def test_saving_a_plan_does_not_empty_the_cache():
    from credentials.plans.models import Plan

    before = catalog_version()
    Plan.objects.create(title="Mine")
    assert catalog_version() == before
    catalog_changed()
    assert catalog_version() == before + 1


def test_redis_down_the_page_is_still_served(client, settings):
    credential = CredentialFactory(status="published")
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    response, _queries = _detail_queries(client, credential.slug)
    assert credential.name in response.content.decode()


# --- The pages the load profile sends most (bench/load_profile.py MIX) ------------------------

from django.test import Client  # noqa: E402

from careerportal.public_cache import model_changed  # noqa: E402
from credentials.services import comparison_index_refresh  # noqa: E402
from tests.credentials.conftest import indexed, security_catalog  # noqa: E402, F401 (fixtures)

REPEATED = [
    ("/credentials/?q=security&sort=cost", "credentials_comparisonindex"),
    ("/credentials/?category=cybersecurity&max_cost=2000", "credentials_comparisonindex"),
    ("/credentials/compare/?ids=security-plus,a-plus", "credentials_comparisonindex"),
    ("/careers/", "pathways_occupation"),
    ("/careers/?q=security+analysts&sort=-wage", "pathways_occupation"),
    ("/careers/15-1212/", "pathways_occupation"),
]


def _page(client, path, **extra):  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    assert response.status_code == 200, path
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


@pytest.mark.usefixtures("security_catalog")
@pytest.mark.parametrize(("path", "table"), REPEATED)
def test_the_same_page_for_another_visitor_comes_from_the_cache(path, table):
    # Two visitors without cookies in common, as the load profile's users are.
    _body, cold = _page(Client(), path)
    _body, warm = _page(Client(), path)
    assert [sql for sql in cold if f'FROM "{table}"' in sql], "the first request reads the table"
    assert not [sql for sql in warm if f'FROM "{table}"' in sql]
    assert len(warm) < len(cold)


@pytest.mark.usefixtures("security_catalog")
def test_unknown_parameters_and_their_order_share_one_entry(client):
    _page(client, "/credentials/?q=security&sort=cost")
    body, warm = _page(client, "/credentials/?utm_source=mail&sort=cost&q=security")
    assert not [sql for sql in warm if 'FROM "credentials_comparisonindex"' in sql]
    assert "CompTIA Security+" in body


def test_another_page_number_is_another_entry(client):
    for number in range(25):
        CredentialFactory(name=f"Cloud course {number:02d}", slug=f"cloud-{number:02d}")
    comparison_index_refresh()
    first, _queries = _page(client, "/credentials/?sort=name")
    second, _queries = _page(client, "/credentials/?sort=name&page=2")
    assert "Cloud course 00" in first and "Cloud course 00" not in second
    assert "Cloud course 24" in second


@pytest.mark.usefixtures("security_catalog")
def test_one_visitors_compare_list_and_form_tokens_stay_theirs():
    mine, theirs = Client(), Client(enforce_csrf_checks=True)
    mine.post("/credentials/tray/add/", {"slug": "a-plus"})
    remove = 'action="/credentials/tray/remove/"'  # only a non-empty compare list has it
    for path in ("/credentials/?q=comptia", "/credentials/compare/?ids=security-plus,a-plus"):
        body, _queries = _page(mine, path)
        assert remove in body, path
        other, _queries = _page(theirs, path)
        assert remove not in other and "In your compare list" not in other, path
    # The other visitor's forms on the cached page carry a token their own cookie accepts.
    page = theirs.get("/credentials/?q=comptia").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    added = theirs.post(
        "/credentials/tray/add/", {"slug": "security-plus", "csrfmiddlewaretoken": token}
    )
    assert added.status_code == 302
    assert theirs.session["compare_tray"] == ["security-plus"]
    assert mine.session["compare_tray"] == ["a-plus"]


@pytest.mark.usefixtures("security_catalog")
def test_a_renamed_credential_shows_in_the_next_search(client):
    from credentials.models import Credential

    body, _queries = _page(client, "/credentials/?q=security")
    assert "CompTIA Security+" in body
    credential = Credential.objects.get(slug="security-plus")
    credential.name = "CompTIA Security+ (SY0-701)"
    credential.save()
    comparison_index_refresh()
    body, _queries = _page(client, "/credentials/?q=security")
    assert "CompTIA Security+ (SY0-701)" in body


@pytest.mark.usefixtures("security_catalog")
def test_a_changed_occupation_shows_on_the_career_pages(client):
    from pathways.models import Occupation

    # The list without a search shows the tech family (none in this catalog): search it.
    pages = ("/careers/?q=security+analysts", "/careers/15-1212/")
    for path in pages:
        assert "$124,910" in _page(client, path)[0], path
    occupation = Occupation.objects.get(soc_code="15-1212")
    occupation.median_annual_wage = 131_000
    occupation.save()
    for path in pages:
        body, _queries = _page(client, path)
        assert "$131,000" in body and "$124,910" not in body, path


@pytest.mark.parametrize(
    ("label", "bumps"),
    [
        ("translations.ContentTranslation", True),
        ("reconvening.StandardVersion", True),
        ("pathways.DataLoad", True),  # every public-data loader run ends by saving one
        ("hiringdata.HiringCount", True),
        ("sessions.Session", False),
        ("auth.User", False),
        ("credentials.Plan", False),
        ("alliance.AuditEntry", False),
    ],
)
def test_which_models_make_cached_pages_stale(label, bumps):
    from django.apps import apps

    before = catalog_version()
    model_changed(sender=apps.get_model(label))
    assert (catalog_version() > before) is bumps
