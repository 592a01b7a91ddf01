"""Opening hours for people: the week, closures and public holidays, and whether a center is open.

`is_open_at` is the one definition of "open at a moment": the center is active, the day is
neither a closure nor a public holiday of the center's state, and the moment (in Berlin time)
falls into one of the day's ranges. The center page, and anything else that asks, uses it.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, pgettext

from .models import Center, Closure, OpeningHours

BERLIN = ZoneInfo("Europe/Berlin")
# How far ahead "opens …" looks (a closure can be long) and what the page lists as coming up.
LOOKAHEAD_DAYS = 400
UPCOMING_DAYS = 60


@lru_cache(maxsize=128)
def _holidays(subdivision: str, year: int, language: str) -> dict[date, str]:
    subdivision = subdivision if subdivision in holidays.Germany.subdivisions else None
    return dict(holidays.country_holidays("DE", subdiv=subdivision, years=year, language=language))


def _holiday_language() -> str:
    return "de" if (get_language() or "de").startswith("de") else "en_US"


def public_holiday(state_code: str, day: date) -> str | None:
    """The name (in the page's language) of the public holiday on `day` in this state, if any.

    `state_code` is ISO 3166-2 (`DE-TH`); the `holidays` package knows the states as "TH".
    """
    return _holidays(state_code.removeprefix("DE-"), day.year, _holiday_language()).get(day)


@dataclass
class ClosedDays:
    """A closure or a public holiday, for the list of days coming up."""

    starts_on: date
    ends_on: date
    reason: str
    is_holiday: bool

    @property
    def dates(self) -> str:
        """ "Thursday, 24 December 2026", "24-26 December 2026", in the active language."""
        if self.starts_on == self.ends_on:
            return date_format(self.starts_on, pgettext("one day", "l, j F Y"))
        if (self.starts_on.year, self.starts_on.month) == (self.ends_on.year, self.ends_on.month):
            first = date_format(self.starts_on, pgettext("first day in the month", "j"))
        else:
            first = date_format(self.starts_on, pgettext("first day", "j F Y"))
        return f"{first}\N{EN DASH}{date_format(self.ends_on, pgettext('last day', 'j F Y'))}"


class CenterCalendar:
    """A center's week, closures and holidays; reads the prefetched `opening_hours` and
    `closures` (and `state`), so that a page pays no extra query for it."""

    def __init__(self, center: Center):
        self.active = center.status == Center.Status.ACTIVE
        self.state_code = center.state.code
        self.week: list[list[OpeningHours]] = [[] for _ in range(7)]
        for interval in sorted(center.opening_hours.all(), key=lambda h: (h.weekday, h.opens)):
            self.week[interval.weekday].append(interval)
        self.closures: list[Closure] = list(center.closures.all())

    @property
    def known(self) -> bool:
        return any(self.week)

    def closure_on(self, day: date) -> Closure | None:
        return next((c for c in self.closures if c.covers(day)), None)

    def closed_all_day(self, day: date) -> bool:
        return self.closure_on(day) is not None or public_holiday(self.state_code, day) is not None

    def ranges_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The day's opening ranges as Berlin datetimes; none on a closure or holiday."""
        if not self.active or self.closed_all_day(day):
            return []
        return [
            (
                datetime.combine(day, h.opens, tzinfo=BERLIN),
                datetime.combine(day, h.closes, tzinfo=BERLIN),
            )
            for h in self.week[day.weekday()]
        ]

    def is_open_at(self, moment: datetime) -> bool:
        return self.open_until(moment) is not None

    def open_until(self, moment: datetime) -> datetime | None:
        """When the center closes next, if it is open at `moment` (ranges that touch join)."""
        moment = moment.astimezone(BERLIN)
        until = None
        for opens, closes in self.ranges_on(moment.date()):
            if opens <= moment < closes or (until is not None and opens <= until):
                until = max(until or closes, closes)
        return until

    def next_opening(self, moment: datetime) -> datetime | None:
        """The next moment after `moment` at which the center opens, within about a year."""
        moment = moment.astimezone(BERLIN)
        for offset in range(LOOKAHEAD_DAYS):
            for opens, _closes in self.ranges_on(moment.date() + timedelta(days=offset)):
                if opens > moment:
                    return opens
        return None

    def closed_days_between(self, first: date, last: date) -> list[ClosedDays]:
        """Closures overlapping [first, last], and the holidays there that no closure covers."""
        found = [
            ClosedDays(c.starts_on, c.ends_on, c.note, is_holiday=False)
            for c in self.closures
            if c.ends_on >= first and c.starts_on <= last
        ]
        day = first
        while day <= last:
            name = public_holiday(self.state_code, day)
            if name and self.closure_on(day) is None:
                found.append(ClosedDays(day, day, name, is_holiday=True))
            day += timedelta(days=1)
        return sorted(found, key=lambda item: item.starts_on)


def is_open_at(center: Center, moment: datetime) -> bool:
    """Whether `center` is open at `moment`: the one definition every page uses."""
    return CenterCalendar(center).is_open_at(moment)


@dataclass
class Day:
    weekday: int
    label: str
    intervals: list[OpeningHours] = field(default_factory=list)
    is_today: bool = False

    @property
    def notes(self) -> list[str]:
        """The day's notes, each once (the editor keeps one note per day on its ranges)."""
        return list(dict.fromkeys(h.notes for h in self.intervals if h.notes))


@dataclass
class OpeningStatus:
    days: list[Day]
    open_now: bool
    known: bool
    active: bool
    until: datetime | None = None
    next_opening: datetime | None = None
    coming_up: list[ClosedDays] = field(default_factory=list)
    now: datetime | None = None

    @property
    def summary(self) -> str:
        """ "Open now, until 16:00" or "Closed now, opens Monday 09:00", in the active language."""
        if self.until is not None:
            return gettext("Open now, until %(time)s") % {"time": f"{self.until:%H:%M}"}
        if self.next_opening is None:
            return gettext("Closed now")
        return gettext("Closed now, opens %(day)s %(time)s") % {
            "day": opening_day(self.next_opening.date(), self.now.date()),
            "time": f"{self.next_opening:%H:%M}",
        }


def opening_day(day: date, today: date) -> str:
    """ "today", a weekday name within the week, else a weekday with its date."""
    if day == today:
        return gettext("today")
    weekday = OpeningHours.Weekday(day.weekday()).label
    if (day - today).days < 7:
        return str(weekday)
    return gettext("%(weekday)s, %(day)s %(month)s") % {
        "weekday": weekday,
        "day": day.day,
        "month": MONTHS[day.month],
    }


def opening_status(center: Center, now: datetime | None = None) -> OpeningStatus:
    """The week's hours, "open now" (until when, or when next) and the closed days coming up."""
    now = (now or timezone.now()).astimezone(BERLIN)
    calendar = CenterCalendar(center)
    days = [
        Day(
            weekday=value,
            label=label,
            intervals=calendar.week[value],
            is_today=value == now.weekday(),
        )
        for value, label in OpeningHours.Weekday.choices
    ]
    status = OpeningStatus(
        days=days, open_now=False, known=calendar.known, active=calendar.active, now=now
    )
    if calendar.known and calendar.active:
        status.until = calendar.open_until(now)
        status.open_now = status.until is not None
        if not status.open_now:
            status.next_opening = calendar.next_opening(now)
        today = now.date()
        status.coming_up = calendar.closed_days_between(
            today, today + timedelta(days=UPCOMING_DAYS)
        )
    return status
