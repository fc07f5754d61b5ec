"""Counselor plans (/plans/): careers and credentials collected behind an unguessable link."""

from django.urls import path

from . import plan_views

app_name = "plans"

urlpatterns = [
    path("", plan_views.plan_index, name="index"),
    path("new/", plan_views.plan_new, name="new"),
    path("add/", plan_views.plan_add, name="add"),
    path("<str:token>/", plan_views.plan_detail, name="detail"),
    path("<str:token>/edit/", plan_views.plan_edit, name="edit"),
    path("<str:token>/items/<int:item_id>/remove/", plan_views.plan_item_delete, name="remove"),
]
