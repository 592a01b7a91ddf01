from celery import shared_task


@shared_task(name="welcome_portal.ping", ignore_result=True)
def ping() -> str:
    """Does nothing: /healthz enqueues it to prove that the broker takes messages."""
    return "pong"
