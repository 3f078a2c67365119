"""Django settings, read from the environment through typed helpers that fail loudly.

With no environment at all Lynchpin runs in debug mode on an SQLite file under `./.lynchpin`:
that is what `make demo` and a developer's checkout need. A deployment sets
``LYNCHPIN_DEBUG=false`` and must then provide ``LYNCHPIN_SECRET_KEY`` and
``LYNCHPIN_ALLOWED_HOSTS`` (start-up refuses otherwise). Every variable is listed, with its
default, in docs/deploy.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from lynchpin.config.env import env_bool, env_choice, env_int, env_list, env_path, env_str
from lynchpin.config.security import choose_allowed_hosts, choose_secret_key

DEBUG = env_bool("LYNCHPIN_DEBUG", default=True)
SECRET_KEY = choose_secret_key(env_str("LYNCHPIN_SECRET_KEY"), debug=DEBUG)
ALLOWED_HOSTS = choose_allowed_hosts(env_list("LYNCHPIN_ALLOWED_HOSTS"), debug=DEBUG)
CSRF_TRUSTED_ORIGINS = env_list("LYNCHPIN_CSRF_TRUSTED_ORIGINS")

#: Where the SQLite database and uploaded files live (created on start).
DATA_DIR = env_path("LYNCHPIN_DATA_DIR", Path(".lynchpin"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

#: Public address of the site, used in links sent by email (invitations, password resets
#: use the request's host instead).
LYNCHPIN_BASE_URL = env_str("LYNCHPIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # First, so that its registration/*.html templates win over the admin's.
    "lynchpin.web",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "lynchpin.core",
    "lynchpin.productions",
    "lynchpin.people",
    "lynchpin.scripts",
    "lynchpin.budgets",
    "lynchpin.accounting",
    "lynchpin.schedules",
    "lynchpin.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees exceptions raised by views before Django's own handlers.
    "lynchpin.web.middleware.ApplicationErrorMiddleware",
]

ROOT_URLCONF = "lynchpin.config.urls"
WSGI_APPLICATION = "lynchpin.config.wsgi.application"
ASGI_APPLICATION = "lynchpin.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _databases() -> dict[str, dict[str, Any]]:
    """PostgreSQL (or any engine) from DATABASE_URL, else SQLite in DATA_DIR."""
    url = env_str("DATABASE_URL")
    if url:
        return {
            "default": dj_database_url.parse(
                url,
                conn_max_age=env_int("LYNCHPIN_DB_CONN_MAX_AGE", 60, minimum=0),
                conn_health_checks=True,
            )
        }
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "lynchpin.sqlite3",
            "OPTIONS": {
                # Take the write lock when a transaction starts, not at its first write: two
                # writers then queue (up to `timeout` seconds) instead of one failing with
                # "database is locked" halfway through. WAL lets readers run during a write.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }


DATABASES = _databases()

# "shared": values every process of this machine may reuse, each stored under a key naming
# all its inputs (e.g. a budget revision and a schedule feed), so an entry is never stale,
# only unused; files in the data directory, as the web workers are separate processes.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "productions:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded files (screenplays, contracts) are confidential: they are served only through views
# that check the member's rights, never from MEDIA_URL by the web server.
MEDIA_URL = "/media-is-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

#: Largest file an upload form or API endpoint accepts (bytes); forms check it themselves
#: because Django limits only the in-memory part of a request.
LYNCHPIN_MAX_UPLOAD_BYTES = env_int("LYNCHPIN_MAX_UPLOAD_BYTES", 20 * 1024 * 1024, minimum=1)
#: Non-file request bodies above this are refused with 400 (Django's default, made explicit).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
#: Uploaded files above this are streamed to a temporary file instead of held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

#: Days an invitation to a production stays valid.
LYNCHPIN_INVITATION_DAYS = env_int("LYNCHPIN_INVITATION_DAYS", 14, minimum=1)

# Background work (docs/web/platform.md, "Tasks"): the database backend needs a worker
# (`manage.py db_worker`); "immediate" runs each task inside the request, for tests and demos.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_TASK_BACKEND = env_choice("LYNCHPIN_TASKS_BACKEND", tuple(_TASK_BACKENDS), "database")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_TASK_BACKEND], "QUEUES": ["default"]}}

# Email: console by default; SMTP as soon as LYNCHPIN_EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = env_str("LYNCHPIN_EMAIL_FROM", "Lynchpin <lynchpin@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("LYNCHPIN_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("LYNCHPIN_EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("LYNCHPIN_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env_str("LYNCHPIN_EMAIL_PASSWORD")
    EMAIL_USE_TLS = env_bool("LYNCHPIN_EMAIL_USE_TLS", default=True)
    EMAIL_USE_SSL = env_bool("LYNCHPIN_EMAIL_USE_SSL", default=False)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# django-ninja: pages of at most 100 rows (lynchpin.api.pagination enforces it per endpoint).
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 100

# HTTPS hardening outside debug. LYNCHPIN_HTTPS=false is for a non-debug server on loopback
# (benchmarks) or behind a proxy that terminates TLS and talks plain HTTP to us.
_HTTPS = env_bool("LYNCHPIN_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_SSL_REDIRECT = _HTTPS and env_bool("LYNCHPIN_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("LYNCHPIN_HSTS_SECONDS", 31_536_000, minimum=0) if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
# HSTS for subdomains and the browser preload list would bind hosts Lynchpin does not run;
# that is the operator's decision, so `check --deploy` does not nag about it.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
if env_bool("LYNCHPIN_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LYNCHPIN_LOG_LEVEL", "INFO")},
}
