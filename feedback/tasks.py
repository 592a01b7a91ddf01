from smtplib import SMTPException

from celery import shared_task

from . import services


@shared_task(
    name="feedback.send_barrier_report",
    ignore_result=True,
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    max_retries=8,
)
def send_barrier_report(report_id: int) -> None:
    """Mail a stored report to the agency staff; a second run sends nothing."""
    services.barrier_report_mail(report_id=report_id)
