"""Check-in at the door: by the code on the participant's page (camera or link) or by name.

The code carries the registration's check-in token, which opens nothing by itself: every view
here is behind ManageMixin (an organizer of this meeting, with the second factor).
"""

import re

from django.shortcuts import render
from django.views.generic import TemplateView

from .. import services
from ..forms import CheckInSearchForm
from ..models import TOKEN_PATTERN, Registration
from .manage import PAGE_SIZE, ManageMixin

TOKEN = re.compile(TOKEN_PATTERN)


def check_in_answer(registration: Registration | None) -> dict:
    """What the door sees: who it is and what happened, as one of a few plain outcomes."""
    if registration is None:
        return {"outcome": "unknown"}
    if registration.status == Registration.Status.ATTENDED:
        return {"outcome": "already", "registration": registration}
    if registration.status == Registration.Status.WAITLISTED:
        return {"outcome": "waitlisted", "registration": registration}
    if registration.status != Registration.Status.CONFIRMED:
        return {"outcome": "inactive", "registration": registration}
    try:
        services.registration_check_in(registration=registration)
    except services.RegistrationError:  # changed meanwhile: answer with what it is now
        registration.refresh_from_db()
        return check_in_answer(registration)
    registration.refresh_from_db()
    return {"outcome": "checked_in", "registration": registration}


class CheckInView(ManageMixin, TemplateView):
    """GET: the scanner and the search; with a token, that person and a button to check in.
    POST (`token` from the scanner, or `pk` from the search): check in and answer big."""

    template_name = "events/manage/checkin.html"

    def get_context_data(self, **kwargs):
        form = CheckInSearchForm(self.request.GET if "q" in self.request.GET else None)
        found = []
        if form.is_bound and form.is_valid():
            found = self.meeting.registrations.search(form.cleaned_data["q"])[:PAGE_SIZE]
            self.record_read("search")
        return super().get_context_data(form=form, found=found, **kwargs)

    def get(self, request, *args, token=None, **kwargs):
        if token is None:
            return super().get(request, *args, **kwargs)
        person = self.meeting.registrations.filter(checkin_token=token).first()
        self.record_read("view")
        context = self.get_context_data(person=person)
        if person is None:
            context["answer"] = {"outcome": "unknown"}
        return self.render_to_response(context, status=200 if person else 404)

    def post(self, request, *args, **kwargs):
        token = request.POST.get("token", "")
        pk = request.POST.get("pk", "")
        registrations = self.meeting.registrations.all()
        if TOKEN.fullmatch(token):
            registration = registrations.filter(checkin_token=token).first()
        elif pk.isascii() and pk.isdigit():
            registration = registrations.filter(pk=int(pk)).first()
        else:
            registration = None
        answer = check_in_answer(registration)
        context = self.get_context_data(answer=answer)
        return render(request, self.template_name, context)
