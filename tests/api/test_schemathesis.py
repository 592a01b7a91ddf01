"""Property-based tests of the live API against its own OpenAPI schema (schemathesis).

The schema is fetched from pytest-django's live server, and every operation in it gets
generated requests, valid and invalid ones: no answer may be a server error, and every answer
must match the schema (status, content type, headers, body). Bounded (EXAMPLES per operation,
derandomized), so that CI runs it in well under a minute.

One check is left out: `positive_data_acceptance` expects a 2xx for every request the schema
allows, but a well-formed place that no gazetteer knows (`near=Xyzzy`) is, by design, a 400
naming the parameter and close spellings, and so is a date-time before year 1 after time-zone
shifts. Everything else (server errors, status codes, content types, bodies, rejection of
invalid input) is checked.

schemathesis' own pytest integration (`from_fixture`) does not work with pytest 9 yet, so the
test drives each operation's Hypothesis strategy itself.
"""

import io
import os

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from events.models import Meeting
from tests.factories import RegistrationFactory

# Per operation; API_FUZZ_EXAMPLES=200 for a longer hunt on a developer's machine.
EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "20"))
PARTICIPANT_EMAIL = "fuzzed.participant@example.net"
OPERATIONS = {
    "/api/v1/",
    "/api/v1/centers/",
    "/api/v1/centers/{id}/",
    "/api/v1/centers.csv",
    "/api/v1/centers.geojson",
    "/api/v1/partners/",
    "/api/v1/partners/{id}/",
    "/api/v1/partners.csv",
    "/api/v1/partners.geojson",
    "/api/v1/meetings/",
    "/api/v1/meetings/{id}/",
}


@pytest.fixture
def live_schema(django_db_serialized_rollback, transactional_db, live_server):
    call_command("seed_demo", stdout=io.StringIO())
    upcoming = Meeting.objects.public().upcoming().first()
    RegistrationFactory(meeting=upcoming, email=PARTICIPANT_EMAIL, name="Fuzzy Participant")
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/?format=json")


def shows_no_participant(ctx, response, case):
    """Whatever the query, no answer carries a participant's data."""
    text = response.text or ""
    if PARTICIPANT_EMAIL in text or "Fuzzy Participant" in text:
        raise AssertionError("a participant's data is in the answer")


def fuzz(operation) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(
            additional_checks=[shows_no_participant], excluded_checks=[positive_data_acceptance]
        )

    run()


@pytest.mark.slow
def test_every_answer_matches_the_schema_and_none_is_a_server_error(live_schema):
    operations = {op.path: op for op in (r.ok() for r in live_schema.get_all_operations())}
    assert set(operations) == OPERATIONS
    failures = []
    for path, operation in sorted(operations.items()):
        try:
            fuzz(operation)
        except Exception as exc:  # every operation runs; the report names each failing one
            failures.append(f"GET {path}:\n{exc}")
    assert not failures, "\n\n".join(failures)
