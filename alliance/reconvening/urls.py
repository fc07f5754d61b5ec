from django.urls import path

from . import views

app_name = "reconvening"

urlpatterns = [
    path("alliance/reconvening/<int:year>/", views.year_page, name="year"),
    path("alliance/reconvening/<int:year>/press/", views.press_page, name="press"),
    path(
        "alliance/members/<slug:slug>/standards/<str:soc_code>/changes/",
        views.standard_changes_page,
        name="standard-changes",
    ),
    path("alliance/pledges/<int:pk>/", views.pledge_page, name="pledge"),
    path("alliance/pledges/<int:pk>/card.png", views.pledge_card, name="pledge-card"),
    path(
        "alliance/pledges/renewed/<int:pk>/",
        views.recommitment_page,
        name="recommitment-pledge",
    ),
    path(
        "alliance/pledges/renewed/<int:pk>/card.png",
        views.recommitment_card,
        name="recommitment-card",
    ),
    path("alliance/spotlights/", views.spotlights_page, name="spotlights"),
    path("alliance/task-force/spotlights/new/", views.spotlight_new, name="spotlight-new"),
    path(
        "alliance/task-force/spotlights/<int:pk>/edit/", views.spotlight_edit, name="spotlight-edit"
    ),
    path(
        "alliance/task-force/spotlights/<int:pk>/withdraw/",
        views.spotlight_withdraw,
        name="spotlight-withdraw",
    ),
    path("alliance/reconvening/<int:year>/awards/", views.awards_page, name="awards"),
    path(
        "alliance/task-force/awards/<int:year>/<slug:category>/",
        views.award_decide,
        name="award-decide",
    ),
    path("alliance/needs/", views.needs_board, name="needs"),
    path("alliance/needs/<int:pk>/answer/", views.need_answer, name="need-answer"),
    path("alliance/manage/<slug:slug>/needs/", views.member_needs, name="member-needs"),
    path("alliance/manage/<slug:slug>/needs/<int:pk>/close/", views.need_close, name="need-close"),
    path("alliance/manage/<slug:slug>/reconvening/", views.manage, name="manage"),
    path(
        "alliance/manage/<slug:slug>/reconvening/milestones/<int:pk>/",
        views.milestone_update,
        name="milestone-update",
    ),
]
