from django.urls import path, register_converter

from .models import TOKEN_PATTERN
from .views import checkin, invitations, manage, participant, public


class TokenConverter:
    """A personal token's alphabet (URL-safe base64) and length; anything else is a 404."""

    regex = TOKEN_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "token")

app_name = "events"
personal = participant.PersonalActionView.as_view()
urlpatterns = [
    path("", public.MeetingListView.as_view(), name="list"),
    path("manage/", manage.MyMeetingsView.as_view(), name="my_meetings"),
    path("invitation/<token:token>/", participant.PersonalPageView.as_view(), name="personal"),
    path(
        "invitation/<token:token>/cancel/", personal, {"action": "cancel"}, name="personal_cancel"
    ),
    path("invitation/<token:token>/mode/", personal, {"action": "mode"}, name="personal_mode"),
    path(
        "invitation/<token:token>/withdraw-listing/",
        personal,
        {"action": "withdraw_listing"},
        name="personal_withdraw_listing",
    ),
    path("invitation/<token:token>/erase/", personal, {"action": "erase"}, name="personal_erase"),
    path("invitation/<token:token>/data.json", participant.own_data_view, name="personal_data"),
    path("invitation/<token:token>/qr.svg", participant.check_in_qr_view, name="personal_qr"),
    path("<slug:slug>/", public.MeetingDetailView.as_view(), name="detail"),
    path("<slug:slug>/calendar.ics", public.calendar_view, name="calendar"),
    path("<slug:slug>/register/", public.RegisterView.as_view(), name="register"),
    path("<slug:slug>/link/", public.ResendLinkView.as_view(), name="resend_link"),
    path("<slug:slug>/manage/", manage.DashboardView.as_view(), name="manage"),
    path("<slug:slug>/manage/add/", manage.AddParticipantView.as_view(), name="manage_add"),
    path("<slug:slug>/manage/import/", manage.ImportView.as_view(), name="manage_import"),
    path(
        "<slug:slug>/manage/registrations/<int:pk>/status/",
        manage.StatusView.as_view(),
        name="manage_status",
    ),
    path(
        "<slug:slug>/manage/export.csv",
        manage.ExportView.as_view(),
        {"fmt": "csv"},
        name="manage_export_csv",
    ),
    path(
        "<slug:slug>/manage/export.xlsx",
        manage.ExportView.as_view(),
        {"fmt": "xlsx"},
        name="manage_export_xlsx",
    ),
    path("<slug:slug>/manage/check-in/", checkin.CheckInView.as_view(), name="manage_checkin"),
    path(
        "<slug:slug>/manage/check-in/<token:token>/",
        checkin.CheckInView.as_view(),
        name="manage_checkin_person",
    ),
    path("<slug:slug>/manage/copy/", manage.CopyView.as_view(), name="manage_copy"),
    path("<slug:slug>/manage/badges.pdf", manage.BadgesView.as_view(), name="manage_badges"),
    path(
        "<slug:slug>/manage/invitations/",
        invitations.InvitationManageView.as_view(),
        name="manage_invitations",
    ),
    path(
        "<slug:slug>/manage/invitations/progress/",
        invitations.InvitationProgressView.as_view(),
        name="manage_invitations_progress",
    ),
    path(
        "<slug:slug>/manage/invitations/resend-failed/",
        invitations.InvitationResendFailedView.as_view(),
        name="manage_invitations_resend_failed",
    ),
    path(
        "<slug:slug>/manage/invitations/remind/",
        invitations.InvitationRemindView.as_view(),
        name="manage_invitations_remind",
    ),
    path(
        "invitation/<token:token>/accept/",
        invitations.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path(
        "invitation/<token:token>/decline/",
        invitations.InvitationDeclineView.as_view(),
        name="invitation_decline",
    ),
]
