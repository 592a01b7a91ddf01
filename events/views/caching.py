"""Pages and files with personal data are never stored by a browser or a proxy cache."""

from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control

private = cache_control(private=True, no_store=True)
private_view = method_decorator(private, name="dispatch")
