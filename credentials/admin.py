from django.contrib import admin  # noqa: F401

from . import plan_admin  # noqa: F401
