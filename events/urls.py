from django.urls import path

from . import manage_views, participant_views, views

app_name = "events"
personal = participant_views.PersonalActionView.as_view()
urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    path("invitation/<str:token>/", participant_views.PersonalPageView.as_view(), name="personal"),
    path("invitation/<str:token>/cancel/", personal, {"action": "cancel"}, name="personal_cancel"),
    path("invitation/<str:token>/mode/", personal, {"action": "mode"}, name="personal_mode"),
    path(
        "invitation/<str:token>/withdraw-listing/",
        personal,
        {"action": "withdraw_listing"},
        name="personal_withdraw_listing",
    ),
    path("invitation/<str:token>/erase/", personal, {"action": "erase"}, name="personal_erase"),
    path("invitation/<str:token>/data.json", participant_views.own_data_view, name="personal_data"),
    path("invitation/<str:token>/qr.svg", participant_views.check_in_qr_view, name="personal_qr"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="detail"),
    path("<slug:slug>/calendar.ics", views.calendar_view, name="calendar"),
    path("<slug:slug>/register/", views.RegisterView.as_view(), name="register"),
    path("<slug:slug>/manage/", manage_views.DashboardView.as_view(), name="manage"),
    path("<slug:slug>/manage/add/", manage_views.AddParticipantView.as_view(), name="manage_add"),
    path("<slug:slug>/manage/import/", manage_views.ImportView.as_view(), name="manage_import"),
    path(
        "<slug:slug>/manage/registrations/<int:pk>/status/",
        manage_views.StatusView.as_view(),
        name="manage_status",
    ),
    path(
        "<slug:slug>/manage/export.csv",
        manage_views.ExportView.as_view(),
        {"fmt": "csv"},
        name="manage_export_csv",
    ),
    path(
        "<slug:slug>/manage/export.xlsx",
        manage_views.ExportView.as_view(),
        {"fmt": "xlsx"},
        name="manage_export_xlsx",
    ),
    path("<slug:slug>/manage/check-in/", manage_views.CheckInView.as_view(), name="manage_checkin"),
    path(
        "<slug:slug>/manage/check-in/<str:token>/",
        manage_views.CheckInView.as_view(),
        name="manage_checkin_person",
    ),
    path("<slug:slug>/manage/copy/", manage_views.CopyView.as_view(), name="manage_copy"),
]

from .invitation_urls import urlpatterns as invitation_urlpatterns  # noqa: E402

urlpatterns += invitation_urlpatterns
