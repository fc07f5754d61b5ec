from django.urls import path

from . import views

app_name = "alliance"

urlpatterns = [
    path("alliance/", views.alliance_home, name="home"),
    path("alliance/members/<slug:slug>/", views.member_detail, name="member"),
    path(
        "alliance/certification/<slug:slug>/",
        views.certification_history,
        name="certification-history",
    ),
    path("employers/", views.employers, name="employers"),
    path("alliance/manage/", views.manage_index, name="manage-index"),
    path("alliance/manage/<slug:slug>/", views.manage, name="manage"),
    path(
        "alliance/manage/<slug:slug>/commitments/",
        views.commitment_sign,
        name="commitment-sign",
    ),
    path(
        "alliance/manage/<slug:slug>/recognitions/",
        views.recognition_add,
        name="recognition-add",
    ),
    path(
        "alliance/manage/<slug:slug>/recognitions/<int:pk>/remove/",
        views.recognition_remove,
        name="recognition-remove",
    ),
    path(
        "alliance/manage/<slug:slug>/invitations/",
        views.invitation_create,
        name="invitation-create",
    ),
    path("alliance/manage/<slug:slug>/standards/new/", views.standard_edit, name="standard-new"),
    path(
        "alliance/manage/<slug:slug>/standards/<int:pk>/",
        views.standard_edit,
        name="standard-edit",
    ),
    path("alliance/invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("alliance/task-force/", views.task_force, name="task-force"),
    path(
        "alliance/task-force/credentials/<slug:slug>/",
        views.task_force_credential,
        name="task-force-credential",
    ),
    path(
        "alliance/task-force/standards/<int:pk>/",
        views.task_force_standard,
        name="task-force-standard",
    ),
    path("alliance/audit/", views.audit_log, name="audit-log"),
]
