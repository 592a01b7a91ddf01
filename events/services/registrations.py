"""Writes on registrations: every change of a seat runs under a lock on the meeting's row.

Registering, cancelling, switching attendance mode, organizer status moves and promotion from
the waiting list each run in one transaction that first locks the meeting (`SELECT ... FOR
UPDATE`) and only then counts seats, so two requests can never both take the last seat. On
SQLite the lock is a no-op, but SQLite serialises writing transactions anyway.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from welcome_portal.db import execute_together
from welcome_portal.pagecache import page_cache_bump

from ..models import Meeting, OutboxMessage, Registration
from .notices import (
    PARTICIPANT_NOTICES_PER_WINDOW,
    enqueue_on_commit,
    recent_participant_notices,
    registration_notify,
)
from .organisations import linked_organisation

Status = Registration.Status
logger = logging.getLogger(__name__)

PRIVACY_NOTICE_VERSION = "2026-01"
LISTING_CONSENT_VERSION = "2026-01"


class RegistrationError(ValidationError):
    """A registration change that the rules forbid; the message is for the user."""


ALREADY_REGISTERED = "already_registered"  # the error's code: it belongs to the e-mail field


def already_registered() -> RegistrationError:
    message = _("This e-mail address is already registered.")
    return RegistrationError(message, code=ALREADY_REGISTERED)


def lock_meeting(meeting_pk: int) -> Meeting:
    """The meeting's row, locked until the transaction ends: the capacity lock."""
    return Meeting.objects.select_for_update().get(pk=meeting_pk)


def place_for(meeting: Meeting, mode: str) -> tuple[str, int | None]:
    """Status and waiting-list position for a newcomer in this mode; call under the lock."""
    seats = meeting.seats_for(mode)
    taken = Registration.objects.filter(meeting=meeting, attendance_mode=mode).aggregate(
        seated=Count("pk", filter=Q(status__in=Registration.SEATED)),
        last=Max("waitlist_position"),
    )
    if seats is None or taken["seated"] < seats:
        return Status.CONFIRMED, None
    return Status.WAITLISTED, (taken["last"] or 0) + 1


def _new_row(instance, *, without: tuple[str, ...] = ()) -> tuple[list[str], list]:
    """The quoted columns and database values of a row not yet saved (its defaults applied),
    but for the primary key and the fields named in `without` (by attname)."""
    fields = [
        f
        for f in type(instance)._meta.concrete_fields
        if not f.primary_key and f.attname not in without
    ]
    columns = [connection.ops.quote_name(f.column) for f in fields]
    return columns, [f.get_db_prep_save(f.pre_save(instance, add=True), connection) for f in fields]


def _insert_taking_place(
    registration: Registration, notice: OutboxMessage | None, *, limited: bool
) -> bool:
    """Lock the meeting, insert the registration with its status and position decided by the
    database, and (with a `notice`) the notice of that status: one transaction in one round
    trip (welcome_portal.db.execute_together), so the lock is held only while the server works.
    A `limited` notice is written only while the address has had fewer than
    PARTICIPANT_NOTICES_PER_WINDOW recent ones; returns whether a notice was written.

    The insert takes a seat while fewer than the mode's seats (read after the lock) are taken,
    else the waiting-list position after the last. The count comes from the statement's own
    snapshot, taken after the lock was granted: two inserts can never see the same count.
    """
    meeting_id, mode = registration.meeting_id, registration.attendance_mode
    meetings, table = Meeting._meta.db_table, Registration._meta.db_table
    lock = connection.ops.for_update_sql() if connection.features.has_select_for_update else ""
    seats_column = Meeting._meta.get_field(Meeting.seats_field(mode)).column
    columns, values = _new_row(registration, without=("status", "waitlist_position"))
    seated = ", ".join(["%s"] * len(Registration.SEATED))
    # Table and column names come from the models; every value is a bound parameter.
    statements = [
        (f"SELECT 1 FROM {meetings} WHERE id = %s {lock}", [meeting_id]),  # nosec B608
        (
            f"INSERT INTO {table} ({', '.join(columns)}, status, waitlist_position) "  # nosec B608
            f"SELECT {', '.join(['%s'] * len(values))}, "
            "CASE WHEN m.seats IS NULL OR taken.seated < m.seats THEN %s ELSE %s END, "
            "CASE WHEN m.seats IS NULL OR taken.seated < m.seats THEN NULL "
            "ELSE COALESCE(taken.last, 0) + 1 END "
            f"FROM (SELECT {seats_column} AS seats FROM {meetings} WHERE id = %s) AS m, "
            f"(SELECT COUNT(*) FILTER (WHERE status IN ({seated})) AS seated, "
            f"MAX(waitlist_position) AS last FROM {table} "
            "WHERE meeting_id = %s AND attendance_mode = %s) AS taken "
            "RETURNING id, status, waitlist_position",
            [
                *values,
                *(Status.CONFIRMED, Status.WAITLISTED, meeting_id),
                *(*Registration.SEATED, meeting_id, mode),
            ],
        ),
    ]
    if notice is not None:  # its kind is the status the insert decided; found by the unique key
        notice_columns, notice_values = _new_row(notice, without=("kind", "registration_id"))
        within_limit, limit_params = "", []
        if limited:
            recent = recent_participant_notices(meeting_id, registration.email).values("pk")
            # The ORM's own SQL for that queryset, its values bound parameters.
            recent, limit_params = recent.query.sql_with_params()
            within_limit = f"AND (SELECT COUNT(*) FROM ({recent}) AS recent) < %s "  # nosec B608
            limit_params = [*limit_params, PARTICIPANT_NOTICES_PER_WINDOW]
        statements.append(
            (
                f"INSERT INTO {OutboxMessage._meta.db_table} "  # nosec B608
                f"({', '.join(notice_columns)}, kind, registration_id) "
                f"SELECT {', '.join(['%s'] * len(notice_values))}, status, id FROM {table} "
                f"WHERE meeting_id = %s AND LOWER(email) = LOWER(%s) {within_limit}RETURNING id",
                [*notice_values, meeting_id, registration.email, *limit_params],
            )
        )
    rows = execute_together(statements)
    registration.pk, registration.status, registration.waitlist_position = rows[1]
    registration._state.adding = False
    registration._state.db = connection.alias
    if notice is None or rows[2] is None:
        return False
    enqueue_on_commit("message", [rows[2][0]])
    return True


