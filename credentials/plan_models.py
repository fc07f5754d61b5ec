"""Counselor plans: careers and credentials collected behind an unguessable link."""

from django.db import models  # noqa: F401
