"""Writes to centers that have side effects: the search index and the verification date."""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from welcome_portal.pagecache import page_cache_bump
from welcome_portal.verification import entries_mark_verified

from .models import Center, CenterSearch
from .search import center_areas, center_document

REINDEX_BATCH = 1000


def center_reindex(*, center_ids: Iterable[int]) -> None:
    """Rebuild the stored search document (and on PostgreSQL its tsvector) of these centers.

    Call after every change to a center, its services or languages, or the names of states,
    services and languages; admin, editor form and seed data do.
    """
    ids = list(center_ids)
    for start in range(0, len(ids), REINDEX_BATCH):
        batch = ids[start : start + REINDEX_BATCH]
        with transaction.atomic():
            rows = [
                CenterSearch(
                    center=center,
                    document=center_document(center),
                    areas=center_areas(center),
                )
                for center in Center.objects.filter(pk__in=batch).for_listing()
            ]
            CenterSearch.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["center"],
                update_fields=["document", "areas"],
            )
            if connection.vendor == "postgresql":
                CenterSearch.objects.filter(center__in=batch).update(
                    vector=SearchVector("document", config="german")
                )
    page_cache_bump()  # the index decides what a search finds; bulk writes send no signals


def center_save_by_editor(*, form, hours_formset=None, user=None) -> Center:
    """Store a center editor's changes completely or not at all, and mark the entry verified
    (by `user`, the editor), with the save in the center's history.

    `form` is a valid CenterEditForm, `hours_formset` a valid OpeningHoursFormSet of it.
    """
    with transaction.atomic():
        center = form.save(commit=False)
        center.last_verified_at = timezone.now()
        center.verified_by = user
        center._change_reason = gettext("Saved by the center's editor")
        center.save()
        form.save_m2m()
        if hours_formset is not None:
            hours_formset.instance = center
            hours_formset.save()
        center_reindex(center_ids=[center.pk])
    return center


def centers_mark_verified(*, centers, user, reason: str = "") -> int:
    """Record that `user` checked these centers today; each change lands in their history."""
    return entries_mark_verified(queryset=centers, user=user, reason=reason)
