from django.urls import path

from . import views

app_name = "centers"
urlpatterns = [
    path("", views.CenterListView.as_view(), name="list"),
    path("<slug:slug>/", views.CenterDetailView.as_view(), name="detail"),
    path("<slug:slug>/vcard/", views.center_vcard_download, name="vcard"),
    path("<slug:slug>/edit/", views.CenterEditView.as_view(), name="edit"),
]
