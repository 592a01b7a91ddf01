"""The list readers and the participant import with generated text and files: every input is
either read or refused with a message (ValidationError), and a refused import writes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given

from events.models import Registration
from events.services import RegistrationError
from events.services.invitees import parse_list
from events.services.participants_import import parse_participants, participants_import
from events.services.people_lists import read_people, read_upload
from tests.factories import MeetingFactory, OrganizerFactory

from .strategies import text
from .test_fuzz_forms import files


def test_list_reader_reads_or_reports_any_text():
    @given(body=text, column=text.map(len).map(lambda n: n % 4))
    def check(body, column):
        _lines, errors = read_people(body, email_column=column)
        assert all(isinstance(message, str) for message in errors)
        parse_list(body)

    check()


def test_upload_reader_reads_or_refuses_any_file():
    @given(content=files())
    def check(content):
        try:
            read_people(read_upload(SimpleUploadedFile("x.csv", content)))
        except ValidationError as error:
            messages = error.messages
            assert messages

    check()


@pytest.mark.django_db
def test_participant_import_writes_all_rows_or_none():
    meeting = MeetingFactory(onsite_seats=10_000, online_seats=10_000)
    organizer = OrganizerFactory()

    @given(content=files())
    def check(content):
        try:
            body = read_upload(SimpleUploadedFile("x.csv", content))
        except ValidationError:
            return
        rows = parse_participants(body, meeting=meeting)
        before = Registration.objects.count()
        if not rows or any(row.errors for row in rows):
            return
        try:
            created = participants_import(meeting=meeting, rows=rows, registered_by=organizer)
        except (RegistrationError, ValidationError):
            assert Registration.objects.count() == before
        else:
            assert Registration.objects.count() == before + len(created) == before + len(rows)
        Registration.objects.filter(meeting=meeting).delete()

    check()
