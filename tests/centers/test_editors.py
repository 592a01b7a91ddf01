"""Center editors edit their own centers through the front end, and nothing else."""

import pytest
from django.utils import timezone

from centers.models import Center, CenterSearch, OpeningHours
from tests.factories import CenterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org")


@pytest.fixture
def own_center(editor):
    center = CenterFactory(name="Own Center")
    center.editors.add(editor)
    return center


def form_data(**changes):
    data = {
        "status": "active",
        "postal_code": "99084",
        "city": "Erfurt",
        "description_de": "Neue Beschreibung mit Sprechstunde.",
        "description_en": "New description.",
        "offers_in_person": "on",
        "step_free_access": "true",
        "hours-2-opens_1": "10:00",
        "hours-2-closes_1": "14:00",
        "closures-TOTAL_FORMS": "0",
        "closures-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_editor_saves_own_center_and_it_is_marked_verified(client, editor, own_center):
    client.force_login(editor)
    assert client.get(f"/en/centers/{own_center.slug}/edit/").status_code == 200
    before = timezone.now()
    response = client.post(f"/en/centers/{own_center.slug}/edit/", form_data())
    assert response.status_code == 302
    own_center.refresh_from_db()
    assert own_center.description_de == "Neue Beschreibung mit Sprechstunde."
    assert own_center.last_verified_at >= before
    assert OpeningHours.objects.get(center=own_center).weekday == 2
    # The search text follows the edit.
    assert "sprechstunde" in CenterSearch.objects.get(center=own_center).document


def test_editor_cannot_open_or_post_another_centers_form(client, editor, own_center):
    other = CenterFactory(name="Other Center")
    client.force_login(editor)
    assert client.get(f"/en/centers/{other.slug}/edit/").status_code == 403
    response = client.post(f"/en/centers/{other.slug}/edit/", form_data(description_de="Hacked"))
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.description_de != "Hacked"
    assert other.last_verified_at is None


def test_logged_in_user_without_a_center_gets_403(client, own_center):
    client.force_login(UserFactory())
    assert client.get(f"/en/centers/{own_center.slug}/edit/").status_code == 403


def test_anonymous_visitor_is_sent_to_login(client, own_center):
    response = client.get(f"/en/centers/{own_center.slug}/edit/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")
    response = client.post(f"/en/centers/{own_center.slug}/edit/", form_data())
    assert response.status_code == 302
    assert Center.objects.get(pk=own_center.pk).last_verified_at is None


def test_invalid_input_shows_errors_and_changes_nothing(client, editor, own_center):
    client.force_login(editor)
    response = client.post(
        f"/en/centers/{own_center.slug}/edit/",
        form_data(postal_code="12", **{"hours-2-closes_1": "09:00"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Five digits, e.g. 99084." in html
    assert "The closing time must be after the opening time." in html
    own_center.refresh_from_db()
    assert own_center.last_verified_at is None
    assert not OpeningHours.objects.filter(center=own_center).exists()


def test_edit_link_is_shown_to_the_centers_editors_only(client, editor, own_center):
    assert "Edit this entry" not in client.get(own_center.get_absolute_url()).content.decode()
    client.force_login(editor)
    assert "Edit this entry" in client.get(own_center.get_absolute_url()).content.decode()
