from django.urls import path

from . import views

app_name = "providers"

urlpatterns = [
    path("alliance/gaps/", views.gaps, name="gaps"),
    path("providers/portal/", views.portal, name="portal"),
    path("providers/portal/submissions/new/", views.submission_new, name="submission-new"),
    path("providers/portal/submissions/<int:pk>/", views.submission_detail, name="submission"),
    path(
        "providers/portal/submissions/<int:pk>/evidence/",
        views.evidence_upload,
        name="evidence-upload",
    ),
    path("providers/evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("providers/invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("alliance/task-force/providers/", views.review_queue, name="review-queue"),
    path("alliance/task-force/providers/invite/", views.invite, name="invite"),
    path("alliance/task-force/providers/submissions/<int:pk>/", views.review, name="review"),
    path(
        "alliance/task-force/providers/outcome-reports/<int:pk>/verify/",
        views.outcome_report_verify,
        name="outcome-verify",
    ),
]
