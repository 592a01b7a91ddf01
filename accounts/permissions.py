"""Who may do what: role checks shared by every app."""

from . import roles


def in_role(user, role: str) -> bool:
    return user.is_authenticated and any(g.name == role for g in user.groups.all())


def is_agency_staff(user) -> bool:
    return user.is_authenticated and (user.is_superuser or in_role(user, roles.AGENCY_STAFF))


def needs_second_factor(user) -> bool:
    """Staff and organizers must use a TOTP authenticator before the admin or a dashboard."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or in_role(user, roles.ORGANIZERS)
    )
