"""Where a logged-in person works: the header's links and the page after logging in."""

from django.db.models import Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permissions import is_agency_staff


def tools_for(user) -> list[dict]:
    """The person's tools, most specific first: "My meetings" for organizers, "Back office"
    for agency staff, "My center" for editors. One query (two for staff); none if anonymous."""
    if not user.is_authenticated:
        return []
    tools = []
    # One query for both: the meetings they organize and the centers they edit.
    mine = user.organized_meetings.annotate(tool=Value("meeting")).values_list("tool", "slug")
    edited = user.edited_centers.annotate(tool=Value("center")).values_list("tool", "slug")
    rows = sorted(mine.order_by().union(edited.order_by(), all=True))
    meetings = [slug for kind, slug in rows if kind == "meeting"]
    centers = [slug for kind, slug in rows if kind == "center"]
    if meetings:
        url = (
            reverse("events:manage", args=[meetings[0]])
            if len(meetings) == 1
            else reverse("events:my_meetings")
        )
        tools.append({"label": _("My meetings"), "url": url})
    if user.is_staff and is_agency_staff(user):
        tools.append({"label": _("Back office"), "url": reverse("admin:index")})
    if centers:
        tools.append({"label": _("My center"), "url": reverse("centers:edit", args=[centers[0]])})
    return tools
