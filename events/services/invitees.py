"""Where invitees come from: a pasted or uploaded list, or the directories."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.permissions import is_agency_staff
from centers.models import Center
from partners.models import GOETHE_INSTITUT, Partner

from ..models import Invitation, Meeting, Registration
from .people_lists import line_message, read_people

NAME_LENGTH = Invitation._meta.get_field("name").max_length
ORGANISATION_LENGTH = Invitation._meta.get_field("organisation").max_length

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
    already_registered: bool = False

    @property
    def key(self) -> str:
        return self.email.lower()

    @property
    def skipped(self) -> bool:
        return self.duplicate or self.already_invited or self.already_registered


@dataclass
class Found:
    """What a choice in the directories gives: invitees, and the names of the entries that have
    no e-mail address (they cannot be invited, and the preview says so by name)."""

    invitees: list[Invitee] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)

    def __iadd__(self, other: "Found") -> "Found":
        self.invitees += other.invitees
        self.unreachable += [name for name in other.unreachable if name not in self.unreachable]
        return self


def parse_list(text: str) -> tuple[list[Invitee], list[str]]:
    """Lines "name, e-mail, organisation, language" (see people_lists); (invitees, errors)."""
    lines, errors = read_people(text, email_column=1)
    invitees = []
    for line in lines:
        name, email, organisation = line.cell(0), line.cell(1), line.cell(2)
        language = (line.cell(3) or "de").lower()[:2]
        if not line.errors and language not in ("de", "en"):
            line.errors.append(_("The language must be de or en."))
        if len(name) > NAME_LENGTH or len(organisation) > ORGANISATION_LENGTH:
            line.errors.append(_("The name or the organisation is too long."))
        if line.errors:
            errors.append(line_message(line))
        else:
            invitees.append(Invitee(email, name, organisation, language))
    return invitees, errors


def from_centers(centers) -> Found:
    """Welcome Centers by their e-mail address (in German); those without one by name."""
    found = Found()
    for center in centers:
        if center.email:
            found.invitees.append(Invitee(center.email, "", center.name, "de", center_id=center.pk))
        else:
            found.unreachable.append(center.display_name)
    return found


def active_centers():
    return Center.objects.active().order_by("name")


def from_partners(partners) -> Found:
    """Partners by their e-mail address, in English outside the German-speaking countries;
    those without an address by name."""
    found = Found()
    for partner in partners:
        if not partner.email:
            found.unreachable.append(partner.display_name)
            continue
        language = "de" if partner.country.code in GERMAN_SPEAKING else "en"
        found.invitees.append(
            Invitee(partner.email, "", partner.name, language, partner_id=partner.pk)
        )
    return found


def goethe_branches(countries: list[str]):
    return Partner.objects.active().filter(kind__slug=GOETHE_INSTITUT, country__in=countries)


def last_years_attendees(meeting: Meeting, user) -> list[Invitee]:
    """Everyone who attended last year's meeting of the same kind, from the meetings `user`
    may manage (agency staff: all of them) and the meeting this one was copied from; another
    organizer's participants never."""
    sources = Meeting.objects.filter(kind=meeting.kind, year=meeting.year - 1)
    if not is_agency_staff(user):
        sources = sources.filter(organizers=user)
    registrations = (
        Registration.objects.filter(
            Q(meeting__in=sources) | Q(meeting_id=meeting.copied_from_id),
            status=Registration.Status.ATTENDED,
        )
        .exclude(meeting=meeting)
        .order_by("name")
    )
    return [
        Invitee(r.email, r.name, r.organisation, r.language, r.center_id, r.partner_id)
        for r in registrations
    ]


def mark(meeting: Meeting, invitees: list[Invitee]) -> list[Invitee]:
    """Mark repeated addresses (case-insensitive), people already registered for this meeting
    and people already invited to it (two queries); marked invitees are not invited."""
    invited = set(meeting.invitations.annotate(key=Lower("email")).values_list("key", flat=True))
    registered = set(
        meeting.registrations.registered()
        .annotate(key=Lower("email"))
        .values_list("key", flat=True)
    )
    seen = set()
    for invitee in invitees:
        invitee.duplicate = invitee.key in seen
        invitee.already_registered = invitee.key in registered
        invitee.already_invited = invitee.key in invited and not invitee.already_registered
        seen.add(invitee.key)
    return invitees
