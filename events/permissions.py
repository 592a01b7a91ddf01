"""Who may do what with a meeting: the one place for object-level checks."""

from accounts.roles import AGENCY_STAFF


def is_agency_staff(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=AGENCY_STAFF).exists()


def can_manage_meeting(user, meeting) -> bool:
    """Organizers of this meeting and agency staff manage it (participants, exports, check-in)."""
    if not user.is_authenticated:
        return False
    if is_agency_staff(user):
        return True
    return meeting.organizers.filter(pk=user.pk).exists()
