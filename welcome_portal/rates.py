"""Rates such as "20/h" or "5/10m" ("off" for none), read by the settings at start-up (a bad
value stops the start) and by the limiter at each request."""

import re

from django.core.exceptions import ImproperlyConfigured

RATE = re.compile(r"^(?P<count>\d+)/(?P<number>\d*)(?P<unit>[smhd])$")
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int] | None:
    """("20/h") -> (20, 3600); "off" -> None. Anything else is a configuration error."""
    rate = rate.strip().lower()
    if rate == "off":
        return None
    match = RATE.match(rate)
    if not match or int(match["count"]) < 1:
        raise ImproperlyConfigured(
            f"REGISTRATION_RATE_LIMIT must look like 20/h or 5/10m, or be off; not {rate!r}."
        )
    return int(match["count"]), int(match["number"] or 1) * SECONDS[match["unit"]]
