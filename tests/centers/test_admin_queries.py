"""The back office's lists run a fixed number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import roles
from tests.factories import CenterFactory, PartnerFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/centers/center/",
    "/admin/centers/center/?verification=stale",
    "/admin/partners/partner/",
    "/admin/partners/partner/?verification=stale",
    "/admin/partners/partner/dashboard/",
]


def add_entries(count: int, start: int):
    verifier = UserFactory(email=f"verifier{start}@example.org")
    for n in range(start, start + count):
        CenterFactory(name=f"Center {n:03d}", verified_by=verifier)
        PartnerFactory(name=f"Partner {n:03d}", verified_by=verifier)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", PAGES)
def test_admin_list_queries_do_not_grow_with_the_rows(client, url):
    client.force_login(StaffFactory(role=roles.AGENCY_STAFF, email="staff@example.org"))
    add_entries(3, 0)
    queries(client, url)  # warm caches (content types, sessions)
    small = queries(client, url)
    add_entries(40, 3)
    assert queries(client, url) == small
    assert small <= 20
