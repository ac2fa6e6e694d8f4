"""The public pages of the foundation: home and a project page, with Polish money formatting."""

from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse

from projects.money import format_percent, format_pln

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("1113999.60", "1 113 999,60 zł"),
        ("999990", "999 990,00 zł"),
        ("0.5", "0,50 zł"),
        ("7733550.71", "7 733 550,71 zł"),
        ("-1234.005", "-1 234,01 zł"),
    ],
)
def test_amounts_are_written_the_polish_way(amount, text):
    from decimal import Decimal

    assert format_pln(Decimal(amount)) == text.replace(" ", NBSP)


def test_percentages_use_a_decimal_comma():
    from decimal import Decimal

    assert format_percent(Decimal("93.87")) == f"93,87{NBSP}%"


def test_home_lists_the_five_projects(client, seeded):
    response = client.get(reverse("projects:home"))

    assert response.status_code == 200
    html = response.content.decode()
    for title in (
        "Rodzicu, nie jesteś sam!",
        "Zawsze rodzina",
        "Sukces Gdańskiej Rodziny",
        "Trudny start, lepsza przyszłość 2",
        "Praski Kokon",
    ):
        assert title in html


def test_the_root_redirects_to_the_polish_home(client, db):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/pl/"


# (slug, texts the page must show)
PROJECT_FIGURES = [
    (
        "rodzicu-nie-jestes-sam",
        [
            "1 113 999,60 zł",
            "1 045 660,60 zł",
            "93,87 %",
            "660 637 852",
            'href="tel:+48660637852"',
            'href="mailto:sp@mops.krakow.pl"',
            "partner ponadnarodowy",
            "Jugend- und Sozialamt Frankfurt am Main",
            "1 października 2017",
            "31 marca 2020",
        ],
    ),
    (
        "zawsze-rodzina",
        [
            "7 733 550,71 zł",
            "7 171 321,57 zł",
            "328",
            "1148",
            "420",
            "195",
            "120",
            "Łącznie do 1885 uczestników.",
        ],
    ),
    (
        "sukces-gdanskiej-rodziny",
        ["999 990,00 zł", "Program Operacyjny Kapitał Ludzki", "lipiec 2012 – listopad 2013"],
    ),
    (
        "trudny-start-lepsza-przyszlosc-2",
        [
            "355 075,00 zł",
            "335 545,87 zł",
            "301 813,75 zł",
            "19 529,13 zł",
            "Spotkania integracyjne: 32",
            "VIII – Integracja społeczna",
            'href="tel:+48774511800"',
        ],
    ),
    (
        "praski-kokon",
        [
            "1 817 779,19 zł",
            "POWR.04.01.00-IZ.00-00-004/16",
            "Program Akademii Umiejętności Wychowawczych",
        ],
    ),
]


@pytest.mark.parametrize(("slug", "texts"), PROJECT_FIGURES)
def test_a_project_page_shows_its_figures(client, seeded, slug, texts):
    response = client.get(reverse("projects:detail", kwargs={"slug": slug}))

    assert response.status_code == 200
    html = response.content.decode().replace(NBSP, " ")
    for text in texts:
        assert text in html, text


def test_a_project_page_makes_a_fixed_number_of_queries(client, seeded, django_assert_num_queries):
    # 1 project with its funding, then one prefetch each: partnerships (+ organisations),
    # contacts, subgroups, activities, deliverables, offers.
    with django_assert_num_queries(8):
        client.get(reverse("projects:detail", kwargs={"slug": "zawsze-rodzina"}))


def test_an_unknown_project_is_404(client, db):
    assert client.get(reverse("projects:detail", kwargs={"slug": "nie-ma"})).status_code == 404


def test_an_offer_page_says_what_for_whom_where_and_how(client, seeded):
    url = reverse(
        "services:offer-detail",
        kwargs={
            "project_slug": "rodzicu-nie-jestes-sam",
            "slug": "konsultacje-na-oddziale-i-w-szkole-rodzenia",
        },
    )
    html = client.get(url).content.decode()

    for text in ("Na czym polega", "Dla kogo", "Gdzie", "oddział położniczy", "Jak skorzystać"):
        assert text in html


def test_healthz_is_200_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


def test_healthz_is_503_when_the_database_does_not(client, db):
    with mock.patch("config.health.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Cache-Control"].startswith("max-age=0")
