"""The Ukrainian and English catalogues translate every string of the code and templates, and
nothing is left fuzzy; the Polish one carries Polish plural forms (the source strings are
Polish, but gettext msgids have only two forms)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
IGNORED = [".venv", "staticfiles", "data", "tests", "bench"]

pytestmark = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="gettext (msgfmt) is not installed"
)


def statistics(po_file: Path) -> str:
    """msgfmt's own count, e.g. "531 translated messages, 2 fuzzy translations."."""
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip()


@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_catalogue_has_no_untranslated_or_fuzzy_message(language):
    report = statistics(LOCALE / language / "LC_MESSAGES" / "django.po")

    assert re.fullmatch(r"\d+ translated messages?\.", report), report


def test_the_catalogues_hold_every_string_of_the_code(tmp_path, monkeypatch):
    # makemessages in a copy of the sources and catalogues (it writes next to what it reads):
    # a string added to the code and not yet in the catalogue shows up there untranslated.
    source = tmp_path / "src"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns(*IGNORED, ".git", "*.mo", "__pycache__", "node_modules"),
    )
    copy = source / "locale"
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[copy]):
        call_command("makemessages", locale=["uk", "en"], ignore_patterns=IGNORED, verbosity=0)

    for language in ("uk", "en"):
        report = statistics(copy / language / "LC_MESSAGES" / "django.po")
        assert re.fullmatch(r"\d+ translated messages?\.", report), (
            f"{language}: {report} – run `make messages` and translate the new strings"
        )


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "Znaleziono 1 ofertę."),
        (3, "Znaleziono 3 oferty."),
        (11, "Znaleziono 11 ofert."),
        (22, "Znaleziono 22 oferty."),
        (25, "Znaleziono 25 ofert."),
    ],
)
def test_polish_gets_its_three_plural_forms(count, text):
    with translation.override("pl"):
        message = translation.ngettext(
            "Znaleziono %(counter)s ofertę.", "Znaleziono %(counter)s oferty.", count
        )
    assert message % {"counter": count} == text


@pytest.mark.parametrize(
    ("language", "text"),
    [("uk", "Перейти до змісту"), ("en", "Skip to content")],
)
def test_the_interface_is_translated(client, db, language, text):
    html = client.get(f"/{language}/deklaracja-dostepnosci/").content.decode()

    assert text in html
    assert "Przejdź do treści" not in html
