"""Demo meetings for seed_demo (idempotent): the virtual federal meeting of 2020 and an
upcoming hybrid one open for registration. `scale` N adds N times the demo participants."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from centers.models import Center
from partners.models import Partner, Topic

from .models import Meeting, Registration, Session, Speaker
from .seed_data import PROGRAMME_2020, PROGRAMME_UPCOMING, SPEAKERS
from .services import registration_create

BERLIN = ZoneInfo("Europe/Berlin")
HOST_2020 = "welcome-center-thuringia"
HOST_UPCOMING = "welcome-center-saxony"
PARTICIPANTS_PER_SCALE = {"past": 30, "upcoming": 40}


def seed_events(*, scale: int, centers, partners, organizer=None) -> None:
    """Create the past 2020 federal meeting and the upcoming one, with their programmes."""
    by_slug = {center.slug: center for center in centers}
    past = _meeting_2020(host=by_slug.get(HOST_2020))
    upcoming = _meeting_upcoming(host=by_slug.get(HOST_UPCOMING) or by_slug.get(HOST_2020))
    if organizer is not None:
        upcoming.organizers.add(organizer)
    organisations = [c.name for c in centers[:40]] + [p.name for p in partners[:40]]
    _past_participants(past, PARTICIPANTS_PER_SCALE["past"] * scale, organisations)
    _upcoming_participants(upcoming, PARTICIPANTS_PER_SCALE["upcoming"] * scale, organisations)


def _meeting_2020(*, host: Center | None) -> Meeting:
    starts = datetime(2020, 11, 30, 9, 30, tzinfo=BERLIN)
    meeting, created = Meeting.objects.get_or_create(
        slug="federal-meeting-2020",
        defaults={
            "title_de": "Bundestreffen der Welcome Center 2020 (virtuell)",
            "title_en": "Federal meeting of the Welcome Centers 2020 (virtual)",
            "year": 2020,
            "host_center": host,
            "format": Meeting.Format.ONLINE,
            "online_link": "https://video.example.org/bundestreffen-2020",
            "starts_at": starts,
            "ends_at": datetime(2020, 12, 1, 12, 30, tzinfo=BERLIN),
            "registration_mode": Meeting.RegistrationMode.INVITATION_ONLY,
            "online_seats": 200,
            "status": Meeting.Status.ARCHIVED,
            "description_de": "Wegen der Pandemie fand das Bundestreffen 2020 vollständig "
            "virtuell statt, ausgerichtet vom Welcome Center Thüringen.",
            "description_en": "Because of the pandemic the 2020 federal meeting took place "
            "entirely online, hosted by Welcome Center Thuringia.",
        },
    )
    if created:
        _programme(meeting, PROGRAMME_2020, starts.date())
    elif meeting.host_center is None and host is not None:
        Meeting.objects.filter(pk=meeting.pk).update(host_center=host)
    return meeting


def _meeting_upcoming(*, host: Center | None) -> Meeting:
    first_day = timezone.localdate() + timedelta(days=120)
    meeting = Meeting.objects.filter(
        slug__startswith="federal-meeting-", ends_at__gt=timezone.now()
    )
    meeting = meeting.order_by("starts_at").first()
    if meeting is not None:
        return meeting
    starts = datetime.combine(first_day, time(10, 0), tzinfo=BERLIN)
    meeting = Meeting.objects.create(
        slug=f"federal-meeting-{first_day.year}",
        title_de=f"Bundestreffen der Welcome Center {first_day.year}",
        title_en=f"Federal meeting of the Welcome Centers {first_day.year}",
        year=first_day.year,
        host_center=host,
        format=Meeting.Format.HYBRID,
        venue="Congress Center, Dresden",
        online_link=f"https://video.example.org/bundestreffen-{first_day.year}",
        starts_at=starts,
        ends_at=starts + timedelta(days=1, hours=2),
        registration_opens_at=timezone.now() - timedelta(days=1),
        registration_closes_at=starts - timedelta(days=7),
        registration_mode=Meeting.RegistrationMode.OPEN,
        onsite_seats=150,
        online_seats=300,
        status=Meeting.Status.PUBLISHED,
        description_de="Zwei Tage Austausch der Welcome Center mit Ministerien, Partnern "
        "und der Forschung, vor Ort und online.",
        description_en="Two days for the Welcome Centers to meet ministries, partners and "
        "researchers, on site and online.",
    )
    _programme(meeting, PROGRAMME_UPCOMING, first_day)
    return meeting


def _programme(meeting: Meeting, programme, first_day: date) -> None:
    topics = {t.slug: t for t in Topic.objects.all()}
    for day, start, end, kind, title_de, title_en, speaker_keys, topic_slugs in programme:
        session = Session.objects.create(
            meeting=meeting,
            day=first_day + timedelta(days=day),
            starts=time.fromisoformat(start),
            ends=time.fromisoformat(end),
            kind=kind,
            title_de=title_de,
            title_en=title_en,
            room="" if meeting.format == Meeting.Format.ONLINE else "Saal 1",
        )
        session.speakers.set([_speaker(key) for key in speaker_keys])
        session.topics.set([topics[slug] for slug in topic_slugs if slug in topics])


def _speaker(key: str) -> Speaker:
    name, organisation, role_de, role_en = SPEAKERS[key]
    partner = Partner.objects.filter(slug=key).first()
    speaker, _created = Speaker.objects.get_or_create(
        name=name,
        organisation=organisation,
        defaults={"role_de": role_de, "role_en": role_en, "partner": partner},
    )
    return speaker


def _demo_email(n: int) -> str:
    return f"participant{n}@demo.example.org"


def _past_participants(meeting: Meeting, target: int, organisations: list[str]) -> None:
    have = meeting.registrations.count()
    Registration.objects.bulk_create(
        [
            Registration(
                meeting=meeting,
                name=f"Demo Participant {n}",
                email=_demo_email(n),
                organisation=organisations[n % len(organisations)] if organisations else "",
                attendance_mode=Registration.Mode.ONLINE,
                status=Registration.Status.ATTENDED,
                privacy_consent_at=meeting.starts_at - timedelta(days=30),
                privacy_consent_version="2020-01",
            )
            for n in range(have, target)
        ],
        batch_size=500,
    )


def _upcoming_participants(meeting: Meeting, target: int, organisations: list[str]) -> None:
    """Through the registration service, so that capacity and waiting lists hold; no e-mails."""
    for n in range(meeting.registrations.count(), target):
        registration_create(
            meeting=meeting,
            name=f"Demo Participant {n}",
            email=_demo_email(n),
            organisation=organisations[n % len(organisations)] if organisations else "",
            attendance_mode=meeting.modes[n % 2 if len(meeting.modes) > 1 else 0],
            privacy_consent=True,
            listing_consent=n % 3 == 0,
            notify=False,
        )
