"""One center's page: everything a visitor needs, opening hours, vCard, map, consent rule."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest

from centers.hours import opening_status
from centers.models import Center, ContactPerson
from tests.factories import CenterFactory, OpeningHoursFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def thuringia(demo_centers):
    return Center.objects.get(slug="welcome-center-thuringia")


def test_center_page_shows_host_address_services_languages_and_hours(client, thuringia):
    html = client.get("/en/centers/welcome-center-thuringia/").content.decode()
    assert html.count("<h1") == 1
    assert "ThAFF" in html
    assert "Mainzerhofstraße 10" in html
    assert "99084 Erfurt" in html
    assert "Recognition of qualifications" in html
    assert '<span lang="ar">Arabic</span>' in html
    assert "09:00\N{EN DASH}12:00, 13:00\N{EN DASH}16:00" in re.sub(r"<[^>]+>", "", html)
    assert "by appointment only" in html
    assert 'href="/en/centers/welcome-center-thuringia/vcard/"' in html
    assert 'href="#map"' in html
    assert 'id="map-markers"' in html


def test_center_page_in_german(client, thuringia):
    html = client.get("/de/centers/welcome-center-thuringia/").content.decode()
    assert "Öffnungszeiten" in html
    assert "Anerkennung ausländischer Berufsqualifikationen" in html
    assert "Montag" in html
    assert "Kontakt speichern (vCard)" in html


def test_contact_persons_appear_only_with_consent(client, thuringia):
    ContactPerson.objects.create(center=thuringia, name="Hidden Person", publication_consent=False)
    html = client.get(thuringia.get_absolute_url()).content.decode()
    assert "Anna Beispiel" in html
    assert "Hidden Person" not in html


def test_open_now_follows_berlin_time():
    center = CenterFactory()
    OpeningHoursFactory(center=center, weekday=0, opens="09:00", closes="12:00")
    center = Center.objects.prefetch_related("opening_hours").get(pk=center.pk)
    monday_10_berlin = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)
    assert opening_status(center, now=monday_10_berlin).open_now
    # 11:30 UTC is 12:30 in Berlin in winter: closed.
    monday_1130_utc = datetime.datetime(2026, 11, 23, 11, 30, tzinfo=datetime.UTC)
    assert not opening_status(center, now=monday_1130_utc).open_now
    center.status = Center.Status.TEMPORARILY_CLOSED
    assert not opening_status(center, now=monday_10_berlin).open_now


def test_vcard_download_carries_the_contact_details(client, thuringia):
    response = client.get("/en/centers/welcome-center-thuringia/vcard/")
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="welcome-center-thuringia.vcf"' in response["Content-Disposition"]
    card = response.content.decode()
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "FN:Welcome Center Thuringia" in card
    assert "ADR;TYPE=WORK:;;Mainzerhofstraße 10;Erfurt;Thüringen;99084;Germany" in card
    assert "EMAIL;TYPE=INTERNET:info@welcome-center-thuringia.example.org" in card


def test_unknown_center_is_a_404(client, db):
    assert client.get("/en/centers/no-such-center/").status_code == 404
    assert client.get("/en/centers/no-such-center/vcard/").status_code == 404


def test_regions_overview_counts_centers_per_state(client, demo_centers):
    html = client.get("/en/regions/").content.decode()
    assert html.count('<tr class="kern-table__row"><th scope="row"') == 16
    thuringia_row = re.search(r'href="/en/regions/DE-TH/">Thuringia</a></th><td[^>]*>(\d+)<', html)
    assert thuringia_row.group(1) == "2"
    region = client.get("/de/regions/DE-TH/").content.decode()
    assert "Welcome Center in Thüringen" in region
    assert "Welcome Center der Universität Jena" in region
    assert "Welcome Center Bayern" not in region
    assert client.get("/en/regions/DE-XX/").status_code == 404


def test_center_page_includes_the_partners_block(client, thuringia):
    response = client.get(thuringia.get_absolute_url())
    assert "partners/center_partners.html" in [t.name for t in response.templates]


def test_center_page_describes_the_center_as_schema_org_json_ld(client, demo_centers):
    html = client.get("/en/centers/welcome-center-thuringia/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "GovernmentOffice"
    assert data["name"] == "Welcome Center Thuringia"
    assert data["alternateName"] == ["WCT", "Welcome Center Thüringen"]
    assert data["address"]["postalCode"] == "99084"
    assert data["address"]["addressCountry"] == "DE"
    assert data["geo"]["latitude"] > 50
    assert data["contactPoint"]["email"] == "info@welcome-center-thuringia.example.org"
    assert {
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "12:00",
        "@type": "OpeningHoursSpecification",
    } in data["openingHoursSpecification"]
    university = client.get("/en/centers/welcome-center-jena-university/").content.decode()
    assert '"@type": "Organization"' in university


def test_center_page_puts_phone_and_e_mail_first_and_says_when_it_was_checked(client, demo_centers):
    html = client.get("/en/centers/welcome-center-thuringia/").content.decode()
    quick = html.index("center-quick-contact")
    assert html.index('href="tel:+493610000000"') > quick
    assert quick < html.index('id="contact-heading"')
    assert "Last checked on 16 November 2026." in html or "Last checked on Nov. 16, 2026." in html
    german = client.get("/de/centers/welcome-center-thuringia/").content.decode()
    assert "Zuletzt geprüft am 16. November 2026." in german


def test_json_ld_cannot_end_its_script_element(client, demo_centers):
    from centers.models import Center

    Center.objects.filter(slug="welcome-center-thuringia").update(
        description_en="</script><script>alert(1)</script>"
    )
    html = client.get("/en/centers/welcome-center-thuringia/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert "\\u003c/script\\u003e" in html


def test_map_shows_nothing_without_javascript_and_marks_the_responsible_center(
    client, demo_centers
):
    html = client.get("/en/centers/", {"q": "Jena"}).content.decode()
    assert '<div class="portal-map__controls" data-map-controls hidden>' in html
    markers = json.loads(re.search(r'id="map-markers"[^>]*>(.*?)</script>', html).group(1))
    assert markers[0]["role"] == "place"
    assert markers[0]["name"] == "Jena"
    responsible = [m for m in markers if m.get("role") == "responsible"]
    assert [m["name"] for m in responsible] == ["Welcome Center Thuringia"]
    assert responsible[0]["address"] == "99084 Erfurt"


@pytest.mark.parametrize(
    ("region", "shown"),
    [("Bavaria", "Bavaria"), ("Greater Munich", "Greater Munich \u2013 Bavaria")],
)
def test_region_served_names_a_state_once_when_the_region_is_that_state(client, region, shown):
    from centers.models import State

    center = CenterFactory(region_served_en=region)
    center.served_states.set([State.objects.get(code="DE-BY")])

    html = client.get(f"/en/centers/{center.slug}/").content.decode()

    served = re.search(r"Region served</dt><dd[^>]*>(.*?)</dd>", html).group(1)
    assert served == shown
