"""The e-mails name the meeting so that the sentence is grammatical for any title: the title
stands on its own in quotation marks after "our meeting" / "unserer Veranstaltung"."""

import pytest
from django.utils.html import strip_tags

from events.models import Invitation, OutboxMessage
from events.outbox.messages import build_message
from tests.factories import MeetingFactory, OutboxMessageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

# A title that needs an article in both languages ("the Federal meeting", "zum Bundestreffen").
TITLES = {"de": "Bundestreffen der Welcome Center 2027", "en": "Federal meeting of 2027"}
INVITED = {
    "de": "wir freuen uns, Sie zu unserer Veranstaltung „Bundestreffen der Welcome Center 2027“"
    " einzuladen.",
    "en": "we are pleased to invite you to our meeting “Federal meeting of 2027”.",
}
REMINDED = {
    "de": "Sie sind zu unserer Veranstaltung „Bundestreffen der Welcome Center 2027“ eingeladen.",
    "en": "you are invited to our meeting “Federal meeting of 2027”.",
}
SOON = {
    "de": "Unsere Veranstaltung „Bundestreffen der Welcome Center 2027“ beginnt bald.",
    "en": "Our meeting “Federal meeting of 2027” begins soon.",
}


@pytest.fixture
def meeting():
    return MeetingFactory(title_de=TITLES["de"], title_en=TITLES["en"])


def texts(message) -> list[str]:
    """The plain text and the HTML's text, each with its lines joined (the HTML wraps)."""
    html = strip_tags(message.alternatives[0].content)
    return [" ".join(message.body.split()), " ".join(html.split())]


@pytest.mark.parametrize("language", ["de", "en"])
def test_invitation_invites_to_our_meeting_with_the_title_in_quotes(meeting, language):
    invitation = Invitation.objects.create(
        meeting=meeting, email="a@example.org", language=language
    )

    message = build_message(invitation)

    for text in texts(message):
        assert INVITED[language] in text
    assert (
        message.subject == {"de": "Einladung: ", "en": "Invitation: "}[language] + TITLES[language]
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_reminder_to_answer_names_our_meeting_in_text_html_and_subject(meeting, language):
    invitation = Invitation.objects.create(
        meeting=meeting, email="a@example.org", language=language
    )
    row = OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.INVITATION_REMINDER,
        meeting=meeting,
        invitation=invitation,
        email=invitation.email,
        language=language,
    )

    message = build_message(row)

    for text in texts(message):
        assert REMINDED[language] in text
    prefix = {"de": "Erinnerung an Ihre Einladung: ", "en": "Reminder of your invitation: "}
    assert message.subject == prefix[language] + TITLES[language]


@pytest.mark.parametrize("language", ["de", "en"])
def test_reminder_before_the_meeting_and_notices_read_as_sentences(meeting, language):
    registration = RegistrationFactory(meeting=meeting, language=language)
    soon = OutboxMessageFactory(
        registration=registration, kind=OutboxMessage.Kind.PARTICIPANT_REMINDER, language=language
    )
    notice = OutboxMessageFactory(registration=registration, kind="confirmed", language=language)

    for text in texts(build_message(soon)):
        assert SOON[language] in text
    confirmed = {"de": "Ihre Anmeldung ist bestätigt.", "en": "Your registration is confirmed."}
    for text in texts(build_message(notice)):
        assert confirmed[language] in text
