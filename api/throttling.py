"""Anonymous clients throttled per address on the shared cache (Redis when REDIS_URL is set)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class OpenDataThrottle(AnonRateThrottle):
    """`API_RATE_LIMIT` read at each request, so that a test or a deployment can change it.

    Every API client is anonymous (the API has no authentication), so every client counts.
    """

    scope = "open-data"

    def get_rate(self):
        rate = settings.API_RATE_LIMIT
        return None if rate == "off" else rate

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
