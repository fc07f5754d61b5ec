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
