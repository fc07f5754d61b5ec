from django.urls import path

from . import views

app_name = "pathways"

urlpatterns = [
    path("careers/", views.career_list, name="career-list"),
    path("careers/compare/", views.career_compare, name="career-compare"),
    path("careers/match/", views.career_match, name="career-match"),
    path("careers/<str:soc_code>/", views.career_detail, name="career-detail"),
    path("careers/<str:soc_code>/card.png", views.career_card, name="career-card"),
    path("funding/", views.funding, name="funding"),
    path("data/", views.data_sources, name="data"),
    path("glossary/", views.glossary, name="glossary"),
]
