from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
]

from .invitation_urls import urlpatterns as invitation_urlpatterns  # noqa: E402

urlpatterns += invitation_urlpatterns
