from django.urls import path

from . import views

urlpatterns = [
    path("credentials/compare/card.png", views.compare_card, name="compare-card"),
    path("credentials/<slug:slug>/card.png", views.credential_card, name="credential-card"),
    path("embed/credentials/<slug:slug>/", views.embed_credential, name="embed-credential"),
    path("embed/compare/", views.embed_compare, name="embed-compare"),
    path("embed/careers/<str:soc_code>/", views.embed_career, name="embed-career"),
    path("embed/", views.snippets, name="embed-snippets"),
    path("data/downloads/", views.downloads, name="downloads"),
    path("data/downloads/<str:name>", views.download_file, name="download-file"),
]
