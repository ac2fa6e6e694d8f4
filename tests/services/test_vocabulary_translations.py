"""The portal's own vocabularies (specialist kinds, place kinds, situations) are in Ukrainian and
English from the first load; an editor's wording in the admin survives later loads."""

import pytest

from services.models import PlaceKind, Situation, SpecialistKind
from services.seed import five_projects, vocabulary_translations
from services.seed.loader import load_seed_projects

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _seeded(seeded_once, db):
    return seeded_once


@pytest.mark.parametrize(
    ("vocabulary", "translations"),
    [
        (five_projects.SPECIALIST_KINDS, vocabulary_translations.SPECIALIST_KINDS),
        (five_projects.PLACE_KINDS, vocabulary_translations.PLACE_KINDS),
        (five_projects.SITUATIONS, vocabulary_translations.SITUATIONS),
    ],
)
def test_every_seed_word_has_a_ukrainian_and_an_english_translation(vocabulary, translations):
    assert {row[0] for row in vocabulary} == set(translations)


@pytest.mark.parametrize(
    ("language", "situation", "specialist", "place"),
    [
        ("uk", "Народилася дитина / молоді батьки", "психолог", "пологове відділення"),
        ("en", "A new baby / young parents", "psychologist", "maternity ward"),
        ("pl", "Urodziło się dziecko / młodzi rodzice", "psycholog", "oddział położniczy"),
    ],
)
def test_the_loaded_vocabularies_read_in_each_language(language, situation, specialist, place):
    assert getattr(Situation.objects.get(slug="newborn"), f"name_{language}") == situation
    assert getattr(SpecialistKind.objects.get(slug="psychologist"), f"name_{language}") == (
        specialist
    )
    assert getattr(PlaceKind.objects.get(slug="maternity-ward"), f"name_{language}") == place


def test_the_ukrainian_home_page_names_the_situations_in_ukrainian(client):
    html = client.get("/uk/").content.decode()

    assert "Дитина з інвалідністю" in html
    assert "Dziecko z niepełnosprawnością" not in html


def test_the_english_offer_filters_name_the_specialists_in_english(client):
    html = client.get("/en/oferty/").content.decode()

    assert "paediatric nurse" in html
    assert "pielęgniarka pediatryczna" not in html


def test_an_editors_translation_is_kept_by_a_later_load():
    situation = Situation.objects.get(slug="poverty")
    situation.name_en = "Hard times and exclusion"
    situation.save()

    load_seed_projects()

    situation.refresh_from_db()
    assert situation.name_en == "Hard times and exclusion"
    # …and the Ukrainian one, untouched by the editor, is still the seed's.
    assert situation.name_uk == "Бідність і соціальне виключення"
