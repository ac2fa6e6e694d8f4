"""The public pages as a family meets them: find help by situation and city, filter offers,
read an offer and a project (with the EU-funding information), in three languages, with the
accessibility statement, the easy-to-read texts and the machine-readable description."""

import itertools
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import Project

NBSP = "\N{NO-BREAK SPACE}"
SITUATIONS = {
    "newborn": "Urodziło się dziecko / młodzi rodzice",
    "disability": "Dziecko z niepełnosprawnością",
    "foster-care": "Piecza zastępcza i kandydaci",
    "parenting-crisis": "Trudności wychowawcze i kryzys",
    "poverty": "Ubóstwo i wykluczenie",
}


@pytest.fixture
def seeded_pages(seeded_once, db):
    return seeded_once


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode().replace(NBSP, " ")


def offer_titles(html: str) -> list[str]:
    return re.findall(r'<li class="offer-card">\s*<h3><a href="[^"]+">([^<]+)</a>', html)


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def heading_levels(html: str) -> list[int]:
    parser = Headings()
    parser.feed(html)
    return parser.levels


# --- Home -------------------------------------------------------------------------------------


def test_home_offers_help_by_each_of_the_five_situations(client, seeded_pages):
    html = html_of(client, reverse("projects:home"))

    for slug, name in SITUATIONS.items():
        assert f'href="/pl/oferty/?situation={slug}">{name}</a>' in html


def test_home_offers_help_by_city(client, seeded_pages):
    html = html_of(client, reverse("projects:home"))

    assert 'href="/pl/oferty/?city=Krak%C3%B3w">Kraków</a> <span class="meta">(2 projekty)' in html
    for city in ("Gda%C5%84sk", "Opole", "Warszawa"):
        assert f'href="/pl/oferty/?city={city}"' in html


def test_home_puts_the_hotline_and_contacts_before_everything_else(client, seeded_pages):
    html = html_of(client, reverse("projects:home"))

    contacts = html.index('id="contact-heading"')
    assert contacts < html.index('id="situations-heading"')
    hotline = html[contacts : html.index("</section>", contacts)]
    assert "Infolinia dla rodziców" in hotline
    assert 'href="tel:+48660637852"' in hotline
    assert 'href="mailto:sp@mops.krakow.pl"' in hotline
    assert 'href="tel:+48774511800"' in hotline


def test_a_hotline_shows_its_projects_phone_even_behind_an_e_mail_only_contact(
    client, seeded_pages
):
    """Kraków's "Rodzicu, nie jesteś sam!" runs the hotline; an e-mail-only contact put first
    must not hide the phone number of the next one."""
    from projects.models import ProjectContact

    project = Project.objects.get(slug="rodzicu-nie-jestes-sam")
    ProjectContact.objects.filter(project=project).update(order=5)
    ProjectContact.objects.create(
        project=project, label="Skrzynka projektu", email="skrzynka@example.invalid", order=0
    )

    html = html_of(client, reverse("projects:home"))

    contacts = html.index('id="contact-heading"')
    hotlines = html[contacts : html.index("Kontakty projektów", contacts)]
    assert "Infolinia dla rodziców" in hotlines
    assert 'href="tel:+48660637852"' in hotlines


# --- Offer list -------------------------------------------------------------------------------

OFFERS = "/pl/oferty/"

# (query string, offers expected, in this order: newest project first)
FILTERS = [
    (
        "city=Opole",
        ["Poradnictwo specjalistyczne dla rodzin", "Kolonie, wyjazdy i spotkania integracyjne"],
    ),
    (
        "situation=newborn",
        [
            "Konsultacje specjalistów na oddziale położniczym i w szkole rodzenia",
            "Infolinia dla rodziców",
        ],
    ),
    ("place=hotline", ["Infolinia dla rodziców"]),
    (
        "specialist=dietitian",
        ["Konsultacje specjalistów na oddziale położniczym i w szkole rodzenia"],
    ),
    (
        "city=Kraków&situation=foster-care",
        [
            "Warsztaty doskonalenia umiejętności dla rodzin zastępczych",
            "Szkolenia dla kandydatów na rodziny zastępcze",
        ],
    ),
    (
        "situation=poverty&specialist=animator",
        ["Kolonie, wyjazdy i spotkania integracyjne", "Wsparcie całej rodziny w jej sąsiedztwie"],
    ),
    ("status=ongoing", []),
    ("status=planned", []),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS, ids=[row[0] for row in FILTERS])
def test_the_offer_filters_narrow_the_list(client, seeded_pages, query, expected):
    html = html_of(client, f"{OFFERS}?{query}")

    titles = offer_titles(html)
    assert titles == expected


