"""Who may do what with a meeting: the one place for object-level checks."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.roles import AGENCY_STAFF


def can_manage_meeting(user, meeting) -> bool:
    """Organizers of this meeting and agency staff manage it (participants, exports, check-in).

    One query: the user is in the agency staff group or among the meeting's organizers.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    allowed = Q(groups__name=AGENCY_STAFF) | Q(organized_meetings=meeting)
    return get_user_model().objects.filter(allowed, pk=user.pk).exists()
