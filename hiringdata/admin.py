from django.contrib import admin  # noqa: F401

from . import report_admin  # noqa: F401
