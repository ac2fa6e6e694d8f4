"""Polish text on a Ukrainian or English page is marked `lang="pl"` (WCAG 3.1.2), so a screen
reader reads it with a Polish voice: a translatable field whose translation is missing (shown in
Polish by django-modeltranslation's fallback), and a field kept in Polish only.

Persona: Olena reads the portal in Ukrainian with a screen reader. The project "Rodzina razem"
was entered by its centre in Polish only.
"""

from datetime import date

import pytest

from participants.models import ParticipantSubgroup
from projects.models import Funding, Organisation, Partnership, Project, ProjectContact
from services.models import Activity, Deliverable, PlaceKind, SupportOffer

pytestmark = pytest.mark.django_db

NBSP = "\N{NO-BREAK SPACE}"


@pytest.fixture
def polish_only_project():
    project = Project.objects.create(
        slug="rodzina-razem",
        title="Rodzina razem",
        city="Opole",
        voivodeship="opolskie",
        start_date=date(2024, 1, 1),
        end_date=date(2030, 12, 31),
        period_note="z możliwością przedłużenia",
        programming_period=Project.ProgrammingPeriod.P2021_2027,
        summary="Wsparcie dla rodzin w Opolu.",
        main_goal="Wzmocnienie rodzin w kryzysie",
        easy_to_read="To jest projekt dla rodzin z Opola.",
        funding_statement="Projekt finansowany przez Unię Europejską.",
        logo_strip_alt="Znaki Funduszy Europejskich i Unii Europejskiej",
        area="Miasto Opole i okolice",
        priority_axis="Oś VII Włączenie społeczne",
        measure="Działanie 7.1 Usługi społeczne",
    )
    Funding.objects.create(project=project, total_value=1000, co_financing=900, eu_share=800)
    centre = Organisation.objects.create(
        name="MOPS Opole", kind=Organisation.Kind.SOCIAL_ASSISTANCE_CENTRE
    )
    Partnership.objects.create(
        project=project,
        organisation=centre,
        role=Partnership.Role.LEADER,
        note="prowadzi biuro projektu",
    )
    ProjectContact.objects.create(
        project=project, label="Biuro projektu", phone="600 100 200", email="biuro@example.pl"
    )
    ParticipantSubgroup.objects.create(
        project=project, name="Rodziny zastępcze", target_families=10, target_note="co najmniej"
    )
    Activity.objects.create(
        project=project, kind=Activity.Kind.WORKSHOP, name="Warsztaty dla rodziców"
    )
    Deliverable.objects.create(
        project=project, kind=Deliverable.Kind.STANDARD, name="Standard pracy z rodziną"
    )
    offer = SupportOffer.objects.create(
        project=project,
        slug="infolinia",
        title="Telefon dla rodziców",
        description="Rozmowa z psychologiem.",
        who_for="Rodzice.",
    )
    hotline, _ = PlaceKind.objects.get_or_create(
        slug="hotline", defaults={"name": "infolinia", "is_remote": True}
    )
    offer.place_kinds.add(hotline)
    return project


