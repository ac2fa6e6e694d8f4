"""The search page /<lang>/szukaj/: an accessible, cacheable public page over search_catalogue."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def url(language="pl", **params):
    with translation.override(language):
        return reverse("search:results")


def get(client, q, language="pl"):
    return client.get(url(language), {"q": q})


def test_the_page_is_at_szukaj_in_every_language(client, db):
    assert [url(code) for code in ("pl", "uk", "en")] == [
        "/pl/szukaj/",
        "/uk/szukaj/",
        "/en/szukaj/",
    ]
    response = client.get("/pl/szukaj/")
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<label class="form-label" for="id_q">Czego szukasz?</label>' in html
    assert 'type="search" name="q" id="id_q"' in html
    # Nothing asked yet: no results section and no status message.
    assert 'role="status"' not in html


def test_results_link_to_their_pages_with_the_matched_words(client, catalogue):
    response = get(client, "psycholog")
    html = response.content.decode()

    assert response.status_code == 200
    assert re.search(r'<p role="status">\s*Liczba wyników: [23]\.', html)
    assert '<a href="/pl/projekty/piecza-zastepcza/">Rodzinna piecza zastępcza</a>' in html
    assert "Rozmowy z <mark>psychologiem</mark> i prawnikiem." in html
    assert "Znalezione słowa:</span> <mark>psychologiem</mark>" in html
    # The query stays in the field, to refine it.
    assert 'value="psycholog"' in html


def test_an_offer_hit_names_its_project_and_city(client, catalogue):
    html = get(client, "dietetyka").content.decode()

    assert (
        '<a href="/pl/projekty/wsparcie-rodzicow/oferty/konsultacje-dietetyka/">'
        "Konsultacje <mark>dietetyka</mark></a>"
    ) in html
    # The project is ongoing (see the catalogue fixture).
    assert (
        "Oferta wsparcia · Wsparcie rodziców małych dzieci · Opole · w trakcie realizacji" in html
    )


def test_no_results_give_guidance(client, catalogue):
    html = get(client, "xyzzy").content.decode()

    assert re.search(r'<p role="status">\s*Nic nie znaleźliśmy\.', html)
    assert "Możesz pisać bez polskich znaków" in html
    assert f'href="{reverse("projects:home")}"' in html


def test_only_punctuation_asks_for_a_word(client, catalogue):
    response = get(client, "?!…")

    assert response.status_code == 200
    assert "Wpisz co najmniej jedno słowo" in response.content.decode()


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("x" * 201, "Wpisz krócej: najwyżej 200 znaków."),
        ("psycho\x00log", "Wyszukiwanie zawiera niedozwolony znak. Wpisz je jeszcze raz."),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, catalogue, q, message):
    response = get(client, q)
    html = response.content.decode()

    assert response.status_code == 200
    assert f'<p id="id_q_error" class="invalid-feedback d-block">{message}</p>' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_q_error id_q_help"' in html
    assert 'role="status"' not in html


def test_markup_in_the_query_is_escaped(client, catalogue):
    html = get(client, '<script>alert("x")</script>').content.decode()

    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_the_page_is_public_cacheable_and_answers_304(client, catalogue):
    response = get(client, "psycholog")

    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    again = client.get(url(), {"q": "psycholog"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_no_inline_script_or_style(client, catalogue):
    html = get(client, "psycholog").content.decode()

    assert "<script" not in html
    assert "<style" not in html
    assert " style=" not in html


def test_post_is_not_allowed(client, db):
    assert client.post(url(), {"q": "x"}).status_code == 405


def test_the_page_speaks_the_language_of_its_url(client, catalogue):
    html = get(client, "psycholog", "en").content.decode()

    assert '<html lang="en">' in html
    assert 'href="/en/projekty/piecza-zastepcza/"' in html


@pytest.mark.parametrize(
    "q",
    ["':*", "&|!()<->", "½", "x" * 200, "\u202eabc", "😀 psycholog", "%_\\", "a' OR '1'='1"],
)
def test_odd_queries_give_a_page(client, catalogue, q):
    assert get(client, q).status_code == 200


class SearchLandmarks(HTMLParser):
    """The accessible name of each role="search" landmark (aria-label, or the text of the
    element its aria-labelledby points to)."""

    def __init__(self):
        super().__init__()
        self.landmarks = []  # (aria-label, aria-labelledby)
        self.texts = {}  # id -> text
        self._open = []  # ids of the elements whose text is being read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("role") == "search":
            self.landmarks.append((attrs.get("aria-label"), attrs.get("aria-labelledby")))
        if attrs.get("id"):
            self.texts[attrs["id"]] = ""
            self._open.append((tag, attrs["id"]))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data):
        for _, element_id in self._open:
            self.texts[element_id] += data

    def names(self) -> list[str]:
        return [
            (
                label or " ".join(self.texts.get(ref, "") for ref in (labelledby or "").split())
            ).strip()
            for label, labelledby in self.landmarks
        ]


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("pl", ["Szukaj pomocy", "Szukaj wsparcia"]),
        ("uk", ["Шукати допомогу", "Шукати підтримку"]),
        ("en", ["Search for help", "Search for support"]),
    ],
)
def test_the_two_search_landmarks_have_their_own_names(client, catalogue, language, names):
    # The header's search and the page's own form: a screen reader lists them by name.
    parser = SearchLandmarks()
    parser.feed(get(client, "psycholog", language).content.decode())

    assert parser.names() == names
