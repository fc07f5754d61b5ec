from django.urls import path

from . import views

app_name = "taskforce"

urlpatterns = [
    path("alliance/meetings/", views.meeting_list, name="meetings"),
    path("alliance/meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("alliance/high-demand-jobs/", views.high_demand, name="high-demand"),
    path("alliance/calendar.ics", views.calendar, name="calendar"),
]
