"""The events app's models, one module per sub-domain; import them from here."""

from .invitations import Invitation, InvitationQuerySet
from .meetings import TOKEN_PATTERN, AttendanceMode, Meeting, MeetingQuerySet, new_token
from .outbox import Deliverable, Delivery, OutboxMessage, OutboxWorker
from .programme import Session, Speaker
from .registrations import Addressee, Registration, RegistrationQuerySet

__all__ = [
    "TOKEN_PATTERN",
    "Addressee",
    "AttendanceMode",
    "Deliverable",
    "Delivery",
    "Invitation",
    "InvitationQuerySet",
    "Meeting",
    "MeetingQuerySet",
    "OutboxMessage",
    "OutboxWorker",
    "Registration",
    "RegistrationQuerySet",
    "Session",
    "Speaker",
    "new_token",
]
