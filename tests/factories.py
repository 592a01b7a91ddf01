"""factory_boy factories, one section per app."""

from datetime import time, timedelta

import factory
from django.conf import settings
from django.utils import timezone

# --- accounts ---------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Faker("name")
    password = factory.django.Password("correct-horse-battery")


# --- centers ----------------------------------------------------------------------------------

# --- partners ---------------------------------------------------------------------------------

# --- events -----------------------------------------------------------------------------------


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Meeting"

    title_de = factory.Sequence(lambda n: f"Treffen {n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    year = 2030
    format = "hybrid"
    status = "published"
    online_link = "https://video.example.org/room-42"
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=60)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(days=1, hours=8))
    onsite_seats = 50
    online_seats = 100


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Session"

    meeting = factory.SubFactory(MeetingFactory)
    day = factory.LazyAttribute(lambda s: timezone.localdate(s.meeting.starts_at))
    starts = time(10, 0)
    ends = time(11, 0)
    title_de = factory.Sequence(lambda n: f"Vortrag {n}")
    title_en = factory.Sequence(lambda n: f"Talk {n}")


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed on-site registration written directly (no capacity check)."""

    class Meta:
        model = "events.Registration"

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation = "Welcome Center Example"
    attendance_mode = "on_site"
    status = "confirmed"
    privacy_consent_at = factory.LazyFunction(timezone.now)
    privacy_consent_version = "2026-01"
