from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from partners.models import Cooperation
from welcome_portal.pagecache import DIRECTORY, part_name, per_version_value

register = template.Library()


@register.simple_tag
def center_partners(center):
    """The block of `center`'s cooperations with active partners: one query, rendered once
    per language and version of the directory (a partner's or cooperation's save makes a new
    one) and kept on the shared cache."""

    def render() -> str:
        cooperations = list(Cooperation.objects.for_center(center))
        return render_to_string(
            "partners/includes/center_partners_list.html", {"cooperations": cooperations}
        )

    return per_version_value(
        DIRECTORY, part_name("center-partners", get_language(), center.pk), render
    )
