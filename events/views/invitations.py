"""Pages of the invitations: the organizer's invitation dashboard and the invitee's answer."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from welcome_portal import ratelimit

from .. import services
from ..forms import AcceptForm, InviteForm
from ..models import Invitation, Registration
from ..services import RegistrationError
from .caching import private_view
from .manage import ManageMixin


class InvitationsMixin(ManageMixin):
    """The dashboard's access rule, with the sending progress and the funnel."""

    def get_context_data(self, **kwargs):
        invitations = self.meeting.invitations.all()
        progress = invitations.progress()
        return super().get_context_data(
            progress=progress,
            in_flight=progress["pending"] + progress["sending"],
            funnel=invitations.funnel(),
            **kwargs,
        )


class InvitationProgressView(InvitationsMixin, TemplateView):
    """The progress box alone, polled by htmx while invitations are going out."""

    template_name = "events/invitations/_progress.html"


class InvitationManageView(InvitationsMixin, FormView):
    template_name = "events/invitations/manage.html"
    form_class = InviteForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting, "user": self.request.user}

    def get_context_data(self, **kwargs):
        recent = self.meeting.invitations.order_by("-pk")[:50]
        failed = self.meeting.invitations.filter(status=Invitation.Status.FAILED)[:100]
        return super().get_context_data(recent=recent, failed=failed, **kwargs)

    def form_valid(self, form):
        if "confirm" not in self.request.POST:
            return self.render_to_response(self.get_context_data(form=form, preview=True))
        created = services.invitation_create_many(
            meeting=self.meeting, invitees=form.invitees, invited_by=self.request.user
        )
        messages.success(self.request, _("%(n)d invitations are being sent.") % {"n": created})
        return redirect("events:manage_invitations", slug=self.meeting.slug)


class InvitationResendFailedView(InvitationsMixin, View):
    def post(self, request, slug):
        n = services.invitation_resend_failed(meeting=self.meeting)
        messages.success(request, _("%(n)d failed invitations are sent again.") % {"n": n})
        return redirect("events:manage_invitations", slug=slug)


class InvitationRemindView(InvitationsMixin, View):
    def post(self, request, slug):
        n = services.invitation_remind_now(meeting=self.meeting)
        messages.success(request, _("%(n)d reminders are being sent.") % {"n": n})
        return redirect("events:manage_invitations", slug=slug)


@private_view
class InvitationMixin:
    """The invitation of the token in the URL; unknown tokens get the friendly 404."""

    def dispatch(self, request, *args, **kwargs):
        self.invitation = (
            Invitation.objects.select_related("meeting").filter(token=kwargs["token"]).first()
        )
        if self.invitation is None:
            return render(request, "events/unknown_token.html", status=404)
        if request.method == "POST":
            scope = f"invitation:{self.invitation.meeting_id}"
            if wait := ratelimit.hit(request, scope):
                return ratelimit.refused(request, wait)
        if request.method == "GET":
            services.invitation_open(invitation=self.invitation)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        inv = self.invitation
        return super().get_context_data(invitation=inv, meeting=inv.meeting, **kwargs)


class InvitationAcceptView(InvitationMixin, FormView):
    """Registration bound to the invited address."""

    template_name = "events/invitations/accept.html"
    form_class = AcceptForm

    def get(self, request, *args, **kwargs):
        existing = Registration.objects.filter(
            meeting=self.invitation.meeting, email__iexact=self.invitation.email
        ).first()
        if existing:
            return redirect(existing)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.invitation.meeting}

    def get_initial(self):
        return {"name": self.invitation.name, "organisation": self.invitation.organisation}

    def form_valid(self, form):
        try:
            registration = services.invitation_accept(
                invitation=self.invitation, **form.cleaned_data
            )
        except RegistrationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect(registration)


class InvitationDeclineView(InvitationMixin, TemplateView):
    """GET asks (link scanners must not decline for anyone); POST records the decline."""

    template_name = "events/invitations/decline.html"

    def post(self, request, token):
        services.invitation_answer(invitation=self.invitation, accepted=False)
        self.invitation.refresh_from_db()
        return self.render_to_response(self.get_context_data(declined=True))
