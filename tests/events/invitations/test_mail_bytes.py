"""What the SMTP server receives: invitations from their meeting's skeleton are byte for byte the
e-mail Django would build for each of them, except where only the full build is exact."""

import re
from email import message_from_bytes, policy

import pytest

from events.models import Invitation
from events.outbox import messages as mail
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def comparable(data: bytes) -> bytes:
    """Without what differs between two builds of one e-mail: the date and the MIME boundaries."""
    data = re.sub(rb"(?m)^Date: [^\r\n]*", b"Date: (now)", data)
    for number, boundary in enumerate(re.findall(rb'boundary="([^"]+)"', data)):
        data = data.replace(boundary, b"boundary-%d" % number)
    return data


def full_build(invitation: Invitation) -> bytes:
    return mail.flatten(mail.build_message(invitation).message())


def test_each_invitation_of_a_meeting_gets_its_own_copy_of_the_skeleton(settings):
    settings.SITE_URL = "https://portal.example"
    meeting = MeetingFactory(title_de="Bundestreffen 2031", title_en="Federal meeting 2031")
    invitees = [
        ("Ada Lovelace", "ada@example.org", "en"),
        ("Jürgen Groß & Söhne <GmbH> 'Büro'", "j.gross@example.org", "de"),
        ("", "team@example.org", "de"),
        ("Zoë", "zoe@bücher.example", "en"),
        ("WpStandInToken", "o'brien@example.org", "en"),
    ]
    for name, email, language in invitees:
        invitation = Invitation.objects.create(
            meeting=meeting, name=name, email=email, language=language
        )
        _, recipients, data = mail.smtp_envelope(invitation)

        assert mail._from_skeleton(invitation, recipients[0]) is not None
        assert comparable(data) == comparable(full_build(invitation))
        received = message_from_bytes(data, policy=policy.default)
        assert received["To"] == recipients[0]
        text = received.get_body(("plain",)).get_content()
        assert f"/invitation/{invitation.token}/accept/" in text
        assert (name or {"en": "Good day", "de": "Guten Tag"}[language]) in text


def test_names_that_would_change_the_encoding_are_built_in_full():
    meeting = MeetingFactory()
    long_quotes = Invitation.objects.create(meeting=meeting, name="'" * 200, email="q@example.org")
    two_lines = Invitation.objects.create(meeting=meeting, name="A\nB", email="ab@example.org")

    for invitation in (long_quotes, two_lines):
        assert mail._from_skeleton(invitation, invitation.email) is None
        assert comparable(mail.smtp_envelope(invitation)[2]) == comparable(full_build(invitation))
    assert b"quoted-printable" in mail.smtp_envelope(long_quotes)[2]
