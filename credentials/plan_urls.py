"""Counselor plans (/plans/): careers and credentials collected behind an unguessable link."""

from django.urls import path  # noqa: F401

app_name = "plans"

urlpatterns: list = []
