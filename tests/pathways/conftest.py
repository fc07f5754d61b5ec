import pytest

from pathways import extensions


@pytest.fixture(autouse=True)
def _read_day(monkeypatch):
    """Screen on the day the shipped funding facts were read, so 2026 figures are in effect."""
    import datetime as dt

    from pathways import screener

    monkeypatch.setattr(screener, "screening_day", lambda: dt.date(2026, 12, 1))


@pytest.fixture
def sample_data(db):
    from pathways.sample_data import load

    load()


@pytest.fixture
def fake_step_credentials():
    """Stand in for the catalog: every step that wants credentials gets two, certified first."""

    def resolver(steps):
        return {
            step.id: [
                {
                    "slug": f"cert-{step.id}",
                    "name": f"Certified credential for step {step.order}",
                    "url": f"/credentials/cert-{step.id}/",
                    "certified": True,
                    "total_cost_usd": 300,
                },
                {
                    "slug": f"other-{step.id}",
                    "name": f"Other credential for step {step.order}",
                    "url": f"/credentials/other-{step.id}/",
                    "certified": False,
                    "total_cost_usd": None,
                },
            ]
            for step in steps
        }

    extensions.register_step_credentials_resolver(resolver)
    yield resolver
    extensions._step_credentials_resolvers.remove(resolver)


@pytest.fixture(scope="module")
def public_data_module(django_db_setup, django_db_blocker):
    """The carried public data, loaded once for a module's read-only tests, emptied after."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_public_data")
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
