"""Opening hours as visitors read them: "open now", until when, when next, closures, holidays."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from centers.hours import is_open_at, opening_status
from centers.models import Center, Closure
from tests.factories import CenterFactory, OpeningHoursFactory, state_by_code

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def weekdays_9_to_16(db):
    """A center in Thuringia open Monday to Friday, 09:00 to 12:00 and 12:30 to 16:00."""
    center = CenterFactory(state=state_by_code("DE-TH"))
    for weekday in range(5):
        OpeningHoursFactory(center=center, weekday=weekday, opens="09:00", closes="12:00")
        OpeningHoursFactory(center=center, weekday=weekday, opens="12:30", closes="16:00")
    return center


def fresh(center):
    """The center as the page loads it: hours and closures prefetched, the state joined."""
    return (
        Center.objects.select_related("state")
        .prefetch_related("opening_hours", "closures")
        .get(pk=center.pk)
    )


def summary(center, moment, language):
    with translation.override(language):
        return opening_status(fresh(center), now=moment).summary


def test_open_now_says_until_when_in_both_languages(weekdays_9_to_16):
    friday_13 = at(2026, 11, 27, 13)
    assert summary(weekdays_9_to_16, friday_13, "en") == "Open now, until 16:00"
    assert summary(weekdays_9_to_16, friday_13, "de") == "Jetzt geöffnet, bis 16:00 Uhr"


def test_closed_now_says_when_it_opens_next_in_both_languages(weekdays_9_to_16):
    friday_evening = at(2026, 11, 27, 17, 30)
    assert summary(weekdays_9_to_16, friday_evening, "en") == "Closed now, opens Monday 09:00"
    assert (
        summary(weekdays_9_to_16, friday_evening, "de")
        == "Jetzt geschlossen, öffnet Montag um 09:00 Uhr"
    )


def test_lunch_break_opens_again_today(weekdays_9_to_16):
    tuesday_noon = at(2026, 11, 24, 12, 10)
    assert summary(weekdays_9_to_16, tuesday_noon, "en") == "Closed now, opens today 12:30"
    assert summary(weekdays_9_to_16, tuesday_noon, "de") == (
        "Jetzt geschlossen, öffnet heute um 12:30 Uhr"
    )


def test_ranges_that_touch_count_as_one_opening():
    center = CenterFactory(state=state_by_code("DE-TH"))
    OpeningHoursFactory(center=center, weekday=0, opens="09:00", closes="12:00")
    OpeningHoursFactory(center=center, weekday=0, opens="12:00", closes="15:00")
    assert summary(center, at(2026, 11, 23, 10), "en") == "Open now, until 15:00"


def test_a_closure_keeps_the_center_closed_and_is_listed(weekdays_9_to_16):
    Closure.objects.create(
        center=weekdays_9_to_16,
        starts_on=datetime.date(2026, 12, 21),
        ends_on=datetime.date(2026, 12, 23),
        note_de="Umzug",
        note_en="Moving offices",
    )
    center = fresh(weekdays_9_to_16)
    monday_10 = at(2026, 12, 21, 10)
    assert not is_open_at(center, monday_10)
    assert is_open_at(center, at(2026, 12, 18, 10))  # the Friday before
    with translation.override("en"):
        status = opening_status(center, now=monday_10)
        # 24 December is a Thursday and open; 25 and 26 are holidays.
        assert status.summary == "Closed now, opens Thursday 09:00"
        listed = [(item.dates, item.reason) for item in status.coming_up]
    assert listed[0] == ("21\N{EN DASH}23 December 2026", "Moving offices")
    assert ("Friday, 25 December 2026", "Christmas Day") in listed


def test_public_holidays_of_the_centers_own_state_close_it():
    reformation_day = at(2025, 10, 31, 10)  # a Friday: a holiday in Thuringia, not in Bavaria
    thuringia = CenterFactory(state=state_by_code("DE-TH"))
    bavaria = CenterFactory(state=state_by_code("DE-BY"))
    for center in (thuringia, bavaria):
        OpeningHoursFactory(center=center, weekday=4, opens="09:00", closes="16:00")
    assert not is_open_at(fresh(thuringia), reformation_day)
    assert is_open_at(fresh(bavaria), reformation_day)
    with translation.override("de"):
        status = opening_status(fresh(thuringia), now=at(2025, 10, 30, 10))
        assert status.coming_up[0].reason == "Reformationstag"
        assert status.coming_up[0].is_holiday


def test_closures_coming_up_show_on_the_center_page(client, weekdays_9_to_16):
    today = timezone.localdate()
    Closure.objects.create(
        center=weekdays_9_to_16,
        starts_on=today + datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=3),
        note_de="Weihnachtspause",
        note_en="Christmas break",
    )
    html = client.get(f"/en/centers/{weekdays_9_to_16.slug}/").content.decode()
    assert "Closed on these days" in html
    assert "Christmas break" in html
    html = client.get(f"/de/centers/{weekdays_9_to_16.slug}/").content.decode()
    assert "An diesen Tagen geschlossen" in html
    assert "Weihnachtspause" in html


def test_a_temporarily_closed_center_is_never_open(weekdays_9_to_16):
    weekdays_9_to_16.status = Center.Status.TEMPORARILY_CLOSED
    weekdays_9_to_16.save()
    center = fresh(weekdays_9_to_16)
    assert not is_open_at(center, at(2026, 11, 23, 10))
    assert not opening_status(center, now=at(2026, 11, 23, 10)).open_now


def test_far_next_opening_names_the_date():
    center = CenterFactory(state=state_by_code("DE-TH"))
    OpeningHoursFactory(center=center, weekday=0, opens="09:00", closes="12:00")
    Closure.objects.create(
        center=center, starts_on=datetime.date(2026, 11, 24), ends_on=datetime.date(2026, 12, 13)
    )
    tuesday = at(2026, 11, 24, 10)
    assert summary(center, tuesday, "en") == "Closed now, opens Monday, 14 December 09:00"
    assert summary(center, tuesday, "de") == (
        "Jetzt geschlossen, öffnet Montag, 14. Dezember um 09:00 Uhr"
    )
