"""Writes of the events app, one module per sub-domain (see docs/architecture.md).

The dependency runs one way: privacy and invitations use registrations; registrations and
invitations use notices, which hands outbox rows to the workers after commit.
"""

from .invitations import (
    invitation_accept,
    invitation_answer,
    invitation_create_many,
    invitation_open,
    invitation_remind_now,
    invitation_resend_failed,
    non_responders,
    reminders_record_due,
)
from .meetings import meeting_copy_as_next_year
from .notices import enqueue, enqueue_on_commit, kick_key, registration_notify, woken
from .privacy import invitations_anonymise, personal_data_purge, registration_erase
from .registrations import (
    LISTING_CONSENT_VERSION,
    PRIVACY_NOTICE_VERSION,
    RegistrationError,
    registration_cancel,
    registration_check_in,
    registration_create,
    registration_set_status,
    registration_switch_mode,
    registration_withdraw_listing_consent,
)
from .returning import registration_register, registration_renew

__all__ = [
    "LISTING_CONSENT_VERSION",
    "PRIVACY_NOTICE_VERSION",
    "RegistrationError",
    "enqueue",
    "enqueue_on_commit",
    "invitation_accept",
    "invitation_answer",
    "invitation_create_many",
    "invitation_open",
    "invitation_remind_now",
    "invitation_resend_failed",
    "invitations_anonymise",
    "kick_key",
    "meeting_copy_as_next_year",
    "non_responders",
    "personal_data_purge",
    "registration_cancel",
    "registration_check_in",
    "registration_create",
    "registration_erase",
    "registration_notify",
    "registration_register",
    "registration_renew",
    "registration_set_status",
    "registration_switch_mode",
    "registration_withdraw_listing_consent",
    "reminders_record_due",
    "woken",
]
