"""Counselor plans (/plans/): careers and credentials collected behind an unguessable link."""

from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_index, name="index"),
    path("new/", views.plan_new, name="new"),
    path("add/", views.plan_add, name="add"),
    path("<str:token>/", views.plan_detail, name="detail"),
    path("<str:token>/edit/", views.plan_edit, name="edit"),
    path("<str:token>/print/", views.plan_handout, name="handout"),
    path("<str:token>/items/<int:item_id>/remove/", views.plan_item_delete, name="remove"),
]