def test_the_list_shows_every_offer_with_ongoing_projects_first(client, seeded_pages):
    ongoing = Project.objects.get(slug="praski-kokon")
    ongoing.end_date = ongoing.end_date.replace(year=2099)
    ongoing.save()

    html = html_of(client, OFFERS)

    assert offer_titles(html)[0] == "Wsparcie całej rodziny w jej sąsiedztwie"
    assert "Znaleziono 11 ofert." in html


def test_completed_projects_stay_browsable_as_the_archive(client, seeded_pages):
    html = html_of(client, f"{OFFERS}?status=completed")

    assert len(offer_titles(html)) == 10  # the first page of 11
    assert "projekt zakończony" in html


def test_the_filter_state_is_kept_in_the_url_and_the_form(client, seeded_pages):
    html = html_of(client, f"{OFFERS}?city=Opole&place=office")

    assert re.search(r'<option value="Opole" selected>Opole</option>', html)
    assert re.search(r'<option value="office" selected>', html)
    assert 'method="get"' in html


def test_the_result_count_is_announced_to_screen_readers(client, seeded_pages):
    html = html_of(client, f"{OFFERS}?city=Opole")

    assert re.search(r'role="status" aria-live="polite">Znaleziono 2 oferty.</p>', html)


def test_a_bad_filter_value_is_explained_next_to_the_field_and_in_a_summary(client, seeded_pages):
    html = html_of(client, f"{OFFERS}?situation=nie-ma-takiej")

    assert 'class="error-summary" role="alert"' in html
    assert '<a href="#id_situation">Sytuacja rodziny:' in html
    assert re.search(
        r'<select[^>]+aria-describedby="id_situation_error"[^>]*id="id_situation"|'
        r'<select[^>]+id="id_situation"[^>]*aria-describedby="id_situation_error"',
        html,
    )
    assert 'id="id_situation_error"' in html
    assert 'aria-invalid="true"' in html


def test_pagination_is_a_labelled_nav_keeping_the_filters(client, db):
    from tests.portal.factories import make_public_projects

    make_public_projects(12, city_count=1)
    html = html_of(client, f"{OFFERS}?city=Miasto+0&strona=2")

    nav = re.search(r'<nav aria-label="Strony wyników">(.*?)</nav>', html, re.S).group(1)
    assert 'aria-current="page"><span class="visually-hidden">strona </span>2</a>' in nav
    assert 'href="?city=Miasto+0&amp;strona=1" rel="prev"' in nav
    assert 'href="?city=Miasto+0&amp;strona=3" rel="next"' in nav
    assert len(offer_titles(html)) == 10
    assert "Znaleziono 24 oferty." in html


# --- Offer and project pages -----------------------------------------------------------------


def test_an_offer_page_says_what_for_whom_where_and_how_to_ask(client, seeded_pages):
    html = html_of(client, "/pl/projekty/rodzicu-nie-jestes-sam/oferty/infolinia-dla-rodzicow/")

    assert "<h1>Infolinia dla rodziców</h1>" in html
    for heading in ("Na czym polega", "Dla kogo", "Gdzie", "Jak skorzystać"):
        assert f"<h2>{heading}</h2>" in html
    assert "<li>infolinia</li>" in html
    assert 'class="enquiry-cta"' in html
    assert 'href="tel:+48660637852"' in html


def test_a_project_page_carries_the_eu_funding_information(client, seeded_pages):
    html = html_of(client, "/pl/projekty/trudny-start-lepsza-przyszlosc-2/")
    funding = html[html.index('id="funding-heading"') :]

    for text in (
        "Tytuł projektu</dt><dd>Trudny start, lepsza przyszłość 2",
        "Wartość projektu</dt><dd>355 075,00 zł",
        "Wartość dofinansowania</dt><dd>335 545,87 zł",
        "w tym ze środków Unii Europejskiej</dt><dd>301 813,75 zł",
        "Regionalny Program Operacyjny Województwa Opolskiego 2014–2020",
        "Oś priorytetowa",
        "Działanie</dt>",
        "Europejski Fundusz Społeczny",
    ):
        assert text in funding, text
    assert 'class="funding-statement"' in funding


def test_a_project_page_shows_summary_goal_groups_offers_partners_contacts_and_period(
    client, seeded_pages
):
    html = html_of(client, "/pl/projekty/zawsze-rodzina/")

    for heading in (
        "Cel projektu",
        "Dla kogo",
        "Co możesz otrzymać",
        "Uczestnicy projektu",
        "Realizatorzy i partnerzy",
        "Kontakt",
    ):
        assert f">{heading}</h2>" in html, heading
    assert "Okres realizacji</dt>" in html
    assert "1 lipca 2020 – 30 czerwca 2023" in html
    assert "Stan</dt><dd>zakończony</dd>" in html
    assert "<address" in html


