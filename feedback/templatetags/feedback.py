from django import template

from feedback.forms import BarrierReportForm

register = template.Library()


@register.inclusion_tag("feedback/includes/barrier_form.html", takes_context=True)
def barrier_report_form(context):
    """The empty barrier-report form, for the accessibility statement."""
    return {"form": BarrierReportForm(), "csrf_token": context.get("csrf_token")}