PROJECT_PAGE = "/{language}/projekty/rodzina-razem/"
OFFER_PAGE = "/{language}/projekty/rodzina-razem/oferty/infolinia/"
# (page, an element with Polish text, as it must appear on a /uk/ or /en/ page)
MARKED = [
    # Easy-to-read page: the project's title and its easy-to-read text.
    ("/{language}/tekst-latwy-do-czytania/", '<span lang="pl">Rodzina razem</span> (Opole)</h3>'),
    (
        "/{language}/tekst-latwy-do-czytania/",
        '<div lang="pl"><p>To jest projekt dla rodzin z Opola.',
    ),
    # Project page: period note, subgroup, activities, deliverables, partner's note, contact.
    (PROJECT_PAGE, '(<span lang="pl">z możliwością przedłużenia</span>)'),
    (PROJECT_PAGE, '<dd lang="pl">Miasto Opole i okolice</dd>'),
    (PROJECT_PAGE, '<th scope="row"><span lang="pl">Rodziny zastępcze</span>'),
    (PROJECT_PAGE, '<small lang="pl">(co najmniej)</small>'),
    (PROJECT_PAGE, '<li lang="pl">Warsztaty dla rodziców</li>'),
    (PROJECT_PAGE, '<li lang="pl">Standard pracy z rodziną</li>'),
    (PROJECT_PAGE, '(<span lang="pl">prowadzi biuro projektu</span>)'),
    (PROJECT_PAGE, '<strong lang="pl">Biuro projektu</strong>'),
    # …and the EU-funding block: logo text, statement, title, goal, axis, measure.
    (PROJECT_PAGE, '<span lang="pl">Znaki Funduszy Europejskich i Unii Europejskiej</span>'),
    (PROJECT_PAGE, '<p class="funding-statement" lang="pl">Projekt finansowany przez Unię'),
    (PROJECT_PAGE, '<dd lang="pl">Rodzina razem</dd>'),
    (PROJECT_PAGE, '<dd lang="pl">Wzmocnienie rodzin w kryzysie</dd>'),
    (PROJECT_PAGE, '<dd lang="pl">Oś VII Włączenie społeczne</dd>'),
    (PROJECT_PAGE, '<dd lang="pl">Działanie 7.1 Usługi społeczne</dd>'),
    # Offer list and offer page: the project's title.
    ("/{language}/oferty/", 'Opole · <span lang="pl">Rodzina razem</span> ·'),
    (OFFER_PAGE, '<a href="/{language}/projekty/rodzina-razem/" lang="pl">Rodzina razem</a></li>'),
    (OFFER_PAGE, ': <a href="/{language}/projekty/rodzina-razem/" lang="pl">Rodzina razem</a> ·'),
    (OFFER_PAGE, '<strong lang="pl">Biuro projektu</strong>'),
    # Home: the hotline's offer and project, the contact list.
    ("/{language}/", 'lang="pl">Telefon dla rodziców</a> – <span lang="pl">Rodzina razem</span>'),
    ("/{language}/", '<strong>Opole</strong>: <span lang="pl">Biuro projektu</span>'),
    ("/{language}/", '<span class="meta" lang="pl">(Rodzina razem)</span>'),
    # Enquiry form: the project's and the offer's titles.
    (
        "/{language}/projekty/rodzina-razem/oferty/infolinia/zgloszenie/",
        '/" lang="pl">Rodzina razem</a> · ',
    ),
    (
        "/{language}/projekty/rodzina-razem/oferty/infolinia/zgloszenie/",
        '/" lang="pl">Telefon dla rodziców</a></p>',
    ),
]


def page(client, path: str, language: str) -> str:
    response = client.get(path.format(language=language))
    assert response.status_code == 200, path
    return response.content.decode().replace(NBSP, " ")


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize(("path", "element"), MARKED)
def test_polish_text_on_another_languages_page_is_marked_polish(
    client, polish_only_project, language, path, element
):
    assert element.format(language=language) in page(client, path, language)


@pytest.mark.parametrize("path", sorted({path for path, _ in MARKED}))
def test_the_polish_pages_carry_no_lang_overrides(client, polish_only_project, path):
    html = page(client, path, "pl")

    main = html[html.index("<main") : html.index("</main>")]
    assert " lang=" not in main


def test_a_translated_field_is_not_marked(client, polish_only_project):
    polish_only_project.title_uk = "Родина разом"
    polish_only_project.funding_statement_uk = "Проєкт фінансується Європейським Союзом."
    polish_only_project.save()

    html = page(client, PROJECT_PAGE, "uk")

    assert "<h1>Родина разом</h1>" in html
    assert "<dd>Родина разом</dd>" in html
    assert '<p class="funding-statement">Проєкт фінансується' in html


def test_the_default_funding_statement_is_in_the_pages_language(client, polish_only_project):
    # No statement of the project's own: the portal's translated one, so no Polish mark.
    polish_only_project.funding_statement = ""
    polish_only_project.save()

    html = page(client, PROJECT_PAGE, "uk")

    assert '<p class="funding-statement">' in html
