"""The five seed projects hold every figure their public pages give (docs/seeds/*.txt).

Each row names a figure as the portal stores it and the way the source page prints it; the test
checks both that the page really says so and that the database holds exactly that value.
"""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from participants.models import ParticipantSubgroup
from projects.models import Funding, Organisation, Partnership, Project
from services.models import Activity, Deliverable, SupportOffer
from services.seed.loader import load_seed_projects

SEEDS = Path(__file__).resolve().parents[2] / "docs" / "seeds"


def seed_text(name: str) -> str:
    """The page's text with runs of white space (including non-breaking) folded to one space."""
    return re.sub(r"\s+", " ", (SEEDS / name).read_text(encoding="utf-8"))


KRAKOW_1 = "000_b7f456fd93069dff.txt"
KRAKOW_2 = "001_29128f382d1b9023.txt"
GDANSK = "002_1bc4a4bfb2ae1028.txt"
OPOLE = "003_3f95df8df1a7979d.txt"
WARSZAWA = "004_18fcb59db8dec954.txt"

# (seed file, project slug, funding field, stored value, as printed on the page)
MONEY = [
    (KRAKOW_1, "rodzicu-nie-jestes-sam", "total_value", "1113999.60", "1 113 999,60 zł"),
    (KRAKOW_1, "rodzicu-nie-jestes-sam", "co_financing", "1045660.60", "1 045 660,60 zł"),
    (KRAKOW_2, "zawsze-rodzina", "total_value", "7733550.71", "Wartość: 7 733 550,71"),
    (KRAKOW_2, "zawsze-rodzina", "co_financing", "7171321.57", "dofinansowania: 7 171 321,57"),
    (GDANSK, "sukces-gdanskiej-rodziny", "total_value", "999990.00", "999 990,00 zł"),
    (OPOLE, "trudny-start-lepsza-przyszlosc-2", "co_financing", "335545.87", "335 545,87 zł"),
    (OPOLE, "trudny-start-lepsza-przyszlosc-2", "eu_share", "301813.75", "301 813,75 zł"),
    (OPOLE, "trudny-start-lepsza-przyszlosc-2", "total_value", "355075.00", "355 075,00 zł"),
    # The page's "1 817,779,19 PLN" is a slip for 1 817 779,19 PLN.
    (WARSZAWA, "praski-kokon", "co_financing", "1817779.19", "1 817,779,19 PLN"),
]

# (seed file, slug, start, end, as printed)
PERIODS = [
    (
        KRAKOW_1,
        "rodzicu-nie-jestes-sam",
        date(2017, 10, 1),
        date(2020, 3, 31),
        "od 1.10.2017 r. do 31.03. 2020 r.",
    ),
    (
        KRAKOW_2,
        "zawsze-rodzina",
        date(2020, 7, 1),
        date(2023, 6, 30),
        "Realizacja od: 2020-7-1 Realizacja do: 2023-6-30",
    ),
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        date(2012, 7, 1),
        date(2013, 11, 30),
        "lipiec 2012 – listopad 2013",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        date(2020, 10, 4),
        date(2022, 10, 31),
        "04.10.2020 r. – 31.10.2022 r.",
    ),
    (
        WARSZAWA,
        "praski-kokon",
        date(2017, 1, 2),
        date(2019, 12, 31),
        "od: 2017-01-02 do: 2019-12-31",
    ),
]

# (seed file, project slug, subgroup name starts with, families, participants, as printed)
TARGETS = [
    (
        KRAKOW_2,
        "zawsze-rodzina",
        "Rodziny z trudnościami",
        328,
        1148,
        "(328 rodzin, łącznie 1148 uczestników)",
    ),
    (
        KRAKOW_2,
        "zawsze-rodzina",
        "Dzieci z niepełnosprawnością",
        120,
        420,
        "(120 rodzin, łącznie 420 uczestników)",
    ),
    (
        KRAKOW_2,
        "zawsze-rodzina",
        "Rodziny zastępcze",
        175,
        195,
        "(175 rodzin, łącznie 195 uczestników)",
    ),
    (KRAKOW_2, "zawsze-rodzina", "Kandydaci", None, 120, "(łącznie 120 uczestników)"),
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        "Rodziny z dziećmi – praca socjalna",
        80,
        None,
        "do 80 rodzin z dziećmi",
    ),
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        "Rodziny z dziećmi – specjalistyczne",
        20,
        None,
        "ok. 20 będzie mogło skorzystać",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        "Rodziny z problemami",
        None,
        100,
        "łącznie do 100 osób",
    ),
]

