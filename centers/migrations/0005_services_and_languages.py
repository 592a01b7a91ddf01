from django.db import migrations

SERVICES = [
    ("job-search", "Arbeitssuche", "Job search"),
    (
        "recognition",
        "Anerkennung ausländischer Berufsqualifikationen",
        "Recognition of qualifications",
    ),
    ("visa-residence", "Visum und Aufenthalt", "Visa and residence"),
    ("family", "Familie und Partner", "Family and partners"),
    ("housing", "Wohnen", "Housing"),
    ("language-courses", "Sprachkurse", "Language courses"),
    ("employer-advice", "Beratung für Arbeitgeber", "Employer advice"),
    ("arrival-integration", "Ankommen und Integration", "Arrival and integration"),
    ("studies-training", "Studium und Ausbildung", "Studies and vocational training"),
    ("social-security", "Steuern und Sozialversicherung", "Taxes and social security"),
]

LANGUAGES = [
    ("ar", "Arabisch", "Arabic"),
    ("bg", "Bulgarisch", "Bulgarian"),
    ("cs", "Tschechisch", "Czech"),
    ("de", "Deutsch", "German"),
    ("el", "Griechisch", "Greek"),
    ("en", "Englisch", "English"),
    ("es", "Spanisch", "Spanish"),
    ("fa", "Persisch", "Persian"),
    ("fr", "Französisch", "French"),
    ("hi", "Hindi", "Hindi"),
    ("hr", "Kroatisch", "Croatian"),
    ("hu", "Ungarisch", "Hungarian"),
    ("id", "Indonesisch", "Indonesian"),
    ("it", "Italienisch", "Italian"),
    ("ja", "Japanisch", "Japanese"),
    ("ko", "Koreanisch", "Korean"),
    ("pl", "Polnisch", "Polish"),
    ("pt", "Portugiesisch", "Portuguese"),
    ("ro", "Rumänisch", "Romanian"),
    ("ru", "Russisch", "Russian"),
    ("sq", "Albanisch", "Albanian"),
    ("sr", "Serbisch", "Serbian"),
    ("ta", "Tamil", "Tamil"),
    ("ti", "Tigrinya", "Tigrinya"),
    ("tl", "Tagalog", "Tagalog"),
    ("tr", "Türkisch", "Turkish"),
    ("uk", "Ukrainisch", "Ukrainian"),
    ("ur", "Urdu", "Urdu"),
    ("vi", "Vietnamesisch", "Vietnamese"),
    ("zh", "Chinesisch", "Chinese"),
]


def add(apps, schema_editor):
    Service = apps.get_model("centers", "Service")
    Language = apps.get_model("centers", "Language")
    for slug, name_de, name_en in SERVICES:
        Service.objects.update_or_create(
            slug=slug, defaults={"name_de": name_de, "name_en": name_en}
        )
    for code, name_de, name_en in LANGUAGES:
        Language.objects.update_or_create(
            code=code, defaults={"name_de": name_de, "name_en": name_en}
        )


def remove(apps, schema_editor):
    apps.get_model("centers", "Service").objects.filter(slug__in=[s[0] for s in SERVICES]).delete()
    apps.get_model("centers", "Language").objects.filter(
        code__in=[c[0] for c in LANGUAGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("centers", "0004_search_extensions_and_indexes")]
    operations = [migrations.RunPython(add, remove)]
