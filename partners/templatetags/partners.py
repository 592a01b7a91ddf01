from django import template

from partners.models import Cooperation

register = template.Library()


@register.simple_tag
def center_cooperations(center):
    """The cooperations of `center` with active partners, evaluated once (one query)."""
    return list(Cooperation.objects.for_center(center))
