"""The API keeps its contract: schemathesis fuzzes every operation of /api/schema/ (schema-valid
and schema-invalid requests, a bounded number of each) against the sample catalog.

All of schemathesis' checks run except one: "schema-valid request rejected". Some rules cannot be
written in OpenAPI (compare needs 2-4 *different* credentials that exist; the screener's program
facts must fit together), so a schema-valid request may rightly get a documented 400. What the
contract promises is checked in full: no server error, every answer matches its schema, every
status code is documented, no schema-invalid request is accepted, and public reads are documented
as public while protected ones refuse anonymous callers.
"""

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

EXAMPLES = {GenerationMode.POSITIVE: 6, GenerationMode.NEGATIVE: 4}


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_sample_data", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_every_operation_keeps_the_contract(catalog, settings, wsgi_app):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app)
    failures: dict[str, str] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30

    for operation in operations:
        for mode, examples in EXAMPLES.items():
            try:
                _fuzz(operation, mode, examples, failures)()
            except Unsatisfiable:
                assert mode == GenerationMode.NEGATIVE  # nothing in it can be made invalid

    assert failures == {}, "\n\n".join(f"{k}: {v}" for k, v in failures.items())


def _fuzz(operation, mode, examples, failures):
    """A hypothesis test of one operation in one mode, collecting failures by operation."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        try:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])
        except BaseException as error:
            key = f"{operation.method.upper()} {operation.path} ({mode.value})"
            failures.setdefault(key, str(error)[:800])

    return run
