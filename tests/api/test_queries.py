"""Every list endpoint runs the same number of queries for 5 and for 50 rows."""

import pytest

from centers.models import ContactPerson, Language, OpeningHours, Service, State
from partners.models import ContactPerson as PartnerContact
from partners.models import Cooperation
from tests.factories import (
    CenterFactory,
    MeetingFactory,
    PartnerFactory,
    SessionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def make_centers(count: int):
    services, languages = list(Service.objects.all()[:2]), list(Language.objects.all()[:2])
    bavaria = State.objects.get(code="DE-BY")
    centers = CenterFactory.create_batch(count, services=services, languages=languages)
    for center in centers:
        center.served_states.add(bavaria)
        OpeningHours.objects.create(center=center, weekday=1, opens="09:00", closes="12:00")
        ContactPerson.objects.create(center=center, name="Ada", publication_consent=True)
    return centers


def make_partners(count: int):
    center = CenterFactory()
    topics = TopicFactory.create_batch(2)
    parent = PartnerFactory(name="Goethe-Institut Zentrale")
    for partner in PartnerFactory.create_batch(count - 1, parent=parent, topics=topics):
        Cooperation.objects.create(partner=partner, center=center)
        PartnerContact.objects.create(partner=partner, name="Bo", publication_consent=True)


def make_meetings(count: int):
    host = CenterFactory()
    for meeting in MeetingFactory.create_batch(count, host_center=host):
        for session in SessionFactory.create_batch(2, meeting=meeting):
            session.topics.set(TopicFactory.create_batch(1))


# (url, how to make n rows, queries): the figures are pinned, so a new N+1 fails here.
ENDPOINTS = [
    ("/api/v1/centers/?page_size=200", make_centers, 11),  # with closures
    ("/api/v1/centers/?page_size=200&near=Erfurt&service=recognition", make_centers, 11),
    ("/api/v1/centers.csv", make_centers, 6),
    ("/api/v1/centers.geojson", make_centers, 6),
    ("/api/v1/partners/?page_size=200", make_partners, 5),
    ("/api/v1/partners.csv", make_partners, 2),
    ("/api/v1/partners.geojson", make_partners, 2),
    ("/api/v1/meetings/?page_size=200", make_meetings, 5),
]


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize(("url", "make", "queries"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_list_endpoints_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, url, make, queries, rows
):
    make(rows)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    if "?" in url and "near" not in url:
        assert response.json()["count"] >= rows
