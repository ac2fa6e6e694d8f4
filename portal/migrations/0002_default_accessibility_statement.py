"""A first accessibility statement, so the page every footer links to exists from the start.

Its contact details are placeholders for the operator to replace in the admin
(Portal publiczny → Deklaracje dostępności) before the portal goes live.
"""

from datetime import date

from django.db import migrations

POLISH = {
    "entity_name": "Operator portalu wsparcia rodzin",
    "site_name": "Portal wsparcia rodzin",
    "inaccessible_content": (
        "Opisy projektów pochodzą z ich stron internetowych i mogą zawierać długie zdania "
        "oraz skróty.\n"
        "Nie wszystkie projekty mają nagranie w polskim języku migowym."
    ),
    "architectural_accessibility": (
        "Portal jest prowadzony przez ośrodki pomocy społecznej. Informacje o dostępności "
        "budynków, w których odbywa się wsparcie, są podawane na stronach projektów i "
        "udzielane pod numerami telefonów biur projektów."
    ),
    "additional_information": (
        "Strona działa bez JavaScriptu, można ją obsłużyć samą klawiaturą, a tekst można "
        "powiększyć do 200% bez utraty treści. Treści są dostępne po polsku, ukraińsku i "
        "angielsku oraz w tekście łatwym do czytania."
    ),
}


def create_statement(apps, schema_editor):
    AccessibilityStatement = apps.get_model("portal", "AccessibilityStatement")
    if AccessibilityStatement.objects.exists():
        return
    translated = {}
    for name, value in POLISH.items():
        translated[name] = value
        translated[f"{name}_pl"] = value
    AccessibilityStatement.objects.create(
        site_url="https://rodziny.example.pl/",
        site_published_on=date(2026, 12, 1),
        site_updated_on=date(2026, 12, 3),
        compliance="partial",
        prepared_on=date(2026, 12, 3),
        method="self",
        contact_person="Koordynator do spraw dostępności",
        contact_email="dostepnosc@rodziny.example.pl",
        contact_phone="12 000 00 00",
        **translated,
    )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(create_statement, migrations.RunPython.noop)]
