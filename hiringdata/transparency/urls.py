"""Transparency report pages (/transparency/)."""

from django.urls import path

from . import views

app_name = "transparency"

urlpatterns = [
    path("", views.transparency_index, name="index"),
    path("staff/", views.staff_reports, name="staff"),
    path("staff/<int:pk>/", views.staff_report_detail, name="staff-report"),
    path("staff/<int:pk>/publish/", views.staff_report_publish, name="staff-publish"),
    path("<int:year>/", views.report_detail, name="report"),
    path("<int:year>/print/", views.report_print, name="print"),
    path("<int:year>/report.pdf", views.report_pdf, name="pdf"),
    path("<int:year>/data.<str:fmt>", views.report_download, name="download"),
    path("<int:year>/v<int:version>/", views.report_detail, name="report-version"),
    path("<int:year>/v<int:version>/print/", views.report_print, name="print-version"),
    path("<int:year>/v<int:version>/report.pdf", views.report_pdf, name="pdf-version"),
    path(
        "<int:year>/v<int:version>/data.<str:fmt>",
        views.report_download,
        name="download-version",
    ),
]
