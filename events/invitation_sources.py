"""Where invitees come from: a pasted or uploaded list, or the directories."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from centers.models import Center
from partners.models import GOETHE_INSTITUT, Partner

from .models import Meeting, Registration

GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}


@dataclass
class Invitee:
    email: str
    name: str = ""
    organisation: str = ""
    language: str = "de"
    center_id: int | None = None
    partner_id: int | None = None
    duplicate: bool = False
    already_invited: bool = False

    @property
    def key(self) -> str:
        return self.email.lower()


def parse_list(text: str) -> tuple[list[Invitee], list[str]]:
    """Rows "name, e-mail, organisation, language" (comma or semicolon); (invitees, errors)."""
    invitees, errors = [], []
    dialect = "excel-tab" if "\t" in text else "excel"
    delimiter = ";" if ";" in text and "," not in text.split("\n", 1)[0] else ","
    reader = csv.reader(io.StringIO(text), dialect=dialect, delimiter=delimiter)
    for number, row in enumerate(reader, start=1):
        cells = [cell.strip() for cell in row] + ["", "", "", ""]
        if not any(cells) or (number == 1 and "mail" in cells[1].casefold()):
            continue  # blank line, or a header row
        name, email, organisation, language = cells[:4]
        language = (language or "de").lower()[:2]
        try:
            validate_email(email)
        except ValidationError:
            message = _("Line %(n)d: “%(value)s” is not an e-mail address.")
            errors.append(message % {"n": number, "value": email})
            continue
        if language not in ("de", "en"):
            errors.append(_("Line %(n)d: the language must be de or en.") % {"n": number})
            continue
        invitees.append(Invitee(email, name, organisation, language))
    return invitees, errors


def from_centers(centers) -> list[Invitee]:
    """Welcome Centers by their e-mail address (in German)."""
    return [Invitee(c.email, "", c.name, "de", center_id=c.pk) for c in centers.exclude(email="")]


def active_centers():
    return Center.objects.filter(status=Center.Status.ACTIVE).order_by("name")


def from_partners(partners) -> list[Invitee]:
    """Partners by their e-mail address; in English outside the German-speaking countries."""
    return [
        Invitee(
            p.email,
            "",
            p.name,
            "de" if p.country.code in GERMAN_SPEAKING else "en",
            partner_id=p.pk,
        )
        for p in partners.exclude(email="")
    ]


def goethe_branches(countries: list[str]):
    return Partner.objects.active().filter(kind__slug=GOETHE_INSTITUT, country__in=countries)


def last_years_attendees(meeting: Meeting) -> list[Invitee]:
    """Everyone who attended the same kind of meeting the year before."""
    registrations = Registration.objects.filter(
        meeting__kind=meeting.kind,
        meeting__year=meeting.year - 1,
        status=Registration.Status.ATTENDED,
    ).order_by("name")
    return [
        Invitee(r.email, r.name, r.organisation, r.language, r.center_id, r.partner_id)
        for r in registrations
    ]


def mark(meeting: Meeting, invitees: list[Invitee]) -> list[Invitee]:
    """Mark repeated addresses and people already invited to this meeting (one query)."""
    invited = set(meeting.invitations.annotate(key=Lower("email")).values_list("key", flat=True))
    seen = set()
    for invitee in invitees:
        invitee.duplicate = invitee.key in seen
        invitee.already_invited = invitee.key in invited
        seen.add(invitee.key)
    return invitees
