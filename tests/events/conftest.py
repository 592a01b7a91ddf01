import pytest

from tests.factories import MeetingFactory, OrganizerFactory


@pytest.fixture
def meeting(db):
    return MeetingFactory(slug="federal-meeting", onsite_seats=2, online_seats=1)


@pytest.fixture
def organizer(meeting):
    user = OrganizerFactory(email="organizer@example.org")
    meeting.organizers.add(user)
    return user


@pytest.fixture
def staff_user(agency_staff):
    return agency_staff


def register(meeting, email, mode="on_site", **kwargs):
    from events.services import registration_create

    return registration_create(
        meeting=meeting,
        name=kwargs.pop("name", email.split("@")[0]),
        email=email,
        attendance_mode=mode,
        privacy_consent=True,
        **kwargs,
    )
