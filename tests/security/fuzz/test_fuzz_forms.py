"""Every public and organizer form, POSTed with generated values: never a 5xx, and a refused
input changes nothing (the rows of every table that a form writes stay as they were)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import PersonalDataAccess
from events.models import Invitation, Meeting, OutboxMessage, Registration
from tests.factories import InvitationFactory, MeetingFactory, OrganizerFactory, RegistrationFactory

from .strategies import NASTY, text

WRITTEN = (Registration, Invitation, OutboxMessage, Meeting)


def snapshot() -> dict:
    """Row counts, and each registration's and invitation's state."""
    return {
        "counts": {model.__name__: model.objects.count() for model in WRITTEN},
        "registrations": sorted(
            Registration.objects.values_list("pk", "status", "attendance_mode", "name")
        ),
        "invitations": sorted(Invitation.objects.values_list("pk", "status")),
    }


@pytest.fixture
def world(db):
    meeting = MeetingFactory(registration_mode="open", onsite_seats=1000, online_seats=1000)
    organizer = OrganizerFactory()
    meeting.organizers.add(organizer)
    registration = RegistrationFactory(meeting=meeting)
    invitation = InvitationFactory(meeting=meeting)
    return meeting, organizer, registration, invitation


def values(fields: list[str]):
    """A POST body: some of the form's fields (each generated), maybe an unknown one."""
    body = st.fixed_dictionaries(
        {}, optional={f: st.one_of(text, st.lists(text, max_size=3)) for f in fields}
    )
    return st.tuples(body, st.dictionaries(st.text(max_size=8), text, max_size=2)).map(
        lambda pair: {**pair[1], **pair[0]}
    )


def clean(body: dict) -> dict:
    """The test client cannot send NUL in a field name (the server would get it encoded)."""
    return {k.replace("\x00", ""): v for k, v in body.items()}


PUBLIC_FORMS = {
    "register": (
        "/en/events/{slug}/register/",
        [
            "name",
            "email",
            "organisation",
            "attendance_mode",
            "accessibility_needs",
            "privacy_consent",
            "listing_consent",
            "website",
            "center",
            "partner",
        ],
    ),
    "accept": (
        "/en/events/invitation/{invitation}/accept/",
        [
            "name",
            "organisation",
            "attendance_mode",
            "accessibility_needs",
            "privacy_consent",
            "listing_consent",
        ],
    ),
    "decline": ("/en/events/invitation/{invitation}/decline/", []),
    "mode": ("/en/events/invitation/{token}/mode/", ["attendance_mode"]),
    "cancel": ("/en/events/invitation/{token}/cancel/", []),
    "withdraw": ("/en/events/invitation/{token}/withdraw-listing/", []),
}
ORGANIZER_FORMS = {
    "add": (
        "/en/events/{slug}/manage/add/",
        ["name", "email", "organisation", "attendance_mode", "language"],
    ),
    "import": ("/en/events/{slug}/manage/import/", ["text", "confirm"]),
    "status": ("/en/events/{slug}/manage/registrations/{pk}/status/", ["status"]),
    "check-in": ("/en/events/{slug}/manage/check-in/", ["pk"]),
    "invitations": (
        "/en/events/{slug}/manage/invitations/",
        ["text", "all_centers", "goethe_countries", "last_year", "centers", "partners", "confirm"],
    ),
}


def url_of(pattern: str, world) -> str:
    meeting, _organizer, registration, invitation = world
    return pattern.format(
        slug=meeting.slug, token=registration.token, invitation=invitation.token, pk=registration.pk
    )


def post_and_check(client, url: str, body: dict, files: dict | None = None):
    before = snapshot()
    response = client.post(url, {**clean(body), **(files or {})})
    assert response.status_code < 500, (url, body)
    # A refusal (the form shown again with its errors, a 404, 405 or 429) leaves every row as
    # it was.
    refused = response.status_code >= 400 or b'id="form-errors"' in response.content
    if refused:
        assert snapshot() == before, (url, body, response.status_code)
    return response


def test_public_forms_with_generated_values_never_5xx_and_refusals_change_nothing(client, world):
    client.raise_request_exception = False
    forms = st.sampled_from(sorted(PUBLIC_FORMS)).flatmap(
        lambda name: st.tuples(st.just(name), values(PUBLIC_FORMS[name][1]))
    )

    @given(form=forms)
    def check(form):
        name, body = form
        post_and_check(client, url_of(PUBLIC_FORMS[name][0], world), body)

    check()


def test_organizer_forms_with_generated_values_never_5xx_and_refusals_change_nothing(client, world):
    client.raise_request_exception = False
    client.force_login(world[1])
    forms = st.sampled_from(sorted(ORGANIZER_FORMS)).flatmap(
        lambda name: st.tuples(st.just(name), values(ORGANIZER_FORMS[name][1]))
    )

    @given(form=forms)
    def check(form):
        name, body = form
        post_and_check(client, url_of(ORGANIZER_FORMS[name][0], world), body)

    check()


csv_rows = st.lists(
    st.lists(
        st.one_of(text, st.emails(), st.sampled_from(["on_site", "online", "de", "en"])), max_size=6
    ),
    max_size=8,
)


@st.composite
def files(draw):
    """A CSV as people (and attackers) save it: any delimiter, encoding, NUL, huge fields."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = draw(csv_rows)
    body = "\n".join(delimiter.join(cells) for cells in rows)
    if draw(st.booleans()):
        body += draw(st.sampled_from(["\x00", '"unclosed', "x" * 140_000, "\r\r\n", "\ufeff"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return body.encode(encoding, errors="replace")


@pytest.mark.parametrize("form", ["import", "invitations"])
def test_uploaded_files_never_5xx_and_a_refused_file_changes_nothing(client, world, form):
    client.raise_request_exception = False
    client.force_login(world[1])
    field = {"import": "file", "invitations": "upload"}[form]
    url = url_of(ORGANIZER_FORMS[form][0], world)

    @given(content=files(), confirm=st.booleans())
    def check(content, confirm):
        upload = SimpleUploadedFile("people.csv", content, content_type="text/csv")
        post_and_check(client, url, {"confirm": "1"} if confirm else {}, {field: upload})

    check()


def test_nasty_values_are_covered():
    assert "\x00" in NASTY
    assert any(v.startswith("=") for v in NASTY)
    assert PersonalDataAccess  # organizer reads are logged, never a write that matters here
