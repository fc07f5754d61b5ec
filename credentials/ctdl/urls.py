"""CTDL documents, outside the language prefixes: the same document in every language."""

from django.urls import path

from . import views

urlpatterns = [
    path("credentials/<slug:slug>.jsonld", views.credential_jsonld, name="ctdl-credential"),
    path("programs/<int:pk>.jsonld", views.program_jsonld, name="ctdl-program"),
    path("providers/<slug:slug>.jsonld", views.provider_jsonld, name="ctdl-provider"),
]
