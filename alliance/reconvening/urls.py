from django.urls import path

from . import views

app_name = "reconvening"

urlpatterns = [
    path("alliance/reconvening/<int:year>/", views.year_page, name="year"),
    path("alliance/manage/<slug:slug>/reconvening/", views.manage, name="manage"),
    path(
        "alliance/manage/<slug:slug>/reconvening/milestones/<int:pk>/",
        views.milestone_update,
        name="milestone-update",
    ),
]
