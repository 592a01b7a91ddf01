"""factory_boy factories, one section per app."""

from datetime import time, timedelta

import factory
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles

TOTP_SECRET = "JBSWY3DPEHPK3PXP"

# --- accounts ---------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Faker("name")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        """`UserFactory(role=roles.ORGANIZERS)`: the user joins that group."""
        _join(obj, create, extracted)

    @factory.post_generation
    def totp(obj, create, extracted, **kwargs):
        """`UserFactory(totp=True)`: an authenticator with TOTP_SECRET, as the admin and the
        organizer pages require."""
        if create and extracted:
            TOTP.activate(obj, TOTP_SECRET)


def _join(user, create: bool, role: str | None) -> None:
    if create and role:
        user.groups.add(Group.objects.get(name=role))


class StaffFactory(UserFactory):
    """Agency staff with the second factor: ready for the admin."""

    is_staff = True

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        _join(obj, create, extracted or roles.AGENCY_STAFF)

    @factory.post_generation
    def totp(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTP.activate(obj, TOTP_SECRET)


class OrganizerFactory(StaffFactory):
    """An organizer with the second factor; add them to a meeting's organizers."""

    is_staff = False

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        _join(obj, create, extracted or roles.ORGANIZERS)


# --- centers ----------------------------------------------------------------------------------


def state_by_code(code: str):
    from centers.models import State

    return State.objects.get(code=code)


class CenterFactory(factory.django.DjangoModelFactory):
    """A center in Erfurt, Thuringia, by default; pass state=state_by_code("DE-BY") for another."""

    class Meta:
        model = "centers.Center"
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Welcome Center {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    state = factory.LazyFunction(lambda: state_by_code("DE-TH"))
    city = "Erfurt"
    postal_code = "99084"
    latitude = 50.9764
    longitude = 11.0269
    description_de = "Beratung für internationale Fachkräfte."
    description_en = "Advice for international skilled workers."

    @factory.post_generation
    def services(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.services.set(extracted)

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.languages.set(extracted)

    @factory.post_generation
    def reindex(obj, create, extracted, **kwargs):
        if create:  # the search text, as the admin and the editor form keep it
            from centers.services import center_reindex

            center_reindex(center_ids=[obj.pk])


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "centers.OpeningHours"

    center = factory.SubFactory(CenterFactory)
    weekday = 0
    opens = "09:00"
    closes = "16:00"


# --- partners ---------------------------------------------------------------------------------


def slugify(text: str) -> str:
    from django.utils.text import slugify as django_slugify

    return django_slugify(text)


class PartnerKindFactory(factory.django.DjangoModelFactory):
    """Kinds ship with a data migration; this reuses them by slug."""

    class Meta:
        model = "partners.PartnerKind"
        django_get_or_create = ("slug",)

    slug = "goethe-institut"
    name_de = "Goethe-Institut"
    name_en = "Goethe-Institut"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Topic"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_de = factory.LazyAttribute(lambda o: f"Thema {o.slug}")
    name_en = factory.LazyAttribute(lambda o: f"Topic {o.slug}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Partner"
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partner {n:04d}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    kind = factory.SubFactory(PartnerKindFactory)
    country = "MX"
    city = "Mexico City"
    latitude = 19.4326
    longitude = -99.1332

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class CooperationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Cooperation"

    partner = factory.SubFactory(PartnerFactory)
    kind = "information"


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


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation (the worker has not sent it)."""

    class Meta:
        model = "events.Invitation"

    meeting = factory.SubFactory(MeetingFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    name = factory.Faker("name")


class OutboxMessageFactory(factory.django.DjangoModelFactory):
    """A pending notice about a registration."""

    class Meta:
        model = "events.OutboxMessage"

    registration = factory.SubFactory(RegistrationFactory)
    meeting = factory.LazyAttribute(lambda m: m.registration.meeting)
    email = factory.LazyAttribute(lambda m: m.registration.email)
    kind = "confirmed"