def _waitlist_end(meeting: Meeting, mode: str) -> int:
    registrations = Registration.objects.filter(meeting=meeting, attendance_mode=mode)
    return (registrations.aggregate(last=Max("waitlist_position"))["last"] or 0) + 1


def _leave_waitlist(registration: Registration) -> None:
    """Close the gap a registration leaves on its waiting list."""
    Registration.objects.filter(
        meeting_id=registration.meeting_id,
        attendance_mode=registration.attendance_mode,
        status=Status.WAITLISTED,
        waitlist_position__gt=registration.waitlist_position,
    ).update(waitlist_position=F("waitlist_position") - 1)
    registration.waitlist_position = None


def _fill_free_seats(meeting: Meeting, mode: str) -> list[Registration]:
    """Promote the first waitlisted of this mode while seats are free."""
    promoted = []
    while True:
        first = Registration.objects.filter(meeting=meeting, attendance_mode=mode).waitlisted()
        first = first.first()
        if first is None or place_for(meeting, mode)[0] != Status.CONFIRMED:
            return promoted
        _leave_waitlist(first)
        first.status = Status.CONFIRMED
        first.save(update_fields=["status", "waitlist_position", "updated_at"])
        registration_notify(registration=first, kind="promoted")
        promoted.append(first)


def _check_can_register(meeting: Meeting, *, email: str, locked_email, registered_by) -> None:
    if locked_email is not None and email.casefold() != locked_email.casefold():
        raise RegistrationError(_("Please register with the address the invitation went to."))
    if registered_by is not None:
        return
    if locked_email is not None:
        # Invitees skip the opening date and the open-registration rule, never the deadline.
        allowed = (
            meeting.status == Meeting.Status.PUBLISHED and meeting.registration_phase() != "closed"
        )
    else:
        allowed = meeting.is_open_for_registration()
    if not allowed:
        raise RegistrationError(_("Registration for this meeting is not open."))


def registration_create(
    *,
    meeting: Meeting,
    name: str,
    email: str,
    attendance_mode: str,
    organisation: str = "",
    center=None,
    partner=None,
    language: str = "de",
    privacy_consent: bool,
    listing_consent: bool = False,
    accessibility_needs: str = "",
    registered_by=None,
    locked_email: str | None = None,
    notify: bool = True,
) -> Registration:
    """Register one person: confirmed while seats of that mode are left, else waitlisted.

    Without a `center` or `partner`, the organisation is matched to one by its name.
    `locked_email` is the address an invitation went to: the registration must use it, and
    then an invitation-only meeting accepts it. `registered_by` (an organizer) may register
    people whatever the registration period. `notify=False` (demo data) sends no notice.
    Raises RegistrationError with a user message.
    """
    email = email.strip()
    center_id, partner_id = linked_organisation(organisation, center, partner)
    _check_can_register(
        meeting, email=email, locked_email=locked_email, registered_by=registered_by
    )
    if attendance_mode not in meeting.modes:
        raise RegistrationError(_("This meeting does not offer that kind of attendance."))
    if not privacy_consent and registered_by is None:
        raise RegistrationError(_("Please agree to the privacy notice."))
    now = timezone.now()
    registration = Registration(
        meeting=meeting,
        name=name.strip(),
        email=email,
        organisation=organisation.strip(),
        center_id=center_id,
        partner_id=partner_id,
        attendance_mode=attendance_mode,
        language=language,
        privacy_consent_at=now if privacy_consent else None,
        privacy_consent_version=PRIVACY_NOTICE_VERSION if privacy_consent else "",
        listing_consent_at=now if listing_consent else None,
        listing_consent_version=LISTING_CONSENT_VERSION if listing_consent else "",
        accessibility_needs=accessibility_needs.strip(),
        registered_by=registered_by,
    )
    notice = OutboxMessage(meeting=meeting, email=email, language=language) if notify else None
    # A participant's own registration sends a notice only within the limit (checked in the
    # same message: the unique address means no concurrent registration of it can succeed).
    limited = registered_by is None
    try:
        noticed = _insert_taking_place(registration, notice, limited=limited)
    except IntegrityError as exc:  # the unique (meeting, lower(e-mail)) constraint
        raise already_registered() from exc
    if notify and not noticed:
        logger.info("notice to registration %s held back: too many", registration.pk)
    # The seats left on the meeting page; after the commit, not under the lock (a Redis round
    # trip), and no signal here.
    page_cache_bump("events")
    return registration


