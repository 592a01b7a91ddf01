from django.shortcuts import redirect
from django.utils.translation import get_language
from django.views.generic import FormView, TemplateView

from welcome_portal import ratelimit

from .forms import BarrierReportForm
from .services import barrier_report_create


class BarrierReportView(FormView):
    """The form of the accessibility statement; limited per client address like every public
    form. GET shows it alone; the statement shows it too."""

    form_class = BarrierReportForm
    template_name = "feedback/barrier_report.html"

    def post(self, request, *args, **kwargs):
        wait = ratelimit.hit(request, "barrier-report")
        if wait is not None:
            return ratelimit.refused(request, wait)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not form.is_spam():  # a bot gets the same answer, and nothing is stored
            data = form.cleaned_data
            barrier_report_create(
                description=data["description"],
                page=data["page"],
                email=data["email"],
                language=get_language()[:2],
            )
        return redirect("feedback:barrier_thanks")


class BarrierThanksView(TemplateView):
    template_name = "feedback/barrier_thanks.html"
