"""URLs of the invitations, appended to events/urls.py (namespace `events`)."""

from django.urls import path

from . import invitation_views as views

urlpatterns = [
    path(
        "<slug:slug>/manage/invitations/",
        views.InvitationManageView.as_view(),
        name="manage_invitations",
    ),
    path(
        "<slug:slug>/manage/invitations/progress/",
        views.InvitationProgressView.as_view(),
        name="manage_invitations_progress",
    ),
    path(
        "<slug:slug>/manage/invitations/resend-failed/",
        views.InvitationResendFailedView.as_view(),
        name="manage_invitations_resend_failed",
    ),
    path(
        "<slug:slug>/manage/invitations/remind/",
        views.InvitationRemindView.as_view(),
        name="manage_invitations_remind",
    ),
    path(
        "invitation/<str:token>/accept/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path(
        "invitation/<str:token>/decline/",
        views.InvitationDeclineView.as_view(),
        name="invitation_decline",
    ),
]
