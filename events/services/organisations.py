"""Which center or partner a participant's organisation is: for suggestions and for linking."""

from django.db.models import Q

from centers.models import Center
from partners.models import Partner
from welcome_portal.pagecache import DIRECTORY, part_name, per_version_value

# The names an organisation is known by in the directories: German, English and the short ones.
NAME_FIELDS = ("name", "name_en", "short_name", "short_name_en")
MAX_NAME = max(
    Center._meta.get_field("name").max_length, Partner._meta.get_field("name").max_length
)


def organisation_suggestions() -> list[str]:
    """Names of centers and partners for the organisation field's <datalist> (two queries)."""
    names = set(Center.objects.values_list("name", flat=True))
    names.update(Partner.objects.values_list("name", flat=True))
    return sorted(names)


def match_organisation(name: str) -> dict:
    """{"center": …, "partner": …}: the one center, or else the one partner, that the typed
    organisation names, in either language or by its short name, whatever the case and the
    spacing ("goethe-institut  new delhi"); both None when none or several match."""
    typed = " ".join(name.split())
    if not typed or len(typed) > MAX_NAME or "\x00" in typed:
        return {"center": None, "partner": None}
    names = Q()
    for field in NAME_FIELDS:
        names |= Q(**{f"{field}__iexact": typed})
    for key, model in (("center", Center), ("partner", Partner)):
        found = list(model.objects.filter(names)[:2])
        if len(found) == 1:
            return {"center": None, "partner": None, key: found[0]}
    return {"center": None, "partner": None}


def linked_organisation(organisation: str, center=None, partner=None) -> tuple:
    """(center id, partner id) of a registration: the ones given (an invitation's), or else the
    match of the typed organisation. Every way of registering goes through here. A match is
    kept per version of the directory (a rush of registrations from one organisation asks the
    database once; an edit of a center or partner makes it stale)."""
    if center is not None or partner is not None:
        return getattr(center, "pk", None), getattr(partner, "pk", None)

    def ids():
        match = match_organisation(organisation)
        return tuple(getattr(match[key], "pk", None) for key in ("center", "partner"))

    typed = " ".join(organisation.split())[: MAX_NAME + 1]
    return per_version_value(DIRECTORY, part_name("organisation", typed), ids)