def test_the_logo_strip_slot_has_its_alt_text(client, seeded_pages, settings, tmp_path):
    from django.core.files.base import ContentFile

    project = Project.objects.get(slug="sukces-gdanskiej-rodziny")
    project.logo_strip.save("logos.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)

    html = html_of(client, project.get_absolute_url())

    assert re.search(
        r'<img class="logo-strip" src="[^"]+logos[^"]*\.png" '
        r'alt="Loga Kapitał Ludzki i UE Europejski Fundusz Społeczny">',
        html,
    )


def test_a_project_page_links_its_pjm_video_and_shows_its_easy_to_read_text(client, seeded_pages):
    project = Project.objects.get(slug="praski-kokon")
    project.sign_language_video_url = "https://wideo.example.pl/pjm/praski-kokon"
    project.save()

    html = html_of(client, project.get_absolute_url())

    assert 'href="https://wideo.example.pl/pjm/praski-kokon">Informacja w polskim języku' in html
    assert '<section id="etr" class="easy-read"' in html
    assert project.easy_to_read.splitlines()[0][:30] in html


# --- Every page: structure, footer, languages -------------------------------------------------

PUBLIC_URLS = [
    "/pl/",
    "/pl/oferty/",
    "/pl/projekty/zawsze-rodzina/",
    "/pl/projekty/zawsze-rodzina/oferty/asystent-rodziny/",
    "/pl/deklaracja-dostepnosci/",
    "/pl/tekst-latwy-do-czytania/",
    "/pl/nie-ma-takiej-strony/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_page_has_one_h1_headings_in_order_landmarks_and_the_statement_in_its_footer(
    client, seeded_pages, url
):
    html = client.get(url).content.decode()

    levels = heading_levels(html)
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assert '<main id="main"' in html and "<footer" in html
    footer = html[html.index("<footer") :]
    assert 'href="/pl/deklaracja-dostepnosci/">Deklaracja dostępności</a>' in footer


def test_the_language_switcher_names_each_language_in_itself(client, seeded_pages):
    html = html_of(client, "/pl/projekty/zawsze-rodzina/")

    assert (
        '<a href="/pl/projekty/zawsze-rodzina/" lang="pl" hreflang="pl" aria-current="true">'
        "Polski</a>"
    ) in html
    assert '<a href="/uk/projekty/zawsze-rodzina/" lang="uk" hreflang="uk">Українська</a>' in html
    assert '<a href="/en/projekty/zawsze-rodzina/" lang="en" hreflang="en">English</a>' in html


@pytest.mark.parametrize(
    ("address", "links"),
    [
        # The filters stay when the family switches language (the query as the browser sent it).
        (
            "/pl/oferty/?city=Krak%C3%B3w",
            [
                "/pl/oferty/?city=Krak%C3%B3w",
                "/uk/oferty/?city=Krak%C3%B3w",
                "/en/oferty/?city=Krak%C3%B3w",
            ],
        ),
        (
            "/uk/oferty/?city=Krak%C3%B3w&status=ongoing&strona=1",
            [
                "/pl/oferty/?city=Krak%C3%B3w&amp;status=ongoing&amp;strona=1",
                "/uk/oferty/?city=Krak%C3%B3w&amp;status=ongoing&amp;strona=1",
                "/en/oferty/?city=Krak%C3%B3w&amp;status=ongoing&amp;strona=1",
            ],
        ),
        # And the search words.
        (
            "/pl/szukaj/?q=psycholog",
            ["/pl/szukaj/?q=psycholog", "/uk/szukaj/?q=psycholog", "/en/szukaj/?q=psycholog"],
        ),
    ],
)
def test_the_language_switcher_keeps_the_query(client, seeded_pages, address, links):
    html = html_of(client, address)

    assert re.findall(r'<a href="([^"]*)" lang="[a-z]+" hreflang=', html) == links


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_each_language_has_its_own_url_and_lang_attribute(client, seeded_pages, language):
    html = html_of(client, f"/{language}/oferty/")

    assert f'<html lang="{language}">' in html


def test_content_falls_back_to_polish_where_a_translation_is_missing(client, seeded_pages):
    project = Project.objects.get(slug="zawsze-rodzina")
    project.summary_en = "Family assistants, care services and foster-family training in Kraków."
    project.save()

    english = html_of(client, "/en/projekty/zawsze-rodzina/")
    ukrainian = html_of(client, "/uk/projekty/zawsze-rodzina/")

    assert "Family assistants, care services and foster-family training in Kraków." in english
    with translation.override("pl"):
        polish_summary = Project.objects.get(pk=project.pk).summary
    assert polish_summary in ukrainian
    # No English title: the Polish one, marked as Polish for screen readers (WCAG 3.1.2).
    assert '<h1 lang="pl">Zawsze rodzina</h1>' in english
    assert '<p class="lead">Family assistants' in english  # translated: no lang override
    assert '<p class="lead" lang="pl">' in ukrainian


def test_polish_pages_carry_no_language_overrides(client, seeded_pages):
    html = html_of(client, "/pl/projekty/zawsze-rodzina/")

    assert "<h1>Zawsze rodzina</h1>" in html
    main = html[html.index("<main") : html.index("</main>")]
    assert " lang=" not in main


# --- Accessibility statement, ETR, machine-readable file --------------------------------------


def test_the_accessibility_statement_has_every_statutory_element(client, db):
    html = html_of(client, reverse("portal:accessibility"))

    for marker in (
        'id="a11y-entity">Operator portalu wsparcia rodzin',
        'id="a11y-url" href="https://rodziny.example.pl/">Portal wsparcia rodzin',
        'id="a11y-publish-date" datetime="2026-12-01"',
        'id="a11y-update-date" datetime="2026-12-03"',
        "<strong>częściowo zgodna</strong>",
        "Treści niedostępne i powody",
        'id="a11y-create-date" datetime="2026-12-03"',
        "samoocena przeprowadzona przez podmiot publiczny",
        'id="a11y-person">Koordynator do spraw dostępności',
        'id="a11y-email" href="mailto:dostepnosc@rodziny.example.pl"',
        'id="a11y-phone" href="tel:+48120000000"',
        "Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej",
        "7 dni",
        "skargę",
        "Rzecznika Praw Obywatelskich",
        'id="a11y-architecture"',
    ):
        assert marker in html, marker


def test_the_accessibility_statement_is_edited_in_the_admin(admin_client):
    from portal.models import AccessibilityStatement

    statement = AccessibilityStatement.objects.current()
    url = reverse("admin:portal_accessibilitystatement_change", args=[statement.pk])
    form = admin_client.get(url)
    assert form.status_code == 200
    assert "entity_name_uk" in form.content.decode()

    data = {
        "entity_name_pl": "Miejski Ośrodek Pomocy Społecznej w Opolu",
        "site_name_pl": "Portal wsparcia rodzin",
        "site_url": "https://rodziny.example.pl/",
        "site_published_on": "2026-12-01",
        "site_updated_on": "2026-12-04",
        "compliance": "full",
        "prepared_on": "2026-12-04",
        "method": "external",
        "assessor": "Fundacja Testowa",
        "contact_person": "Anna Testowa",
        "contact_email": "anna@example.pl",
        "contact_phone": "77 000 00 00",
        "architectural_accessibility_pl": "Wejście z poziomu chodnika.",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    html = html_of(admin_client, reverse("portal:accessibility"))
    assert "Miejski Ośrodek Pomocy Społecznej w Opolu" in html
    assert "<strong>zgodna</strong>" in html
    assert "badanie przeprowadzone przez podmiot zewnętrzny: Fundacja Testowa" in html


def test_the_easy_to_read_page_describes_the_portal_and_each_project(client, seeded_pages):
    html = html_of(client, reverse("portal:easy-read"))

    assert "Ta strona jest dla rodzin." in html
    for project in Project.objects.all():
        assert f'id="etr-{project.slug}"' in html
        assert project.easy_to_read.split("\n")[0][:30] in html


PORTAL = "https://rodziny.example.pl"


def test_the_machine_readable_file_describes_the_portal_from_the_database(
    client, seeded_pages, settings
):
    settings.PORTAL_BASE_URL = PORTAL
    response = client.get("/llms.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("# Portal wsparcia rodzin\n")
    assert f"({PORTAL}/pl/projekty/zawsze-rodzina/)" in text
    assert "- Biuro Projektu: 660 637 852, sp@mops.krakow.pl" in text
    assert f"[Infolinia dla rodziców]({PORTAL}/pl/projekty/rodzicu-nie-jestes-sam/" in text
    assert f"situation={'newborn'})" in text
    assert text.count("\n- [") >= 5 + 10


@pytest.mark.parametrize(
    "request_kwargs",
    [{"HTTP_HOST": "localhost"}, {"HTTP_HOST": "testserver", "secure": True}, {}],
)
def test_the_machine_readable_file_links_the_portals_address_whatever_the_host_asked(
    client, seeded_pages, settings, request_kwargs
):
    # The text is cached for every visitor: the first request's Host must not end up in it.
    settings.PORTAL_BASE_URL = PORTAL
    client.get("/llms.txt", HTTP_HOST="127.0.0.1")

    text = client.get("/llms.txt", **request_kwargs).content.decode()

    assert f"- [Strona główna]({PORTAL}/pl/)" in text
    assert "127.0.0.1" not in text
    assert "localhost" not in text
    assert "testserver" not in text