# Opole's planned activities: (kind, planned count, as printed)
OPOLE_ACTIVITIES = [
    ("summer_camp", 2, "2 kolonie letnie"),
    ("winter_trip", 2, "2 wyjazdy w okresie ferii zimowych"),
    ("workshop", 3, "3 warsztatach społeczno-integracyjnych"),
    ("art_contest", 1, "i konkursie plastycznym"),
    ("integration_meeting", 32, "32 spotkań integracyjnych"),
    ("integration_trip", 2, "2 wyjazdy integracyjne"),
    ("conference", 1, "konferencji nt. rodzicielstwa zastępczego"),
    ("picnic", 2, "2 pikników"),
]

# (seed file, slug, field, stored value, as printed)
PROGRAMME_FACTS = [
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        "programme",
        "PO KL",
        "Programu Operacyjnego Kapitał Ludzki",
    ),
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        "priority_axis",
        "I – Zatrudnienie i integracja społeczna",
        "Priorytetu I „Zatrudnienie i integracja społeczna”",
    ),
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        "measure",
        "1.2 – Wsparcie systemowe instytucji pomocy i integracji społecznej",
        "działanie 1.2 „Wsparcie systemowe instytucji pomocy i integracji społecznej”",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        "programme",
        "RPO WO 2014-2020",
        "RPO WO 2014-2020",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        "priority_axis",
        "VIII – Integracja społeczna",
        "oś priorytetowa VIII – Integracja społeczna",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        "measure",
        "8.1 – Dostęp do wysokiej jakości usług zdrowotnych i społecznych",
        "działanie 8.1 – Dostęp do wysokiej jakości usług zdrowotnych i społecznych",
    ),
    (WARSZAWA, "praski-kokon", "programme", "PO WER", "Program Operacyjny Wiedza Edukacja Rozwój"),
    (WARSZAWA, "praski-kokon", "measure", "4.1 – Innowacje społeczne", "4.1 Innowacje społeczne"),
    # The page prints the axis as "I."; measure 4.1 belongs to PO WER's axis IV.
    (
        WARSZAWA,
        "praski-kokon",
        "priority_axis",
        "IV – Innowacje społeczne i współpraca ponadnarodowa",
        "Innowacje społeczne i współpraca ponadnarodowa",
    ),
    (
        WARSZAWA,
        "praski-kokon",
        "call_number",
        "POWR.04.01.00-IZ.00-00-004/16",
        "POWR.04.01.00-IZ.00-00-004/16",
    ),
    (KRAKOW_2, "zawsze-rodzina", "programming_period", "2014-2020", "Okres programowy: 2014-2020"),
    (KRAKOW_2, "zawsze-rodzina", "topic", "Sprawy społeczne", "Temat: Sprawy społeczne"),
    (KRAKOW_2, "zawsze-rodzina", "category", "nieinwestycyjny", "Kategoria: nieinwestycyjny"),
    (KRAKOW_2, "zawsze-rodzina", "target_participants", 1885, "łącznie do 1885 uczestników"),
    (OPOLE, "trudny-start-lepsza-przyszlosc-2", "target_participants", 100, "łącznie do 100 osób"),
]

