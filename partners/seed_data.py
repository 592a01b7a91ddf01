"""Demo partners: real places, approximate coordinates; branch contact details are examples."""

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
    name_en: str = ""
    short_name: str = ""
    short_name_en: str = ""
    city_en: str = ""
    email: str = ""
    phone: str = ""
    parent: str = ""
    location_type: str = ""
    address: str = ""
    website: str = ""
    cooperation: str = "information"


GOETHE = "goethe-institut"

# Contact details of the branches are demo data (the partner pages say so): the addresses are
# plausible, phone numbers use a fictitious range and e-mail goes to the reserved .example domain.
DEMO_NOTE_DE = "Demo-Daten: Adresse, Telefon und E-Mail sind Beispiele."
DEMO_NOTE_EN = "Demo data: the address, phone number and e-mail are examples."

# country, city (English), city (German), latitude, longitude, location type
GOETHE_BRANCHES = [
    ("MX", "Mexico City", "Mexiko-Stadt", 19.4326, -99.1332, "institute"),
    ("BR", "São Paulo", "São Paulo", -23.5505, -46.6333, "regional_institute"),
    ("AR", "Buenos Aires", "Buenos Aires", -34.6037, -58.3816, "institute"),
    ("CL", "Santiago de Chile", "Santiago de Chile", -33.4489, -70.6693, "institute"),
    ("CO", "Bogotá", "Bogotá", 4.711, -74.0721, "institute"),
    ("PE", "Lima", "Lima", -12.0464, -77.0428, "institute"),
    ("US", "Washington", "Washington", 38.9072, -77.0369, "regional_institute"),
    ("CA", "Toronto", "Toronto", 43.6532, -79.3832, "institute"),
    ("IN", "New Delhi", "Neu-Delhi", 28.6139, 77.209, "regional_institute"),
    ("PK", "Karachi", "Karatschi", 24.8607, 67.0011, "institute"),
    ("BD", "Dhaka", "Dhaka", 23.8103, 90.4125, "institute"),
    ("LK", "Colombo", "Colombo", 6.9271, 79.8612, "institute"),
    ("ID", "Jakarta", "Jakarta", -6.2088, 106.8456, "regional_institute"),
    ("VN", "Hanoi", "Hanoi", 21.0278, 105.8342, "institute"),
    ("PH", "Manila", "Manila", 14.5995, 120.9842, "institute"),
    ("TH", "Bangkok", "Bangkok", 13.7563, 100.5018, "institute"),
    ("CN", "Beijing", "Peking", 39.9042, 116.4074, "regional_institute"),
    ("JP", "Tokyo", "Tokio", 35.6762, 139.6503, "institute"),
    ("KR", "Seoul", "Seoul", 37.5665, 126.978, "institute"),
    ("AU", "Sydney", "Sydney", -33.8688, 151.2093, "institute"),
    ("EG", "Cairo", "Kairo", 30.0444, 31.2357, "regional_institute"),
    ("MA", "Rabat", "Rabat", 34.0209, -6.8416, "institute"),
    ("TN", "Tunis", "Tunis", 36.8065, 10.1815, "institute"),
    ("JO", "Amman", "Amman", 31.9454, 35.9284, "institute"),
    ("TR", "Istanbul", "Istanbul", 41.0082, 28.9784, "institute"),
    ("GR", "Athens", "Athen", 37.9838, 23.7275, "regional_institute"),
    ("RS", "Belgrade", "Belgrad", 44.7866, 20.4489, "institute"),
    ("BA", "Sarajevo", "Sarajevo", 43.8563, 18.4131, "institute"),
    ("AL", "Tirana", "Tirana", 41.3275, 19.8187, "liaison_office"),
    ("MD", "Chișinău", "Chișinău", 47.0105, 28.8638, "liaison_office"),
    ("IQ", "Erbil", "Erbil", 36.1911, 44.0092, "liaison_office"),
    ("UA", "Kyiv", "Kiew", 50.4501, 30.5234, "institute"),
    ("GE", "Tbilisi", "Tiflis", 41.7151, 44.8271, "institute"),
    ("KZ", "Almaty", "Almaty", 43.222, 76.8512, "institute"),
    ("UZ", "Tashkent", "Taschkent", 41.2995, 69.2401, "institute"),
    ("ZA", "Johannesburg", "Johannesburg", -26.2041, 28.0473, "regional_institute"),
    ("KE", "Nairobi", "Nairobi", -1.2921, 36.8219, "institute"),
    ("NG", "Lagos", "Lagos", 6.5244, 3.3792, "institute"),
    ("GH", "Accra", "Accra", 5.6037, -0.187, "institute"),
    ("SN", "Dakar", "Dakar", 14.7167, -17.4677, "institute"),
    ("TW", "Taipei", "Taipeh", 25.033, 121.5654, "institute"),
    ("IT", "Rome", "Rom", 41.9028, 12.4964, "institute"),
    ("ES", "Madrid", "Madrid", 40.4168, -3.7038, "institute"),
    ("PL", "Warsaw", "Warschau", 52.2297, 21.0122, "institute"),
]  # fmt: skip