def registration_set_status(
    *, registration: Registration, status: str, by_participant: bool = False
) -> list[Registration]:
    """Move a registration to another status under the capacity rules.

    Taking a seat needs a free one; leaving a seat promotes the first waitlisted of that mode;
    moving to the waiting list appends to its end. Returns the registrations promoted.
    """
    with transaction.atomic():
        meeting = lock_meeting(registration.meeting_id)
        registration.refresh_from_db()
        old = registration.status
        if old == status:
            return []
        mode = registration.attendance_mode
        takes_seat = status in Registration.SEATED and old not in Registration.SEATED
        if takes_seat and place_for(meeting, mode)[0] != Status.CONFIRMED:
            raise RegistrationError(_("No seat is left for this kind of attendance."))
        if old == Status.WAITLISTED:
            _leave_waitlist(registration)
        if status == Status.WAITLISTED:
            registration.waitlist_position = _waitlist_end(meeting, mode)
        registration.status = status
        registration.attended_at = timezone.now() if status == Status.ATTENDED else None
        registration.save()
        if kind := _notice_for(old, status):
            registration_notify(registration=registration, kind=kind, by_participant=by_participant)
        return _fill_free_seats(meeting, mode)


def _notice_for(old: str, new: str) -> str | None:
    """Which notice a status move sends; check-in and declines send none."""
    if new == Status.CANCELLED and old in (Status.CONFIRMED, Status.WAITLISTED):
        return "cancelled"
    if new == Status.CONFIRMED and old != Status.ATTENDED:
        return "promoted" if old == Status.WAITLISTED else "confirmed"
    if new == Status.WAITLISTED:
        return "waitlisted"
    return None


def registration_cancel(*, registration: Registration) -> list[Registration]:
    """The participant cancels; their seat goes to the first waitlisted of that mode."""
    if registration.meeting.is_past:
        raise RegistrationError(_("This meeting has already taken place."))
    if registration.status not in Registration.ACTIVE:
        raise RegistrationError(_("This registration cannot be cancelled any more."))
    return registration_set_status(
        registration=registration, status=Status.CANCELLED, by_participant=True
    )


def registration_check_in(*, registration: Registration) -> Registration:
    """Mark a confirmed participant as attended (idempotent)."""
    if registration.status not in Registration.SEATED:
        raise RegistrationError(_("Only confirmed participants can be checked in."))
    registration_set_status(registration=registration, status=Status.ATTENDED)
    return registration


def registration_switch_mode(*, registration: Registration, mode: str) -> Registration:
    """Switch between on-site and online attendance.

    The person keeps being confirmed if the other mode has a free seat and otherwise joins the
    end of its waiting list; a seat they free goes to the first waitlisted of the old mode.
    """
    with transaction.atomic():
        meeting = lock_meeting(registration.meeting_id)
        registration.refresh_from_db()
        old_mode = registration.attendance_mode
        if mode not in meeting.modes:
            raise RegistrationError(_("This meeting does not offer that kind of attendance."))
        if meeting.is_past:
            raise RegistrationError(_("This meeting has already taken place."))
        if registration.status not in Registration.ACTIVE:
            raise RegistrationError(_("Only active registrations can change attendance."))
        if mode == old_mode:
            return registration
        if registration.status == Status.WAITLISTED:
            _leave_waitlist(registration)
        registration.status, registration.waitlist_position = place_for(meeting, mode)
        registration.attendance_mode = mode
        registration.save()
        registration_notify(registration=registration, kind="mode_switched", by_participant=True)
        _fill_free_seats(meeting, old_mode)
    return registration


def registration_withdraw_listing_consent(*, registration: Registration) -> None:
    """The participant no longer wants to appear on the participant list."""
    Registration.objects.filter(pk=registration.pk).update(
        listing_consent_at=None, listing_consent_version="", updated_at=timezone.now()
    )
