from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path("", views.credential_list, name="list"),
    path("compare/", views.credential_compare, name="compare"),
    path("tray/add/", views.tray_add, name="tray-add"),
    path("tray/remove/", views.tray_remove, name="tray-remove"),
    path("<slug:slug>/", views.credential_detail, name="detail"),
]
