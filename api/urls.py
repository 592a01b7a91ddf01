from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    path("schema/", views.Schema.as_view(), name="schema"),
    path("docs/", views.ApiDocs.as_view(), name="docs"),
    path("centers/", views.CenterList.as_view(), name="center-list"),
    path("centers.csv", views.CenterCSV.as_view(), name="center-csv"),
    path("centers.geojson", views.CenterGeoJSON.as_view(), name="center-geojson"),
    path("centers/<slug:id>/", views.CenterDetail.as_view(), name="center-detail"),
    path("partners/", views.PartnerList.as_view(), name="partner-list"),
    path("partners.csv", views.PartnerCSV.as_view(), name="partner-csv"),
    path("partners.geojson", views.PartnerGeoJSON.as_view(), name="partner-geojson"),
    path("partners/<slug:id>/", views.PartnerDetail.as_view(), name="partner-detail"),
    path("meetings/", views.MeetingList.as_view(), name="meeting-list"),
    path("meetings/<slug:id>/", views.MeetingDetail.as_view(), name="meeting-detail"),
]
