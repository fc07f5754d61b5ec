"""Transparency reports: versions, published tables and their disclosure audit."""

from django.db import models  # noqa: F401
