"""Retention: registrations of meetings past their retention period are anonymised."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration
from tests.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def ended(days_ago, **kwargs):
    end = timezone.now() - timedelta(days=days_ago)
    return MeetingFactory(starts_at=end - timedelta(days=1), ends_at=end, **kwargs)


def test_purge_anonymises_past_retention_and_keeps_the_counts():
    old = ended(200)
    RegistrationFactory.create_batch(3, meeting=old, status="attended", name="Secret Name")
    RegistrationFactory(meeting=old, status="cancelled", attendance_mode="online")
    before = old.registrations.counts_by_mode_and_status()

    call_command("purge_personal_data")

    assert old.registrations.counts_by_mode_and_status() == before
    assert not Registration.objects.filter(name="Secret Name").exists()
    assert not old.registrations.filter(email__contains="example.org").exists()
    assert not old.registrations.filter(privacy_consent_at__isnull=False).exists()


def test_purge_leaves_meetings_within_retention_alone():
    recent = ended(100)
    custom = ended(40, retention_days=30)
    RegistrationFactory(meeting=recent, name="Still Here")
    RegistrationFactory(meeting=custom, name="Custom Retention")

    call_command("purge_personal_data")

    assert Registration.objects.filter(name="Still Here").exists()
    assert not Registration.objects.filter(name="Custom Retention").exists()


def test_personal_link_stops_working_after_the_purge(client):
    registration = RegistrationFactory(meeting=ended(365))
    call_command("purge_personal_data")
    assert client.get(f"/en/events/invitation/{registration.token}/").status_code == 404


def test_beat_runs_the_purge_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["events-purge-personal-data"]
    from events.tasks import purge_personal_data

    assert entry["task"] == purge_personal_data.name
    assert entry["schedule"] == 24 * 60 * 60
