"""Test overlay: the same settings, with fast hashing and eager tasks."""

import os

os.environ.setdefault("DEBUG", "1")

from .settings import *  # noqa: F403
from .settings import CACHES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