# (seed file, slug, organisation, role, as printed)
PARTNERS = [
    (
        KRAKOW_1,
        "rodzicu-nie-jestes-sam",
        "Fundacja Instytut Rozwoju Regionalnego",
        "national_partner",
        "Partner krajowy: Fundacja Instytut Rozwoju Regionalnego",
    ),
    (
        KRAKOW_1,
        "rodzicu-nie-jestes-sam",
        "Jugend- und Sozialamt Frankfurt am Main",
        "transnational_partner",
        "Jugen Und Sozialamt Frankfurt am Main",
    ),
    (
        KRAKOW_1,
        "rodzicu-nie-jestes-sam",
        "Gmina Miejska Kraków",
        "leader",
        "Lider Projektu: Gmina Miejska Kraków",
    ),
    (
        KRAKOW_2,
        "zawsze-rodzina",
        "Gmina Miejska Kraków",
        "leader",
        "Beneficjent: Gmina Miejska Kraków",
    ),
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        "Centrum Rozwoju Zasobów Ludzkich",
        "leader",
        "beneficjentem systemowym jest Centrum Rozwoju Zasobów Ludzkich",
    ),
    (
        GDANSK,
        "sukces-gdanskiej-rodziny",
        "Fundacji Oparcia Społecznego Aleksandry „FOSA”".replace("Fundacji", "Fundacja"),
        "contracted_ngo",
        "Fundacji Oparcia Społecznego Aleksandry „FOSA”",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        "Miasto Opole",
        "leader",
        "Wnioskodawca: Miasto Opole",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        "Miejski Ośrodek Pomocy Rodzinie w Opolu",
        "implementing_unit",
        "Realizator projektu: Miejski Ośrodek Pomocy Rodzinie w Opolu",
    ),
    (
        WARSZAWA,
        "praski-kokon",
        "Stowarzyszenie Otwarte Drzwi",
        "national_partner",
        "Stowarzyszenie Otwarte Drzwi",
    ),
    (
        WARSZAWA,
        "praski-kokon",
        "Fundacja Wspierania Rodzin „Korale”",
        "national_partner",
        "Fundacja Wspierania Rodzin “Korale”",
    ),
    (
        WARSZAWA,
        "praski-kokon",
        "Stowarzyszenie Centrum Wspierania Aktywności Lokalnej CAL",
        "national_partner",
        "Stowarzyszenie Centrum Wspierania Aktywności Lokalnej CAL",
    ),
]

# (seed file, slug, label, phone, e-mail, as printed)
CONTACTS = [
    (
        KRAKOW_1,
        "rodzicu-nie-jestes-sam",
        "Biuro Projektu",
        "660 637 852",
        "sp@mops.krakow.pl",
        "tel.: 660 637 852, e-mail: sp@mops.krakow.pl",
    ),
    (
        KRAKOW_1,
        "rodzicu-nie-jestes-sam",
        "Wydział Polityki Społecznej i Zdrowia Urzędu Miasta Krakowa",
        "12 616 94 92",
        "maria.pietak-fraczek@um.krakow.pl",
        "tel.: 12 616 94 92, e-mail: maria.pietak-fraczek@um.krakow.pl",
    ),
    (
        OPOLE,
        "trudny-start-lepsza-przyszlosc-2",
        "Urząd Miasta Opola",
        "77 45 11 800",
        "urzad@um.opole.pl",
        "77 45 11 800 urzad [at] um.opole.pl",
    ),
]


@pytest.fixture(autouse=True)
def _seeded(seeded_once, db):
    return seeded_once


@pytest.mark.parametrize(("seed", "slug", "field", "value", "printed"), MONEY)
def test_every_amount_matches_the_page_to_the_grosz(seed, slug, field, value, printed):
    assert printed in seed_text(seed)
    funding = Funding.objects.get(project__slug=slug)
    assert getattr(funding, field) == Decimal(value)


@pytest.mark.parametrize(("seed", "slug", "start", "end", "printed"), PERIODS)
def test_every_period_matches_the_page(seed, slug, start, end, printed):
    assert printed in seed_text(seed)
    project = Project.objects.get(slug=slug)
    assert (project.start_date, project.end_date) == (start, end)


