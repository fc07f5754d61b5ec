from django.core.management import call_command


def test_the_whole_openapi_schema_generates_without_warnings(tmp_path):
    """Components from every app share one namespace: a clash or an unresolved type fails here."""
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
    assert "/api/v1/credentials/" in (tmp_path / "schema.yml").read_text()