# country -> calling code, street and postal code of the (demo) address
BRANCH_CONTACTS = {
    "MX": ("52", "Tonalá 43, Col. Roma Norte", "06700"),
    "BR": ("55", "Rua Lisboa 974", "05413-001"),
    "AR": ("54", "Avenida Corrientes 319", "C1043AAD"),
    "CL": ("56", "Esmeralda 650", "8320000"),
    "CO": ("57", "Carrera 7 No. 81-57", "110221"),
    "PE": ("51", "Jirón Nazca 722, Jesús María", "15072"),
    "US": ("1", "1990 K Street NW", "DC 20006"),
    "CA": ("1", "100 University Avenue", "ON M5J 1V6"),
    "IN": ("91", "3 Kasturba Gandhi Marg", "110001"),
    "PK": ("92", "256 Sarwar Shaheed Road", "74200"),
    "BD": ("880", "House 10, Road 9, Dhanmondi", "1205"),
    "LK": ("94", "39 Gregory's Road", "00700"),
    "ID": ("62", "Jalan Sam Ratulangi 9-15", "10350"),
    "VN": ("84", "56-58 Nguyen Thai Hoc", "100000"),
    "PH": ("63", "687 Aurora Boulevard", "1112"),
    "TH": ("66", "18/1 Soi Goethe, Sathorn 1", "10120"),
    "CN": ("86", "Jiuxianqiao Road 2", "100015"),
    "JP": ("81", "7-5-56 Akasaka, Minato-ku", "107-0052"),
    "KR": ("82", "132 Sowol-ro, Yongsan-gu", "04323"),
    "AU": ("61", "90 Ocean Street, Woollahra", "NSW 2025"),
    "EG": ("20", "5 El Bustan Street", "11511"),
    "MA": ("212", "7 Rue Sana'a", "10000"),
    "TN": ("216", "6 Rue du Lieutenant Aoukal", "1002"),
    "JO": ("962", "14 Abdelmunim Al-Rifai Street", "11181"),
    "TR": ("90", "Istiklal Caddesi 32, Beyoğlu", "34433"),
    "GR": ("30", "Omirou 14-16", "10672"),
    "RS": ("381", "Knez Mihailova 50", "11000"),
    "BA": ("387", "Maršala Tita 28", "71000"),
    "AL": ("355", "Rruga Ismail Qemali 27", "1001"),
    "MD": ("373", "Strada Alexandru cel Bun 51", "MD-2012"),
    "IQ": ("964", "Gulan Street 100", "44001"),
    "UA": ("380", "Wul. Wolodymyrska 20", "01001"),
    "GE": ("995", "16 Zandukeli Street", "0108"),
    "KZ": ("7", "Prospekt Ablai Khan 115", "050000"),
    "UZ": ("998", "Amir Temur Street 11", "100000"),
    "ZA": ("27", "119 Jan Smuts Avenue, Parkwood", "2193"),
    "KE": ("254", "Maendeleo House, Monrovia Street", "00100"),
    "NG": ("234", "City Hall, Catholic Mission Street", "101223"),
    "GH": ("233", "30 Kakramadu Road, East Cantonments", "GA-039"),
    "SN": ("221", "Rue Carnot 12", "10200"),
    "TW": ("886", "Heping East Road 20, Section 1", "100"),
    "IT": ("39", "Via Savoia 15", "00198"),
    "ES": ("34", "Calle Zurbarán 21", "28010"),
    "PL": ("48", "Ulica Chmielna 13a", "00-021"),
}  # fmt: skip


def goethe_specs() -> list[PartnerSpec]:
    specs = [
        PartnerSpec(
            slug=GOETHE,
            name="Goethe-Institut",
            kind=GOETHE,
            country="DE",
            city="München",
            city_en="Munich",
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
    for number, branch in enumerate(GOETHE_BRANCHES, start=1):
        country, city, city_de, lat, lon, location_type = branch
        calling, street, postal = BRANCH_CONTACTS[country]
        specs.append(
            PartnerSpec(
                slug=f"goethe-institut-{slugify(city)}",
                name=f"Goethe-Institut {city_de}",
                name_en=f"Goethe-Institut {city}",
                kind=GOETHE,
                parent=GOETHE,
                location_type=location_type,
                country=country,
                city=city_de,
                city_en=city,
                latitude=lat,
                longitude=lon,
                address=f"{street}\n{postal} {city}",
                phone=f"+{calling} 555 01{number:02d}",
                email=f"info-{slugify(city)}@goethe-institut.example",
                website=f"https://www.goethe.de/ins/{country.lower()}/",
                topics=("language-learning", "feg", "visa")
                if location_type != "liaison_office"
                else ("language-learning",),
                description_de=f"Deutschkurse und Prüfungen in {city_de}; Informationen für "
                "Fachkräfte und ihre Familien vor der Ausreise nach Deutschland."
                f"\n\n{DEMO_NOTE_DE}",
                description_en=f"German courses and exams in {city}; information for skilled "
                f"workers and their families before they move to Germany.\n\n{DEMO_NOTE_EN}",
            )
        )
    return specs


FEDERAL_PARTNERS = [
    PartnerSpec(
        slug="bmi",
        name="Bundesministerium des Innern",
        name_en="Federal Ministry of the Interior",
        short_name="BMI",
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
        name="Bundesministerium für Arbeit und Soziales",
        name_en="Federal Ministry of Labour and Social Affairs",
        short_name="BMAS",
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
        name="Zentrale Servicestelle Berufsanerkennung",
        name_en="Central Service Centre for Professional Recognition",
        short_name="ZSBA",
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
        name_en="Migration Counselling 4.0: Social Media in Migration Counselling",
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
