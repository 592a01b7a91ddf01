"""Hypothesis profiles of the fuzz suite: `ci` (the default, a few thousand cases in all, about
two minutes) and `long` (`make fuzz`: 100,000 cases), chosen by HYPOTHESIS_PROFILE.

Every test here spreads the profile's cases over its targets (URLs, forms), so that the total
stays what the profile says whatever the number of pages.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

COMMON = {
    "deadline": None,
    "derandomize": False,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
# Cases per test; nine tests share them: 2,700 in CI, 100,800 with `make fuzz`.
settings.register_profile("ci", max_examples=300, **COMMON)
settings.register_profile("long", max_examples=11_200, **COMMON)
# A run of another size: FUZZ_CASES=1000 HYPOTHESIS_PROFILE=sized (cases per property).
settings.register_profile("sized", max_examples=int(os.environ.get("FUZZ_CASES", "300")), **COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _quiet_request_log(caplog):
    """Expected 404s and 429s would fill the output; 5xx fail the test instead."""
    caplog.set_level("CRITICAL", logger="django.request")
