"""The database-free rules of search: folding, query words, marking matches."""

import pytest

from search import text


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Żywienie", "zywienie"),
        ("ŁÓDŹ, źdźbło", "lodz, zdzblo"),
        ("Gdańsk Kraków Śląsk", "gdansk krakow slask"),
        ("ąćęłńóśźż", "acelnoszz"),
        ("PSYCHOLOG", "psycholog"),
    ],
)
def test_folding_drops_case_and_diacritics(written, folded):
    assert text.fold(written) == folded


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Psycholog", ["psycholog"]),
        ("pomoc dla rodziny", ["pomoc", "rodziny"]),
        # Only stop words: keep them, or nothing would be searched.
        ("dla", ["dla"]),
        # Diacritics stay (the dictionary needs them); the same word twice counts once.
        ("Żywienie zywienie ŻYWIENIE", ["żywienie"]),
        ("psycholog, (Kraków)!", ["psycholog", "kraków"]),
        ("!!! ... ???", []),
        ("a_b", ["b"]),
        ("jeden dwa trzy cztery pięć sześć siedem osiem dziewięć", 8 * [None]),
    ],
)
def test_query_words(query, words):
    found = text.query_words(query)
    if words and words[0] is None:
        assert len(found) == text.MAX_QUERY_WORDS
    else:
        assert found == words


def test_a_query_word_is_cut_to_a_bounded_length():
    assert text.query_words("x" * 1000) == ["x" * text.MAX_WORD_LENGTH]


def test_highlight_escapes_everything_but_its_own_marks():
    html = text.highlight('<b>Psycholog</b> & "psychologa"', ["psychologa", "Psycholog"])

    assert html == (
        "&lt;b&gt;<mark>Psycholog</mark>&lt;/b&gt; &amp; &quot;<mark>psychologa</mark>&quot;"
    )


def test_matched_words_follow_the_prefix_rule_in_order():
    assert text.matched_in("Rozmowa z psychologiem, psychologa i Psychologiem.", ["psycholog"]) == [
        "psychologiem",
        "psychologa",
    ]


def test_a_snippet_is_cut_around_the_first_match():
    body = " ".join(f"słowo{n}" for n in range(100)) + " psycholog " + "koniec " * 50

    piece = text.snippet(body, ["psycholog"], size=12)

    # A third of the words before the match, the rest after.
    assert piece == "… słowo96 słowo97 słowo98 słowo99 psycholog" + " koniec" * 7 + " …"


def test_control_and_private_use_characters_never_reach_the_index():
    assert text.clean_text(f"a\x00b{text.MARK_START}c\x07d") == "a b c d"
