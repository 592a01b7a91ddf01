"""Demo meetings for seed_demo (idempotent). Extended by the events issue."""


def seed_events(*, scale: int, centers, partners, organizer=None) -> None:
    """Create the past 2020 federal meeting and the upcoming one."""
