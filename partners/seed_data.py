"""Demo partners: real places, approximate coordinates, invented contact details left out."""

from dataclasses import dataclass

from django.utils.text import slugify


@dataclass(frozen=True)
class PartnerSpec:
    slug: str
    name: str
    kind: str
    country: str
    city: str
    latitude: float
    longitude: float
    topics: tuple[str, ...]
    description_de: str
    description_en: str
    parent: str = ""
    location_type: str = ""
    address: str = ""
    website: str = ""
    cooperation: str = "information"


GOETHE = "goethe-institut"

# country, city, latitude, longitude, location type
GOETHE_BRANCHES = [
    ("MX", "Mexico City", 19.4326, -99.1332, "institute"),
    ("BR", "São Paulo", -23.5505, -46.6333, "regional_institute"),
    ("AR", "Buenos Aires", -34.6037, -58.3816, "institute"),
    ("CL", "Santiago de Chile", -33.4489, -70.6693, "institute"),
    ("CO", "Bogotá", 4.7110, -74.0721, "institute"),
    ("PE", "Lima", -12.0464, -77.0428, "institute"),
    ("US", "Washington", 38.9072, -77.0369, "regional_institute"),
    ("CA", "Toronto", 43.6532, -79.3832, "institute"),
    ("IN", "New Delhi", 28.6139, 77.2090, "regional_institute"),
    ("PK", "Karachi", 24.8607, 67.0011, "institute"),
    ("BD", "Dhaka", 23.8103, 90.4125, "institute"),
    ("LK", "Colombo", 6.9271, 79.8612, "institute"),
    ("ID", "Jakarta", -6.2088, 106.8456, "regional_institute"),
    ("VN", "Hanoi", 21.0278, 105.8342, "institute"),
    ("PH", "Manila", 14.5995, 120.9842, "institute"),
    ("TH", "Bangkok", 13.7563, 100.5018, "institute"),
    ("CN", "Beijing", 39.9042, 116.4074, "regional_institute"),
    ("JP", "Tokyo", 35.6762, 139.6503, "institute"),
    ("KR", "Seoul", 37.5665, 126.9780, "institute"),
    ("AU", "Sydney", -33.8688, 151.2093, "institute"),
    ("EG", "Cairo", 30.0444, 31.2357, "regional_institute"),
    ("MA", "Rabat", 34.0209, -6.8416, "institute"),
    ("TN", "Tunis", 36.8065, 10.1815, "institute"),
    ("JO", "Amman", 31.9454, 35.9284, "institute"),
    ("TR", "Istanbul", 41.0082, 28.9784, "institute"),
    ("GR", "Athens", 37.9838, 23.7275, "regional_institute"),
    ("RS", "Belgrade", 44.7866, 20.4489, "institute"),
    ("BA", "Sarajevo", 43.8563, 18.4131, "institute"),
    ("AL", "Tirana", 41.3275, 19.8187, "liaison_office"),
    ("MD", "Chișinău", 47.0105, 28.8638, "liaison_office"),
    ("IQ", "Erbil", 36.1911, 44.0092, "liaison_office"),
    ("UA", "Kyiv", 50.4501, 30.5234, "institute"),
    ("GE", "Tbilisi", 41.7151, 44.8271, "institute"),
    ("KZ", "Almaty", 43.2220, 76.8512, "institute"),
    ("UZ", "Tashkent", 41.2995, 69.2401, "institute"),
    ("ZA", "Johannesburg", -26.2041, 28.0473, "regional_institute"),
    ("KE", "Nairobi", -1.2921, 36.8219, "institute"),
    ("NG", "Lagos", 6.5244, 3.3792, "institute"),
    ("GH", "Accra", 5.6037, -0.1870, "institute"),
    ("SN", "Dakar", 14.7167, -17.4677, "institute"),
    ("TW", "Taipei", 25.0330, 121.5654, "institute"),
    ("IT", "Rome", 41.9028, 12.4964, "institute"),
    ("ES", "Madrid", 40.4168, -3.7038, "institute"),
    ("PL", "Warsaw", 52.2297, 21.0122, "institute"),
]


