"""Opening hours for people: grouped by weekday, and whether the center is open right now."""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from .models import Center, OpeningHours

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Day:
    weekday: int
    label: str
    intervals: list[OpeningHours] = field(default_factory=list)
    is_today: bool = False


@dataclass
class OpeningStatus:
    days: list[Day]
    open_now: bool
    known: bool


def opening_status(center: Center, now: datetime | None = None) -> OpeningStatus:
    """The week's hours (uses the prefetched `opening_hours`) and "open now" in Berlin time."""
    now = (now or timezone.now()).astimezone(BERLIN)
    hours = list(center.opening_hours.all())
    days = [
        Day(weekday=value, label=label, is_today=value == now.weekday())
        for value, label in OpeningHours.Weekday.choices
    ]
    for interval in hours:
        days[interval.weekday].intervals.append(interval)
    open_now = center.status == Center.Status.ACTIVE and any(
        h.weekday == now.weekday() and h.opens <= now.time() < h.closes for h in hours
    )
    return OpeningStatus(days=days, open_now=open_now, known=bool(hours))
