"""search_catalogue(): Polish word forms, accents, ranking, languages and highlighting.

The same expectations run on PostgreSQL and SQLite; where they differ (dictionary stemming
exists only on PostgreSQL with hunspell-pl), the test says which database gives what.
"""

import os

import pytest
from django.db import connection
from django.utils import translation

from search import index
from search.catalogue import search_catalogue
from search.configuration import has_hunspell

pytestmark = pytest.mark.django_db

PARENTS = "Wsparcie rodziców małych dzieci"
FOSTER = "Rodzinna piecza zastępcza"
NUTRITION = "Zdrowe żywienie niemowląt"
DIETITIAN = "Konsultacje dietetyka"
HOTLINE = "Infolinia dla rodziców"


def titles(query, language="pl"):
    return [hit.title for hit in search_catalogue(query, language).hits]


def hit_for(query, title, language="pl"):
    return next(hit for hit in search_catalogue(query, language).hits if hit.title == title)


@pytest.fixture
def stemming():
    """Whether this database stems with the Polish dictionary (PostgreSQL with hunspell-pl)."""
    return has_hunspell()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_ci_gets_the_hunspell_configuration(db):
    # .ci/run installs hunspell-pl and sets SEARCH_REQUIRE_HUNSPELL=1: the fallback must not
    # pass silently there.
    if os.environ.get("SEARCH_REQUIRE_HUNSPELL") != "1":
        pytest.skip("SEARCH_REQUIRE_HUNSPELL is not set")
    assert has_hunspell()


def test_psycholog_finds_psychologa_and_psychologiem(catalogue, stemming):
    hits = search_catalogue("psycholog", "pl").hits

    # Both databases: "psychologa" and "psychologiem" begin with "psycholog". Only the
    # dictionary knows that "psycholodzy" is its plural too.
    expected = [FOSTER, PARENTS, NUTRITION] if stemming else [FOSTER, PARENTS]
    assert [hit.title for hit in hits] == expected
    assert hit_for("psycholog", PARENTS).matched_words == ("psychologa",)
    assert hit_for("psycholog", FOSTER).matched_words == ("psychologiem",)


def test_a_word_form_finds_the_other_forms_with_the_dictionary(catalogue, stemming):
    # "psychologiem" is no prefix of "psychologa": a prefix match cannot find it.
    if stemming:
        assert titles("psychologiem") == [FOSTER, PARENTS, NUTRITION]
        assert hit_for("psychologiem", NUTRITION).matched_words == ("psycholodzy",)
    else:
        assert titles("psychologiem") == [FOSTER]


def test_zywienie_finds_zywienie_with_diacritics(catalogue):
    # The title match first; then the offers whose body has the word (one with the
    # project's title), equal in rank, by title.
    assert titles("zywienie") == [NUTRITION, HOTLINE, DIETITIAN]
    assert titles("ŻYWIENIE") == titles("zywienie") == titles("Żywienie")
    assert (
        str(hit_for("zywienie", NUTRITION).title_html) == "Zdrowe <mark>żywienie</mark> niemowląt"
    )
    assert hit_for("zywienie", DIETITIAN).matched_words == ("Żywienie",)


def test_l_with_stroke_folds_to_l(catalogue):
    assert sorted(titles("malych dzieci")) == [DIETITIAN, PARENTS]
    hit = hit_for("malych dzieci", PARENTS)
    assert str(hit.title_html) == "Wsparcie rodziców <mark>małych</mark> <mark>dzieci</mark>"


def test_a_query_with_diacritics_is_stemmed_as_written(catalogue, stemming):
    # "żywieniu" (locative) is no prefix of "żywienie"; the dictionary maps both to "żywić".
    expected = [NUTRITION, HOTLINE, DIETITIAN] if stemming else [NUTRITION]
    assert titles("żywieniu") == expected


def test_every_word_must_match(catalogue):
    results = search_catalogue("psycholog Gdańsk", "pl")

    assert [hit.title for hit in results.hits] == [FOSTER]
    assert results.matched_all_words
    assert results.hits[0].matched_words == ("psychologiem", "Gdańsk")


def test_without_an_object_having_every_word_any_word_is_enough(catalogue):
    results = search_catalogue("infolinia xyzzy", "pl")

    assert not results.matched_all_words
    assert [hit.title for hit in results.hits] == [HOTLINE]
    assert results.total == 1


def test_stop_words_are_not_demanded(catalogue):
    results = search_catalogue("infolinia dla", "pl")

    assert results.words == ("infolinia",)
    assert results.matched_all_words
    assert [hit.title for hit in results.hits] == [HOTLINE]


def test_short_words_match_whole_words_only(catalogue):
    # "ci" would begin "ciąży" and many more; a two-letter word must be the whole word.
    assert search_catalogue("ci", "pl").hits == []


def test_a_title_match_ranks_above_a_body_match(catalogue):
    # "Infolinia dla rodziców" has "rodziców" in its title; the project "Wsparcie rodziców…"
    # too; the dietitian's offer only in its body (its project's title).
    ranked = titles("rodziców")
    assert ranked.index(HOTLINE) < ranked.index(DIETITIAN)
    assert ranked.index(PARENTS) < ranked.index(DIETITIAN)


def test_an_offer_links_to_its_page_and_names_its_project(catalogue):
    hit = hit_for("dietetyk", DIETITIAN)

    assert hit.kind == "offer"
    assert hit.url == "/pl/projekty/wsparcie-rodzicow/oferty/konsultacje-dietetyka/"
    assert hit.project_title == PARENTS
    assert hit.city == "Opole"


def test_links_are_in_the_language_searched_whatever_the_active_one(catalogue):
    with translation.override("pl"):
        hit = hit_for("dietetyk", DIETITIAN, language="uk")

    assert hit.url == "/uk/projekty/wsparcie-rodzicow/oferty/konsultacje-dietetyka/"


def test_an_unknown_language_searches_the_polish_texts(catalogue):
    assert titles("dietetyk", "de") == titles("dietetyk", "pl") == [DIETITIAN]


def test_text_is_escaped_and_only_matches_are_marked(catalogue):
    snippet = str(hit_for("pilna", HOTLINE).snippet_html)

    assert "&lt;b&gt;<mark>pilna</mark>&lt;/b&gt; &amp; &quot;ważna&quot;" in snippet
    assert "<b>" not in snippet


def test_a_translation_is_searched_in_its_language_with_polish_fallback(catalogue):
    foster = catalogue["foster"]
    foster.title_uk = "Сімейна прийомна опіка"
    foster.save()
    index.reindex(project_ids=[foster.pk])

    assert titles("прийомна", "uk") == ["Сімейна прийомна опіка"]
    assert titles("прийомна", "pl") == []
    # Not translated to Ukrainian: the Polish text is searched and shown.
    assert "Сімейна прийомна опіка" in titles("psychologiem", "uk")
    assert PARENTS in titles("psychologa", "uk")
    assert titles("psychologa", "en") == titles("psychologa", "pl")


@pytest.mark.parametrize(
    "query",
    ["", "   ", "!!! ??? ...", "\x00", "a\x00b", "'", "':*", "&|!()<->", "x" * 5000, "½", "_"],
)
def test_odd_input_never_fails(catalogue, query):
    results = search_catalogue(query, "pl")

    assert results.total == len(results.hits)
