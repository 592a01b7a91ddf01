"""Reads: chainable QuerySet methods for meetings and registrations."""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings visitors may see: published, closed for registration, or archived."""
        return self.exclude(status="draft")

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


class RegistrationQuerySet(models.QuerySet):
    def seated(self):
        return self.filter(status__in=("confirmed", "attended"))

    def waitlisted(self):
        return self.filter(status="waitlisted").order_by("waitlist_position")

    def counts_by_mode_and_status(self) -> dict[str, dict[str, int]]:
        """{mode: {status: n}} in one query."""
        counts: dict[str, dict[str, int]] = {}
        rows = self.values("attendance_mode", "status").annotate(n=Count("pk")).order_by()
        for row in rows:
            counts.setdefault(row["attendance_mode"], {})[row["status"]] = row["n"]
        return counts

    def seated_counts(self) -> dict[str, int]:
        """{mode: seats taken} in one query."""
        rows = self.seated().values("attendance_mode").annotate(n=Count("pk")).order_by()
        return {row["attendance_mode"]: row["n"] for row in rows}

    def search(self, text: str):
        return self.filter(
            Q(name__icontains=text) | Q(email__icontains=text) | Q(organisation__icontains=text)
        )
