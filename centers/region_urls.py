from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("", views.StateListView.as_view(), name="list"),
    path("<str:code>/", views.StateDetailView.as_view(), name="detail"),
]
