"""Public pages: meetings, one meeting, its calendar, the registration form."""

from itertools import groupby

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.generic import DetailView, FormView, TemplateView

from accounts.permissions import can_manage_meeting
from welcome_portal import ratelimit
from welcome_portal.pagecache import MEETINGS, part_name, per_version_value

from .. import services
from ..calendar import meeting_calendar
from ..forms import RegistrationForm, ResendLinkForm
from ..models import Meeting, Registration
from ..services.organisations import organisation_suggestions
from ..services.personal_link import registration_send_link


class MeetingListView(TemplateView):
    template_name = "events/meeting_list.html"

    def get_context_data(self, **kwargs):
        public = Meeting.objects.public().select_related("host_center")
        return super().get_context_data(upcoming=public.upcoming(), past=public.past(), **kwargs)


class MeetingDetailView(DetailView):
    queryset = Meeting.objects.public().select_related("host_center")

    def get_context_data(self, **kwargs):
        sessions = self.object.sessions.prefetch_related("speakers")
        days = [(day, list(items)) for day, items in groupby(sessions, key=lambda s: s.day)]
        speakers = {sp.pk: sp for _day, items in days for s in items for sp in s.speakers.all()}
        return super().get_context_data(
            days=days,
            speakers=sorted(speakers.values(), key=lambda sp: sp.name),
            seats=self.object.seat_table(),
            registration_open=self.object.is_open_for_registration(),
            registration_phase=self.object.registration_phase(),
            can_manage=can_manage_meeting(self.request.user, self.object),
            **kwargs,
        )


def calendar_view(request, slug):
    meeting = get_object_or_404(Meeting.objects.public(), slug=slug)
    response = HttpResponse(meeting_calendar(meeting), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return response


def public_meeting(slug: str) -> Meeting:
    """The public meeting of `slug` (else Http404), its row kept whole until a meeting is saved:
    in a rush of registrations the form's meeting comes from the cache, not the database. Its
    seats are counted in the database under the lock all the same; a slug that finds nothing
    is not kept."""

    def find():
        return get_object_or_404(Meeting.objects.public(), slug=slug)

    return per_version_value(MEETINGS, part_name("meeting", slug), find)


class RegisterView(FormView):
    form_class = RegistrationForm
    template_name = "events/register.html"

    def dispatch(self, request, *args, **kwargs):
        self.meeting = public_meeting(kwargs["slug"])
        if not self.meeting.is_open_for_registration():
            return render(request, "events/register_closed.html", {"meeting": self.meeting})
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if wait := ratelimit.hit(request, f"register:{self.meeting.pk}"):
            return ratelimit.refused(request, wait)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting, suggestions=organisation_suggestions(), **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            registration = services.registration_register(
                meeting=self.meeting,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                attendance_mode=data["attendance_mode"],
                language=(get_language() or "de")[:2],
                privacy_consent=data["privacy_consent"],
                listing_consent=data["listing_consent"],
                accessibility_needs=data["accessibility_needs"],
            )
        except services.RegistrationError as error:
            form.add_registration_error(error)
            return self.form_invalid(form)
        # The answer says where the person stands; the personal link goes by e-mail only, so
        # whoever types someone else's address never holds that person's page.
        # A place on the waiting list offers the other mode's free seats; a seat, or a meeting
        # of one mode, has nothing to offer: no query.
        other_free = []
        if registration.status == Registration.Status.WAITLISTED and len(self.meeting.modes) > 1:
            free = [row for row in self.meeting.seat_table() if row["left"] != 0]
            other_free = [row for row in free if row["mode"] != registration.attendance_mode]
        return render(
            self.request,
            "events/registered.html",
            {"meeting": self.meeting, "registration": registration, "other_free": other_free},
        )


class ResendLinkView(FormView):
    """ "Send me my personal link again": one answer for any address (nobody learns who is
    registered), a mail only to a registered one; limited per client address and meeting."""

    form_class = ResendLinkForm
    template_name = "events/resend_link.html"

    def dispatch(self, request, *args, **kwargs):
        self.meeting = public_meeting(kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def post(self, request, *args, **kwargs):
        wait = ratelimit.hit(request, f"personal-link:{self.meeting.pk}")
        if wait is not None:
            return ratelimit.refused(request, wait)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        registration_send_link(meeting=self.meeting, email=form.cleaned_data["email"])
        context = self.get_context_data(form=form, sent_to=form.cleaned_data["email"])
        return self.render_to_response(context)
