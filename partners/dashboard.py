"""Figures for the staff dashboard: how true is the directory, and what to check first."""

from django.db.models import Count, Q
from django.utils import timezone

from .models import Partner, PartnerKind
from .querysets import STALE_AFTER

STALE_SHOWN = 25


def dashboard_context() -> dict:
    cutoff = timezone.now() - STALE_AFTER
    active = Q(status=Partner.Status.ACTIVE)
    stale = Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=cutoff)
    totals = Partner.objects.aggregate(
        total=Count("pk"),
        active=Count("pk", filter=active),
        inactive=Count("pk", filter=~active),
        stale=Count("pk", filter=active & stale),
        never_verified=Count("pk", filter=active & Q(last_verified_at__isnull=True)),
    )
    kinds = PartnerKind.objects.annotate(
        active=Count("partners", filter=Q(partners__status=Partner.Status.ACTIVE)),
        stale=Count(
            "partners",
            filter=Q(partners__status=Partner.Status.ACTIVE)
            & (
                Q(partners__last_verified_at__isnull=True)
                | Q(partners__last_verified_at__lt=cutoff)
            ),
        ),
    ).filter(active__gt=0)
    return {
        "totals": totals,
        "kinds": kinds,
        "stale_partners": Partner.objects.active()
        .stale()
        .stalest_first()
        .select_related("kind", "verified_by")[:STALE_SHOWN],
        "recent_changes": Partner.history.select_related("history_user").order_by("-history_date")[
            :10
        ],
    }
