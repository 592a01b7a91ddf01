"""The organizer's dashboard: counts, participants, imports, exports, check-in, next year."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from accounts.audit import record_access
from accounts.permissions import can_manage_meeting, is_agency_staff

from .. import exports, services
from ..badges import badges_pdf
from ..filters import RegistrationFilter
from ..forms import AddParticipantForm, BadgesForm, ImportForm, StatusForm
from ..models import Meeting, Registration
from ..services.organisations import organisation_suggestions
from ..services.participants_import import (
    forecast_places,
    parse_participants,
    participants_import,
)
from .caching import private_view

PAGE_SIZE = 100


@private_view
class ManageMixin(LoginRequiredMixin):
    """Organizers of this meeting and agency staff; anonymous visitors go to the login.
    Every page with this mixin needs the second factor (accounts.middleware reads the flag)."""

    requires_second_factor = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.meeting = get_object_or_404(Meeting, slug=kwargs["slug"])
        if not can_manage_meeting(request.user, self.meeting):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def back(self):
        return redirect("events:manage", self.meeting.slug)

    def record_read(self, action: str) -> None:
        """Organizers' looks at participants go into the same log as the admin's."""
        record_access(self.request, model=Registration, action=action, object_id=self.meeting.slug)


class MyMeetingsView(LoginRequiredMixin, TemplateView):
    """The organizer's meetings, each with its dashboard; agency staff see every meeting."""

    requires_second_factor = True
    template_name = "events/manage/my_meetings.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        meetings = Meeting.objects.all() if is_agency_staff(user) else user.organized_meetings
        return super().get_context_data(meetings=meetings.order_by("-starts_at"), **kwargs)


class DashboardView(ManageMixin, TemplateView):
    template_name = "events/manage/dashboard.html"

    def get_context_data(self, **kwargs):
        registrations = self.meeting.registrations.select_related("center", "partner__kind")
        table = RegistrationFilter(self.request.GET, queryset=registrations)
        self.record_read("list")
        counts = self.meeting.registrations.counts_by_mode_and_status()
        taken = {
            mode: sum(n for status, n in by_status.items() if status in Registration.SEATED)
            for mode, by_status in counts.items()
        }
        seats = {row["mode"]: row for row in self.meeting.seat_table(taken)}
        statuses = Registration.Status
        return super().get_context_data(
            filter=table,
            registrations=table.qs[:PAGE_SIZE],
            total=table.qs.count(),
            shown_limit=PAGE_SIZE,
            counts=[
                {
                    "label": seats[mode]["label"],
                    "seat": seats[mode],
                    "mode": mode,
                    "by_status": [
                        (status, counts.get(mode, {}).get(status, 0)) for status in statuses
                    ],
                }
                for mode in self.meeting.modes
            ],
            statuses=statuses,
            badges_form=BadgesForm(meeting=self.meeting),
            **kwargs,
        )


class AddParticipantView(ManageMixin, FormView):
    form_class = AddParticipantForm
    template_name = "events/manage/add.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def get_context_data(self, **kwargs):
        return super().get_context_data(suggestions=organisation_suggestions(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                meeting=self.meeting,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                attendance_mode=data["attendance_mode"],
                language=data["language"],
                privacy_consent=False,
                registered_by=self.request.user,
            )
        except services.RegistrationError as error:
            form.add_registration_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s is registered.") % {"name": registration.name})
        return self.back()


class ImportView(ManageMixin, FormView):
    """First POST shows the preview; the second (with `confirm`) writes all rows or none."""

    form_class = ImportForm
    template_name = "events/manage/import.html"

    def form_valid(self, form):
        rows = parse_participants(form.cleaned_data["text"], meeting=self.meeting)
        if "confirm" in self.request.POST and rows and not any(r.errors for r in rows):
            try:
                created = participants_import(
                    meeting=self.meeting, rows=rows, registered_by=self.request.user
                )
            except (services.RegistrationError, ValidationError) as error:
                form.add_error(None, error)
            else:
                waiting = sum(r.status == Registration.Status.WAITLISTED for r in created)
                message = _(
                    "%(n)d participants added: %(seated)d confirmed, "
                    "%(waiting)d on the waiting list."
                )
                values = {"n": len(created), "seated": len(created) - waiting, "waiting": waiting}
                messages.success(self.request, message % values)
                return self.back()
        return self.render_to_response(
            self.get_context_data(
                form=form,
                rows=rows,
                bad_rows=[r for r in rows if r.errors],
                forecast=forecast_places(rows, meeting=self.meeting),
                text=form.cleaned_data["text"],
            )
        )


class StatusView(ManageMixin, View):
    http_method_names = ["post"]

    def back(self):
        """Back to the dashboard with the filter the organizer had (only its known fields)."""
        chosen = QueryDict(self.request.POST.get("filter", ""))
        kept = {key: chosen[key] for key in RegistrationFilter.Meta.fields if chosen.get(key)}
        url = reverse("events:manage", args=[self.meeting.slug])
        return redirect(f"{url}?{urlencode(kept)}" if kept else url)

    def post(self, request, slug, pk):
        registration = get_object_or_404(self.meeting.registrations, pk=pk)
        form = StatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please choose a status."))
            return self.back()
        try:
            promoted = services.registration_set_status(
                registration=registration, status=form.cleaned_data["status"]
            )
        except services.RegistrationError as error:
            messages.error(request, " ".join(error.messages))
            return self.back()
        message = _("%(name)s: %(status)s.") % {
            "name": registration.name,
            "status": registration.get_status_display(),
        }
        if promoted:
            names = ", ".join(r.name for r in promoted)
            message += " " + _("Moved up from the waiting list: %(names)s.") % {"names": names}
        messages.success(request, message)
        return self.back()


class ExportView(ManageMixin, View):
    formats = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }

    def get(self, request, slug, fmt):
        registrations = RegistrationFilter(
            request.GET, queryset=self.meeting.registrations.select_related("center", "partner")
        ).qs
        headers, rows = exports.participant_rows(registrations)
        if fmt == "csv":
            # German offices open CSV in Excel, which expects ";" under a German locale.
            delimiter = ";" if get_language() == "de" else ","
            data = exports.as_csv(headers, rows, delimiter=delimiter)
        else:
            data = exports.as_xlsx(headers, rows, title=_("Participants"))
        self.record_read("export")
        response = HttpResponse(data, content_type=self.formats[fmt])
        filename = f"{self.meeting.slug}-participants.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class BadgesView(ManageMixin, View):
    """Name badges of the confirmed participants of one mode (or all), as a PDF."""

    def get(self, request, slug):
        form = BadgesForm(request.GET, meeting=self.meeting)
        data = form.cleaned_data if form.is_valid() else {"mode": "", "layout": "sheet"}
        people = self.meeting.registrations.seated().order_by("name")
        if data["mode"]:
            people = people.filter(attendance_mode=data["mode"])
        title = _("Name badges: %(title)s") % {"title": self.meeting.title}
        pdf = badges_pdf(
            people.select_related("meeting"), single=data["layout"] == "single", title=title
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.meeting.slug}-badges.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


class CopyView(ManageMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug):
        copy = services.meeting_copy_as_next_year(meeting=self.meeting)
        messages.success(
            request, _("Draft “%(title)s” created; it is not public yet.") % {"title": copy.title}
        )
        return redirect(reverse("events:manage", args=[copy.slug]))
