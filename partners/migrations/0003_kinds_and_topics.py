from django.db import migrations

KINDS = [
    ("goethe-institut", "Goethe-Institut", "Goethe-Institut"),
    ("federal-ministry", "Bundesministerium", "Federal ministry"),
    ("federal-agency", "Bundesbehörde oder Servicestelle", "Federal agency or service point"),
    ("portal", "Portal", "Portal"),
    ("project", "Projekt", "Project"),
    ("chamber", "Kammer", "Chamber"),
    ("employer-association", "Arbeitgeberverband", "Employer association"),
    ("university", "Hochschule", "University"),
    ("other", "Sonstige", "Other"),
]

TOPICS = [
    ("feg", "Fachkräfteeinwanderungsgesetz (FEG)", "Skilled Immigration Act (FEG)"),
    ("visa", "Visum und Aufenthaltsrecht", "Visa and residence law"),
    ("recognition", "Anerkennung von Berufsqualifikationen", "Recognition of qualifications"),
    ("language-learning", "Deutsch lernen", "Language learning"),
    ("social-media-counselling", "Beratung über soziale Medien", "Social media counselling"),
    ("research", "Forschung", "Research"),
    ("job-search", "Arbeitssuche", "Job search"),
    ("family", "Familie und Familiennachzug", "Family and family reunification"),
]


def add_reference_data(apps, schema_editor):
    for model_name, rows in (("PartnerKind", KINDS), ("Topic", TOPICS)):
        model = apps.get_model("partners", model_name)
        for slug, name_de, name_en in rows:
            model.objects.get_or_create(
                slug=slug, defaults={"name_de": name_de, "name_en": name_en}
            )


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_partner_directory_details")]
    operations = [migrations.RunPython(add_reference_data, migrations.RunPython.noop)]
