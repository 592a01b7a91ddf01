"""The participant's personal page (token link, no account) and what they can do there."""

import io
import json

import segno
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, View

from .. import services
from ..exports import own_data
from ..forms import ModeSwitchForm
from ..links import absolute
from ..models import AttendanceMode, Invitation, Registration
from .caching import private, private_view


def registration_for(token: str) -> Registration:
    """The registration of this personal link; unknown or anonymised → friendly 404."""
    registration = (
        Registration.objects.select_related("meeting", "center", "partner")
        .filter(token=token, anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        raise Http404(_("This personal link is unknown or no longer valid."))
    return registration


@private_view
class TokenMixin:
    """Loads the registration; an unknown token gets a friendly page with status 404."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = registration_for(kwargs["token"])
        except Http404:
            return render(request, "events/unknown_token.html", status=404)
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.registration


class PersonalPageView(TokenMixin, DetailView):
    template_name = "events/personal.html"
    context_object_name = "registration"

    def dispatch(self, request, *args, **kwargs):
        # An invitation's link opened without its /accept/ part leads to the invitation's page.
        if Invitation.objects.filter(token=kwargs["token"]).exists():
            return redirect("events:invitation_accept", token=kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        registration = self.object
        meeting = registration.meeting
        other_modes = [
            (mode, AttendanceMode(mode).label)
            for mode in meeting.modes
            if mode != registration.attendance_mode
        ]
        return super().get_context_data(
            meeting=meeting,
            show_online_link=registration.sees_online_link,
            can_change=registration.can_change,
            other_modes=other_modes if registration.can_change else [],
            can_register_again=(
                registration.status in Registration.GONE and meeting.is_open_for_registration()
            ),
            **kwargs,
        )


class PersonalActionView(TokenMixin, View):
    """POST only: each action calls one service and returns to the personal page."""

    http_method_names = ["post"]
    actions = ("cancel", "mode", "withdraw_listing", "erase")

    def post(self, request, token, action):
        registration = self.get_object()
        if action not in self.actions:
            raise Http404
        if action == "cancel" and "confirm" not in request.POST and registration.can_change:
            context = {"registration": registration, "meeting": registration.meeting}
            return render(request, "events/cancel_confirm.html", context)
        try:
            getattr(self, action)(registration)
        except services.RegistrationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(registration)

    def cancel(self, registration):
        services.registration_cancel(registration=registration)
        messages.success(self.request, _("Your registration is cancelled."))

    def mode(self, registration):
        form = ModeSwitchForm(self.request.POST)
        if not form.is_valid():
            raise services.RegistrationError(_("Please choose how you will attend."))
        services.registration_switch_mode(
            registration=registration, mode=form.cleaned_data["attendance_mode"]
        )
        messages.success(self.request, _("Your attendance is changed."))

    def withdraw_listing(self, registration):
        services.registration_withdraw_listing_consent(registration=registration)
        messages.success(self.request, _("You no longer appear on the participant list."))

    def erase(self, registration):
        services.registration_erase(registration=registration)
        messages.success(self.request, _("Your registration and your personal data are deleted."))


@private
def own_data_view(request, token):
    registration = registration_for(token)
    body = json.dumps(own_data(registration), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="registration-{timezone.localdate()}.json"'
    )
    return response


@private
def check_in_qr_view(request, token):
    """The participant's QR code (a standalone SVG): the organizer's check-in URL with the
    check-in token, never the personal token, so a photo of it opens nothing by itself."""
    registration = registration_for(token)
    url = absolute(
        reverse(
            "events:manage_checkin_person",
            args=[registration.meeting.slug, registration.checkin_token],
        )
    )
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, dark="#000", light="#fff")
    response = HttpResponse(out.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response
