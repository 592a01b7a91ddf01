from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
]
