"""When an entry of the directories counts as verified, for centers and partners alike.

One definition of "stale" (the QuerySet mixin), used by the admin filters, the dashboard and
the actions; and one write that records a verification in the entry's history.
"""

from datetime import timedelta

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

STALE_AFTER = timedelta(days=365)


def stale_cutoff():
    return timezone.now() - STALE_AFTER


class VerificationQuerySetMixin:
    """For models with `last_verified_at` (and `verified_by`)."""

    def not_verified_since(self, cutoff):
        """Never verified, or last verified before `cutoff`."""
        return self.filter(Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=cutoff))

    def stale(self):
        """Not verified for twelve months: the entries to check first."""
        return self.not_verified_since(stale_cutoff())

    def verified_recently(self):
        return self.filter(last_verified_at__gte=stale_cutoff())

    def stalest_first(self):
        return self.order_by(models.F("last_verified_at").asc(nulls_first=True), "name")


@transaction.atomic
def entries_mark_verified(*, queryset, user, reason: str = "") -> int:
    """Record that `user` checked these entries today; each lands in its history with `reason`."""
    model = queryset.model
    # The admin's queryset may be DISTINCT, which FOR UPDATE refuses on PostgreSQL.
    rows = list(model.objects.select_for_update().filter(pk__in=queryset.values("pk")))
    now = timezone.now()
    for row in rows:
        row.last_verified_at = now
        row.verified_by = user
        row._change_reason = reason
    bulk_update_with_history(
        rows,
        model,
        ["last_verified_at", "verified_by"],
        default_user=user,
        default_change_reason=reason,
    )
    return len(rows)
