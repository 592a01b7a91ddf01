"""Every URL of the portal, for every kind of visitor → the expected answer.

The URLs come from the resolver: a new page that is not in EXPECTED fails the test, so nobody
can add a page and forget to decide who may see it. Participants' e-mail addresses may appear
only in the answers of the meeting's organizers, agency staff and the participant themself.
"""

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.translation import override

from accounts import roles
from tests.factories import (
    CenterFactory,
    MeetingFactory,
    OrganizerFactory,
    PartnerFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

ROLES = ("anonymous", "participant", "editor", "other_organizer", "organizer", "staff")
PARTICIPANT_EMAIL = "private.person@example.net"


def row(anonymous, participant, editor, other_organizer, organizer, staff):
    return dict(
        zip(ROLES, (anonymous, participant, editor, other_organizer, organizer, staff), strict=True)
    )


PUBLIC = row(200, 200, 200, 200, 200, 200)
MANAGE_GET = row(302, 302, 403, 403, 200, 200)
MANAGE_POST_ONLY = row(302, 302, 403, 403, 405, 405)
# Token pages: the token is the credential. "anonymous" tries a made-up token.
TOKEN_GET = row(404, 200, 200, 200, 200, 200)
TOKEN_POST_ONLY = row(404, 405, 405, 405, 405, 405)

EXPECTED = {
    "healthz": PUBLIC,
    "sitemap": PUBLIC,
    "metrics": PUBLIC,  # the test client is on loopback; tests/portal/test_metrics.py: token
    "switch_language": row(302, 302, 302, 302, 302, 302),
    "signup_refused": row(403, 403, 403, 403, 403, 403),
    "home": PUBLIC,
    "accessibility": PUBLIC,
    "privacy": PUBLIC,
    "imprint": PUBLIC,
    "easy_read": PUBLIC,
    "feedback:barrier_report": PUBLIC,
    "feedback:barrier_thanks": PUBLIC,
    "centers:list": PUBLIC,
    "centers:detail": PUBLIC,
    "centers:vcard": PUBLIC,
    "centers:edit": row(302, 302, 200, 403, 403, 403),
    "regions:list": PUBLIC,
    "regions:detail": PUBLIC,
    "partners:list": PUBLIC,
    "partners:detail": PUBLIC,
    "events:list": PUBLIC,
    "events:detail": PUBLIC,
    "events:calendar": PUBLIC,
    "events:resend_link": PUBLIC,
    "events:my_meetings": row(302, 302, 200, 200, 200, 200),
    "events:register": PUBLIC,
    "events:personal": TOKEN_GET,
    "events:personal_cancel": TOKEN_POST_ONLY,
    "events:personal_mode": TOKEN_POST_ONLY,
    "events:personal_withdraw_listing": TOKEN_POST_ONLY,
    "events:personal_erase": TOKEN_POST_ONLY,
    "events:personal_data": TOKEN_GET,
    "events:personal_qr": TOKEN_GET,
    "events:invitation_accept": TOKEN_GET,
    "events:invitation_decline": TOKEN_GET,
    "events:manage": MANAGE_GET,
    "events:manage_add": MANAGE_GET,
    "events:manage_import": MANAGE_GET,
    "events:manage_status": MANAGE_POST_ONLY,
    "events:manage_export_csv": MANAGE_GET,
    "events:manage_export_xlsx": MANAGE_GET,
    "events:manage_checkin": MANAGE_GET,
    "events:manage_checkin_person": MANAGE_GET,
    "events:manage_copy": MANAGE_POST_ONLY,
    "events:manage_badges": MANAGE_GET,
    "events:manage_invitations": MANAGE_GET,
    "events:manage_invitations_progress": MANAGE_GET,
    "events:manage_invitations_resend_failed": MANAGE_POST_ONLY,
    "events:manage_invitations_remind": MANAGE_POST_ONLY,
    # The open-data API has no accounts: everyone reads it alike.
    "api:root": PUBLIC,
    "api:schema": PUBLIC,
    "api:docs": PUBLIC,
    "api:center-list": PUBLIC,
    "api:center-csv": PUBLIC,
    "api:center-geojson": PUBLIC,
    "api:center-detail": PUBLIC,
    "api:partner-list": PUBLIC,
    "api:partner-csv": PUBLIC,
    "api:partner-geojson": PUBLIC,
    "api:partner-detail": PUBLIC,
    "api:meeting-list": PUBLIC,
    "api:meeting-detail": PUBLIC,
}
# Where a participant's e-mail address may appear (besides the participant's own token pages).
SHOWS_PARTICIPANTS = {
    "events:manage",
    "events:manage_export_csv",
    "events:manage_export_xlsx",
    "events:manage_checkin",
    "events:manage_checkin_person",
    "events:manage_invitations",
}
OWN_DATA = {"events:personal", "events:personal_data"}
PARTICIPANT_DATA_ADMIN = {"events.registration", "events.invitation"}
AGENCY_ADMIN_APPS = {"centers", "partners", "events", "feedback"}
# Agency staff also invite people: they keep the accounts (never a superuser's).
AGENCY_ADMIN_MODELS = {"accounts.user"}


def portal_urls(patterns=None, namespace=""):
    """(name, parameter names) of every page outside the admin and allauth."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin" or "allauth" in str(pattern.urlconf_name):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from portal_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", set(getattr(pattern.pattern, "converters", {}))


@pytest.fixture
def world(db):
    from events.models import Invitation, Registration

    people = {
        "editor": UserFactory(email="editor@example.org", role=roles.CENTER_EDITORS),
        "other_organizer": OrganizerFactory(email="other.organizer@example.org"),
        "organizer": OrganizerFactory(email="organizer@example.org"),
        "staff": StaffFactory(email="staff@example.org"),
    }

    center = CenterFactory()
    center.editors.add(people["editor"])
    partner = PartnerFactory()
    meeting = MeetingFactory(registration_mode="open")
    meeting.organizers.add(people["organizer"])
    MeetingFactory().organizers.add(people["other_organizer"])
    registration = RegistrationFactory(
        meeting=meeting, email=PARTICIPANT_EMAIL, status=Registration.Status.CONFIRMED
    )
    invitation = Invitation.objects.create(
        meeting=meeting, email="invitee@example.net", name="Invitee", language="en"
    )
    values = {
        "centers": {"slug": center.slug},
        "partners": {"slug": partner.slug},
        "regions": {"code": center.state.code},
        "events": {"slug": meeting.slug, "pk": registration.pk, "token": registration.token},
        "": {"code": "en"},
        "api:center-detail": {"id": center.slug},
        "api:partner-detail": {"id": partner.slug},
        "api:meeting-detail": {"id": meeting.slug},
    }
    tokens = {
        "registration": registration.token,
        "invitation": invitation.token,
        "checkin": registration.checkin_token,
    }
    return people, values, tokens


def url_for(name: str, params: set, values: dict, tokens: dict, role: str) -> str:
    namespace = name.split(":")[0] if ":" in name else ""
    source = values.get(name) or values.get(namespace, {})  # a URL may need its own values
    kwargs = {key: source[key] for key in params}
    if name.startswith("events:invitation_"):
        kwargs["token"] = tokens["invitation"]
    if name == "events:manage_checkin_person":
        kwargs["token"] = tokens["checkin"]
    elif "token" in kwargs and role == "anonymous":
        kwargs["token"] = "not-a-valid-token"
    with override("en"):
        url = reverse(name, kwargs=kwargs or None)
    return url + ("?next=/de/" if name == "switch_language" else "")


def client_for(client, people, role):
    if role in people:
        client.force_login(people[role])
    return client


def test_every_page_has_an_expectation():
    missing = {name for name, _ in portal_urls()} - set(EXPECTED)
    assert not missing, f"pages without a permission expectation: {sorted(missing)}"


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    people, values, tokens = world
    client = client_for(client, people, role)
    wrong = []
    for name, params in portal_urls():
        url = url_for(name, params, values, tokens, role)
        response = client.get(url)
        if response.status_code != EXPECTED[name][role]:
            wrong.append(f"{url}: {response.status_code}, expected {EXPECTED[name][role]}")
        shows_email = PARTICIPANT_EMAIL in response.content.decode(errors="replace")
        allowed = (name in SHOWS_PARTICIPANTS and role in ("organizer", "staff")) or (
            name in OWN_DATA and role != "anonymous"
        )
        if shows_email and not allowed:
            wrong.append(f"{url}: shows a participant's e-mail to {role}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ROLES)
def test_admin_matrix(client, world, role):
    people, _values, _tokens = world
    client = client_for(client, people, role)
    # Everyone but staff is sent to the admin login, which is allauth's (403 when logged in).
    expected_index = {"staff": 200}
    assert client.get("/admin/").status_code == expected_index.get(role, 302)
    wrong = []
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        if role == "staff":
            allowed = (
                model._meta.app_label in AGENCY_ADMIN_APPS
                or model._meta.label_lower in AGENCY_ADMIN_MODELS
            )
            expected = 200 if allowed else 403
        else:
            expected = expected_index.get(role, 302)
        if response.status_code != expected:
            wrong.append(f"{url}: {response.status_code}, expected {expected}")
        if PARTICIPANT_EMAIL in response.content.decode(errors="replace") and not (
            role == "staff" and model._meta.label_lower in PARTICIPANT_DATA_ADMIN
        ):
            wrong.append(f"{url}: shows a participant's e-mail to {role}")
    assert not wrong, "\n".join(wrong)
