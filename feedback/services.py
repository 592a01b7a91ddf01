"""Barrier reports: stored first, then mailed to the agency staff after the commit."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.roles import AGENCY_STAFF

from .models import BarrierReport

logger = logging.getLogger(__name__)


def barrier_report_create(*, description: str, page: str, email: str, language: str):
    """Store a report and send it to the agency staff once the row is committed."""
    # Tasks sit above services (they call them): the task is looked up when a report is sent.
    from .tasks import send_barrier_report  # noqa: PLC0415

    with transaction.atomic():
        report = BarrierReport.objects.create(
            description=description, page=page, email=email, language=language
        )
        send_barrier_report.delay_on_commit(report.pk)
    return report


def staff_recipients() -> list[str]:
    users = get_user_model().objects.filter(groups__name=AGENCY_STAFF, is_active=True)
    emails = sorted(set(users.exclude(email="").values_list("email", flat=True)))
    return emails or [address for _name, address in settings.MANAGERS]


@transaction.atomic
def barrier_report_mail(*, report_id: int) -> bool:
    """Mail one report to the agency staff, once: False if it was sent before or is gone.
    An SMTP error propagates (the task retries) and leaves the report unsent."""
    report = BarrierReport.objects.select_for_update().filter(pk=report_id).first()
    if report is None or report.mailed_at is not None:
        return False
    recipients = staff_recipients()
    if not recipients:
        logger.warning("Barrier report %s: no agency staff with an e-mail address", report.pk)
        return False
    with translation.override("de"):  # the staff's language
        context = {"report": report, "admin_url": settings.SITE_URL + report.get_admin_url()}
        body = render_to_string("feedback/email/barrier_report.txt", context)
    EmailMessage(
        subject=f"[Welcome Portal] Barriere gemeldet (Nr. {report.pk})",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[report.email] if report.email else None,
        headers={"Auto-Submitted": "auto-generated"},
    ).send()
    report.mailed_at = timezone.now()
    report.save(update_fields=["mailed_at"])
    return True