def goethe_specs() -> list[PartnerSpec]:
    specs = [
        PartnerSpec(
            slug=GOETHE,
            name="Goethe-Institut",
            kind=GOETHE,
            country="DE",
            city="München",
            latitude=48.1447,
            longitude=11.5752,
            address="Oskar-von-Miller-Ring 18\n80333 München",
            website="https://www.goethe.de",
            topics=("language-learning", "feg"),
            description_de="Das Kulturinstitut der Bundesrepublik Deutschland mit Instituten "
            "und Verbindungsbüros in aller Welt.",
            description_en="The cultural institute of the Federal Republic of Germany, with "
            "institutes and liaison offices around the world.",
        )
    ]
    for country, city, lat, lon, location_type in GOETHE_BRANCHES:
        specs.append(
            PartnerSpec(
                slug=f"goethe-institut-{slugify(city)}",
                name=f"Goethe-Institut {city}",
                kind=GOETHE,
                parent=GOETHE,
                location_type=location_type,
                country=country,
                city=city,
                latitude=lat,
                longitude=lon,
                website="https://www.goethe.de",
                topics=("language-learning", "feg", "visa")
                if location_type != "liaison_office"
                else ("language-learning",),
                description_de=f"Deutschkurse und Prüfungen in {city}; Informationen für "
                "Fachkräfte und ihre Familien vor der Ausreise nach Deutschland.",
                description_en=f"German courses and exams in {city}; information for skilled "
                "workers and their families before they move to Germany.",
            )
        )
    return specs


FEDERAL_PARTNERS = [
    PartnerSpec(
        slug="bmi",
        name="Bundesministerium des Innern (BMI)",
        kind="federal-ministry",
        country="DE",
        city="Berlin",
        latitude=52.5235,
        longitude=13.3718,
        address="Alt-Moabit 140\n10557 Berlin",
        website="https://www.bmi.bund.de",
        topics=("feg", "visa"),
        description_de="Zuständig für das Aufenthaltsrecht und die Einwanderung von Fachkräften.",
        description_en="Responsible for residence law and the immigration of skilled workers.",
    ),
    PartnerSpec(
        slug="bmas",
        name="Bundesministerium für Arbeit und Soziales (BMAS)",
        kind="federal-ministry",
        country="DE",
        city="Berlin",
        latitude=52.5125,
        longitude=13.3838,
        address="Wilhelmstraße 49\n10117 Berlin",
        website="https://www.bmas.de",
        topics=("feg", "job-search"),
        description_de="Zuständig für Arbeitsmarkt und Fachkräftesicherung.",
        description_en="Responsible for the labour market and securing skilled workers.",
    ),
    PartnerSpec(
        slug="zsba",
        name="Zentrale Servicestelle Berufsanerkennung (ZSBA)",
        kind="federal-agency",
        country="DE",
        city="Bonn",
        latitude=50.7046,
        longitude=7.1351,
        website="https://www.anerkennung-in-deutschland.de",
        topics=("recognition", "feg"),
        cooperation="referral",
        description_de="Berät Fachkräfte im Ausland zur Anerkennung ihrer Berufsqualifikationen "
        "und begleitet sie durch das Verfahren.",
        description_en="Advises skilled workers abroad on the recognition of their professional "
        "qualifications and guides them through the procedure.",
    ),
    PartnerSpec(
        slug="make-it-in-germany",
        name="Make it in Germany",
        kind="portal",
        country="DE",
        city="Berlin",
        latitude=52.5200,
        longitude=13.4050,
        website="https://www.make-it-in-germany.com",
        topics=("feg", "visa", "recognition", "job-search"),
        description_de="Das Portal der Bundesregierung für Fachkräfte aus dem Ausland.",
        description_en="The Federal Government's portal for skilled workers from abroad.",
    ),
    PartnerSpec(
        slug="migrationsberatung-social-media",
        name="Migrationsberatung 4.0: Social Media in der Migrationsberatung",
        kind="project",
        country="DE",
        city="Berlin",
        latitude=52.5070,
        longitude=13.3900,
        topics=("social-media-counselling", "research"),
        cooperation="project",
        description_de="Ein Projekt, das Beratung für Zugewanderte über soziale Medien erprobt "
        "und Beratungsstellen dabei begleitet.",
        description_en="A project that tries out counselling for immigrants through social "
        "media and supports counselling services in doing so.",
    ),
]
