"""Writes on partners that the back office triggers."""

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from welcome_portal.pagecache import page_cache_bump

from .models import Partner


def _locked(partners):
    # The admin's queryset may be DISTINCT, which FOR UPDATE refuses on PostgreSQL.
    return Partner.objects.select_for_update().filter(pk__in=partners.values("pk"))


@transaction.atomic
def partners_mark_verified(*, partners, user) -> int:
    """Record that `user` checked these partners today; each change lands in their history."""
    now = timezone.now()
    rows = list(_locked(partners))
    for partner in rows:
        partner.last_verified_at = now
        partner.verified_by = user
    bulk_update_with_history(rows, Partner, ["last_verified_at", "verified_by"], default_user=user)
    page_cache_bump()  # a bulk update sends no post_save
    return len(rows)


@transaction.atomic
def partners_mark_inactive(*, partners, user) -> int:
    """Take these partners out of the public directory (kept for the record and reversible)."""
    rows = list(_locked(partners).exclude(status=Partner.Status.INACTIVE))
    for partner in rows:
        partner.status = Partner.Status.INACTIVE
    bulk_update_with_history(rows, Partner, ["status"], default_user=user)
    page_cache_bump()
    return len(rows)
