"""Demo partners for seed_demo (idempotent). Extended by the partners issue."""

from .models import Partner


def seed_partners(*, scale: int, centers) -> list[Partner]:
    """Create the demo partners and return them."""
    return list(Partner.objects.all())
