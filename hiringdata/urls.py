from django.urls import path

from . import views

app_name = "hiringdata"

urlpatterns = [
    path("portal/", views.portal_home, name="portal"),
    path("portal/upload/", views.portal_upload, name="upload"),
    path("portal/submissions/", views.submission_list, name="submissions"),
    path("portal/submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("portal/submissions/<int:pk>/status/", views.submission_status, name="status"),
    path(
        "portal/submissions/<int:pk>/problems.csv",
        views.submission_problems_csv,
        name="problems_csv",
    ),
    path("portal/submissions/<int:pk>/rerun/", views.submission_rerun, name="rerun"),
    path("portal/data-dictionary/", views.data_dictionary, name="data_dictionary"),
    path(
        "portal/templates/hiring-data-<str:shape>.<str:extension>",
        views.file_template,
        name="template",
    ),
]
