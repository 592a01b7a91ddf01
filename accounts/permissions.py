"""Who may do what: the one place for role and object-level checks of every app."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from . import roles


def in_role(user, role: str) -> bool:
    return user.is_authenticated and user.groups.filter(name=role).exists()


def is_agency_staff(user) -> bool:
    return user.is_authenticated and (user.is_superuser or in_role(user, roles.AGENCY_STAFF))


def needs_second_factor(user) -> bool:
    """Staff and organizers must use a TOTP authenticator before the admin or a dashboard."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or in_role(user, roles.ORGANIZERS)
    )


def can_edit_center(user, center) -> bool:
    """Only the center's own editors edit it in the front end (staff use the admin)."""
    return user.is_authenticated and center.editors.filter(pk=user.pk).exists()


def can_manage_meeting(user, meeting) -> bool:
    """Organizers of this meeting and agency staff manage it (participants, exports, check-in).

    One query: the user is in the agency staff group or among the meeting's organizers.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    allowed = Q(groups__name=roles.AGENCY_STAFF) | Q(organized_meetings=meeting)
    return get_user_model().objects.filter(allowed, pk=user.pk).exists()
