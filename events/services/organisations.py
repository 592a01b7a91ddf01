"""Which center or partner a participant's organisation is: for suggestions and for linking."""

from centers.models import Center
from partners.models import Partner


def organisation_suggestions() -> list[str]:
    """Names of centers and partners for the organisation field's <datalist> (two queries)."""
    names = set(Center.objects.values_list("name", flat=True))
    names.update(Partner.objects.values_list("name", flat=True))
    return sorted(names)


def link_organisation(name: str) -> dict:
    """The center or partner whose name matches the organisation (case-insensitive), if any."""
    name = name.strip()
    if not name:
        return {"center": None, "partner": None}
    center = Center.objects.filter(name__iexact=name).first()
    partner = None if center else Partner.objects.filter(name__iexact=name).first()
    return {"center": center, "partner": partner}
