"""A person who cancelled (or declined) registers again while registration is open.

The (meeting, e-mail) pair is unique, so their old row comes back to life instead of a new
one: same personal link, a fresh place at the end of the queue, the consents given anew.
Kept apart from `registrations`, whose locked section is tuned on its own.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Meeting, Registration
from .notices import registration_notify
from .organisations import linked_organisation
from .registrations import (
    ALREADY_REGISTERED,
    LISTING_CONSENT_VERSION,
    PRIVACY_NOTICE_VERSION,
    RegistrationError,
    _check_can_register,
    already_registered,
    lock_meeting,
    place_for,
    registration_create,
)

GONE = Registration.GONE


def registration_register(*, meeting: Meeting, email: str, **fields) -> Registration:
    """Register a newcomer, or bring back the cancelled registration of the same address.
    Takes registration_create's keyword arguments; raises RegistrationError. A newcomer costs
    no extra query: only when the address is taken (the unique key says so) is its row read,
    to tell a cancelled one from a live one. An anonymised registration keeps no address, so
    it is never found here."""
    try:
        return registration_create(meeting=meeting, email=email, **fields)
    except RegistrationError as error:
        if error.code != ALREADY_REGISTERED:
            raise
    previous = meeting.registrations.filter(email__iexact=email.strip()).first()
    if previous is None or previous.status not in GONE:  # None: erased in between
        raise already_registered()
    return registration_renew(registration=previous, **fields)


def registration_renew(
    *,
    registration: Registration,
    name: str,
    attendance_mode: str,
    privacy_consent: bool,
    organisation: str = "",
    center=None,
    partner=None,
    language: str = "de",
    listing_consent: bool = False,
    accessibility_needs: str = "",
    registered_by=None,
    locked_email: str | None = None,
) -> Registration:
    """Give a cancelled or declined registration a place again under the capacity rules."""
    meeting = registration.meeting
    _check_can_register(
        meeting, email=registration.email, locked_email=locked_email, registered_by=registered_by
    )
    if attendance_mode not in meeting.modes:
        raise RegistrationError(_("This meeting does not offer that kind of attendance."))
    if not privacy_consent and registered_by is None:
        raise RegistrationError(_("Please agree to the privacy notice."))
    center_id, partner_id = linked_organisation(organisation, center, partner)
    now = timezone.now()
    with transaction.atomic():
        meeting = lock_meeting(meeting.pk)
        registration.refresh_from_db()
        if registration.status not in GONE:
            raise already_registered()
        registration.status, registration.waitlist_position = place_for(meeting, attendance_mode)
        registration.name = name.strip()
        registration.organisation = organisation.strip()
        registration.center_id, registration.partner_id = center_id, partner_id
        registration.attendance_mode, registration.language = attendance_mode, language
        registration.privacy_consent_at = now if privacy_consent else None
        registration.privacy_consent_version = PRIVACY_NOTICE_VERSION if privacy_consent else ""
        registration.listing_consent_at = now if listing_consent else None
        registration.listing_consent_version = LISTING_CONSENT_VERSION if listing_consent else ""
        registration.accessibility_needs = accessibility_needs.strip()
        registration.attended_at = None
        registration.save()
        # Cancelling and registering again is the participant's doing: it counts towards the
        # notices they can send (notices.PARTICIPANT_NOTICES_PER_WINDOW).
        registration_notify(
            registration=registration,
            kind=registration.status,
            by_participant=registered_by is None,
        )
    return registration
