from django.urls import path

from .views import GapListView

urlpatterns = [path("alliance/gaps/", GapListView.as_view(), name="api-alliance-gaps")]
