"""The staff's "check these first" dashboard: how true are the directories of centers and
partners, and which entries to verify first. "Stale" is the QuerySets' one definition."""

from django.db.models import Count, Q

from centers.models import Center, State

from .models import Partner, PartnerKind

STALE_SHOWN = 25
CHANGES_SHOWN = 10


def directory_totals(model) -> dict:
    """Entries, active ones, the rest, active ones not verified for 12 months, never verified."""
    active = model.objects.active()
    return model.objects.aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(pk__in=active.values("pk"))),
        inactive=Count("pk", filter=~Q(pk__in=active.values("pk"))),
        stale=Count("pk", filter=Q(pk__in=active.stale().values("pk"))),
        never_verified=Count(
            "pk", filter=Q(pk__in=active.filter(last_verified_at=None).values("pk"))
        ),
    )


def stale_by(model, group_field: str, groups) -> list:
    """`groups` (kinds or states) with their number of active entries and of stale ones."""
    active = model.objects.active()
    counts = {
        row[group_field]: row
        for row in active.values(group_field).annotate(
            active=Count("pk"), stale=Count("pk", filter=Q(pk__in=active.stale().values("pk")))
        )
    }
    rows = []
    for group in groups:
        found = counts.get(group.pk)
        if found:
            group.active, group.stale = found["active"], found["stale"]
            rows.append(group)
    return rows


def dashboard_context(*, with_centers: bool = True) -> dict:
    context = {
        "totals": directory_totals(Partner),
        "kinds": stale_by(Partner, "kind", PartnerKind.objects.all()),
        "stale_partners": Partner.objects.active()
        .stale()
        .stalest_first()
        .select_related("kind", "verified_by")[:STALE_SHOWN],
        "recent_changes": Partner.history.select_related("history_user").order_by("-history_date")[
            :CHANGES_SHOWN
        ],
    }
    if with_centers:
        context |= {
            "center_totals": directory_totals(Center),
            "states": stale_by(Center, "state", State.objects.all()),
            "stale_centers": Center.objects.active()
            .stale()
            .stalest_first()
            .select_related("state", "verified_by")[:STALE_SHOWN],
            "recent_center_changes": Center.history.select_related("history_user").order_by(
                "-history_date"
            )[:CHANGES_SHOWN],
        }
    return context