@pytest.mark.parametrize(("seed", "slug", "prefix", "families", "participants", "printed"), TARGETS)
def test_every_subgroup_target_matches_the_page(
    seed, slug, prefix, families, participants, printed
):
    assert printed in seed_text(seed)
    subgroup = ParticipantSubgroup.objects.get(project__slug=slug, name__startswith=prefix)
    assert (subgroup.target_families, subgroup.target_participants) == (families, participants)


@pytest.mark.parametrize(("kind", "count", "printed"), OPOLE_ACTIVITIES)
def test_opole_planned_activities_match_the_page(kind, count, printed):
    assert printed in seed_text(OPOLE)
    activity = Activity.objects.get(project__slug="trudny-start-lepsza-przyszlosc-2", kind=kind)
    assert activity.planned_count == count


@pytest.mark.parametrize(("seed", "slug", "field", "value", "printed"), PROGRAMME_FACTS)
def test_programme_facts_match_the_page(seed, slug, field, value, printed):
    assert printed in seed_text(seed)
    assert getattr(Project.objects.get(slug=slug), field) == value


@pytest.mark.parametrize(("seed", "slug", "organisation", "role", "printed"), PARTNERS)
def test_partners_and_their_roles_match_the_page(seed, slug, organisation, role, printed):
    assert printed in seed_text(seed)
    assert Partnership.objects.filter(
        project__slug=slug, organisation__name=organisation, role=role
    ).exists()


@pytest.mark.parametrize(("seed", "slug", "label", "phone", "email", "printed"), CONTACTS)
def test_contacts_match_the_page(seed, slug, label, phone, email, printed):
    assert printed in seed_text(seed)
    contact = Project.objects.get(slug=slug).contacts.get(label=label)
    assert (contact.phone, contact.email) == (phone, email)


def test_praski_kokon_has_the_eight_model_elements_in_order():
    text = seed_text(WARSZAWA)
    names = list(
        Deliverable.objects.filter(project__slug="praski-kokon").values_list("name", flat=True)
    )
    assert len(names) == 8
    for number, name in enumerate(names, start=1):
        # The page numbers them "1. standard …", "2. poradnik …"; the stored names start with a
        # capital letter and keep the rest of the wording.
        first_words = " ".join(name.split()[:4])
        assert f"{number}. {first_words[0].lower()}{first_words[1:]}" in text


def test_krakow_deliverables_include_the_website_hotline_and_publication():
    text = seed_text(KRAKOW_1)
    kinds = set(
        Deliverable.objects.filter(project__slug="rodzicu-nie-jestes-sam").values_list(
            "kind", flat=True
        )
    )
    assert {"website", "hotline", "publication", "diagnosis", "report", "model"} <= kinds
    for printed in (
        "strona internetowa dostosowana dla osób niepełnosprawnych",
        "infolinia",
        "publikacja zawierająca informacje",
    ):
        assert printed in text


def test_krakow_specialists_are_the_four_named_on_the_page():
    assert "psychologa, dietetyka, doradcę zawodowego, pielęgniarkę pediatryczną" in seed_text(
        KRAKOW_1
    )
    offer = SupportOffer.objects.get(slug="konsultacje-na-oddziale-i-w-szkole-rodzenia")
    assert set(offer.specialist_kinds.values_list("slug", flat=True)) == {
        "psychologist",
        "dietitian",
        "career-counsellor",
        "paediatric-nurse",
    }
    assert set(offer.place_kinds.values_list("slug", flat=True)) == {
        "maternity-ward",
        "birthing-school",
    }


def test_there_are_five_projects_in_four_cities():
    cities = sorted(Project.objects.values_list("city", flat=True))
    assert cities == ["Gdańsk", "Kraków", "Kraków", "Opole", "Warszawa"]


def test_a_second_load_changes_nothing():
    before = {p.slug: p.updated_at for p in Project.objects.all()}
    counts = [Organisation.objects.count(), Partnership.objects.count()]

    report = load_seed_projects()

    assert not report.changed_anything, report.summary()
    assert {p.slug: p.updated_at for p in Project.objects.all()} == before
    assert [Organisation.objects.count(), Partnership.objects.count()] == counts
