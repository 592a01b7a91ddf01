"""Writes on partners that the back office triggers."""

from django.db import transaction
from simple_history.utils import bulk_update_with_history

from welcome_portal.pagecache import page_cache_bump
from welcome_portal.verification import entries_mark_verified

from .models import Partner


def _locked(partners):
    # The admin's queryset may be DISTINCT, which FOR UPDATE refuses on PostgreSQL.
    return Partner.objects.select_for_update().filter(pk__in=partners.values("pk"))


def partners_mark_verified(*, partners, user, reason: str = "") -> int:
    """Record that `user` checked these partners today; each change lands in their history."""
    marked = entries_mark_verified(queryset=partners, user=user, reason=reason)
    page_cache_bump()  # a bulk update sends no post_save
    return marked


@transaction.atomic
def partners_mark_inactive(*, partners, user) -> int:
    """Take these partners out of the public directory (kept for the record and reversible)."""
    rows = list(_locked(partners).exclude(status=Partner.Status.INACTIVE))
    for partner in rows:
        partner.status = Partner.Status.INACTIVE
    bulk_update_with_history(rows, Partner, ["status"], default_user=user)
    page_cache_bump()
    return len(rows)
