"""The five family-support projects the portal starts from, as data.

Every fact comes from the projects' public pages, kept verbatim in `docs/seeds/` (and checked
against them by `tests/services/test_seed_data.py`). Nothing here is invented: where a page gives
no figure the field is left out. Where a page contains a slip, the fact is kept, the form fixed,
and a comment beside the value says so.

The loader (`services.seed.loader`) upserts this data by natural keys, so it is idempotent.
Texts are Polish; the projects' Ukrainian and English translations are added in the admin. The
vocabularies' translations, the portal's own words, are in `vocabulary_translations`.
"""

from datetime import date
from decimal import Decimal

# --- Vocabularies ------------------------------------------------------------------------------

SPECIALIST_KINDS = [
    # (slug, Polish name)
    ("psychologist", "psycholog"),
    ("dietitian", "dietetyk"),
    ("career-counsellor", "doradca zawodowy"),
    ("paediatric-nurse", "pielęgniarka pediatryczna"),
    ("lawyer", "prawnik"),
    ("family-assistant", "asystent rodziny"),
    ("social-worker", "pracownik socjalny"),
    ("family-therapist", "terapeuta rodzinny"),
    ("family-counsellor", "doradca rodzinny"),
    ("foster-care-trainer", "trener rodzinnej pieczy zastępczej"),
    ("carer", "opiekun osoby z niepełnosprawnością"),
    ("animator", "animator"),
]

PLACE_KINDS = [
    # (slug, Polish name, is_remote)
    ("maternity-ward", "oddział położniczy", False),
    ("birthing-school", "szkoła rodzenia", False),
    ("office", "biuro / ośrodek", False),
    ("home-visit", "w domu rodziny", False),
    ("hotline", "infolinia", True),
    ("online", "przez internet", True),
    ("outdoors", "wyjazd / w plenerze", False),
]

SITUATIONS = [
    # (slug, Polish name, description)
    (
        "newborn",
        "Urodziło się dziecko / młodzi rodzice",
        "Wsparcie tuż po narodzinach dziecka: na oddziale położniczym, w szkole rodzenia i w domu.",
    ),
    (
        "disability",
        "Dziecko z niepełnosprawnością",
        "Usługi opiekuńcze, poradnictwo i wsparcie dla rodzin dzieci z niepełnosprawnością.",
    ),
    (
        "foster-care",
        "Piecza zastępcza i kandydaci",
        "Szkolenia dla kandydatów na rodziny zastępcze i wsparcie dla rodzin, które już nimi są.",
    ),
    (
        "parenting-crisis",
        "Trudności wychowawcze i kryzys",
        "Asystent rodziny, poradnictwo specjalistyczne, pomoc, gdy grozi odebranie dziecka.",
    ),
    (
        "poverty",
        "Ubóstwo i wykluczenie",
        "Praca socjalna, aktywna integracja i wsparcie rodziny w jej sąsiedztwie.",
    ),
]

# --- Organisations -----------------------------------------------------------------------------

ORGANISATIONS = [
    {
        "name": "Gmina Miejska Kraków",
        "kind": "municipality",
        "town": "Kraków",
    },
    {
        "name": "Miejski Ośrodek Pomocy Społecznej w Krakowie",
        "kind": "social_assistance_centre",
        "street": "ul. Józefińska 14",
        "postcode": "30-529",
        "town": "Kraków",
    },
    {
        "name": "Wydział Polityki Społecznej i Zdrowia Urzędu Miasta Krakowa",
        "kind": "city_office_department",
        "street": "ul. Bolesława Czerwieńskiego 16",
        "postcode": "31-319",
        "town": "Kraków",
        "phone": "12 616 94 92",
    },
    {
        "name": "Fundacja Instytut Rozwoju Regionalnego",
        "kind": "ngo",
    },
    {
        # Source slip: the page prints "Jugen Und Sozialamt"; it is the Jugend- und Sozialamt,
        # which the same page also names in Polish as "Urząd ds. Socjalnych i Młodzieży".
        "name": "Jugend- und Sozialamt Frankfurt am Main",
        "kind": "foreign_public_body",
        "town": "Frankfurt am Main",
        "country": "Niemcy",
    },
    {
        "name": "Ministerstwo Pracy i Polityki Społecznej",
        "kind": "central_public_body",
    },
    {
        "name": "Centrum Rozwoju Zasobów Ludzkich",
        "kind": "central_public_body",
    },
    {
        "name": "Miejski Ośrodek Pomocy Rodzinie w Gdańsku",
        "kind": "social_assistance_centre",
        "town": "Gdańsk",
    },
    {
        "name": "Fundacja Oparcia Społecznego Aleksandry „FOSA”",
        "kind": "ngo",
    },
    {
        "name": "Miasto Opole",
        "kind": "municipality",
        "street": "ul. Rynek 1A",
        "postcode": "45-015",
        "town": "Opole",
        "phone": "77 45 11 800",
        # The page obfuscates the address as "urzad [at] um.opole.pl".
        "email": "urzad@um.opole.pl",
    },
    {
        "name": "Miejski Ośrodek Pomocy Rodzinie w Opolu",
        "kind": "social_assistance_centre",
        "town": "Opole",
    },
    {
        "name": "Miasto Stołeczne Warszawa",
        "kind": "municipality",
        "town": "Warszawa",
    },
    {
        "name": "Biuro Pomocy i Projektów Społecznych Urzędu m.st. Warszawy",
        "kind": "city_office_department",
        "town": "Warszawa",
    },
    {
        "name": "Stowarzyszenie Otwarte Drzwi",
        "kind": "ngo",
    },
    {
        "name": "Fundacja Wspierania Rodzin „Korale”",
        "kind": "ngo",
    },
    {
        "name": "Stowarzyszenie Centrum Wspierania Aktywności Lokalnej CAL",
        "kind": "ngo",
    },
]

# --- Projects ----------------------------------------------------------------------------------

PROJECTS = [
    # 000: Kraków, "Rodzicu, nie jesteś sam!"
    {
        "slug": "rodzicu-nie-jestes-sam",
        "seed_file": "000_b7f456fd93069dff.txt",
        "title": "Rodzicu, nie jesteś sam!",
        "city": "Kraków",
        "voivodeship": "małopolskie",
        "start_date": date(2017, 10, 1),
        "end_date": date(2020, 3, 31),
        "programming_period": "2014-2020",
        "fund": "EFS",
        "summary": (
            "Wsparcie młodych rodzin tuż po narodzinach dziecka: konsultacje na oddziałach "
            "położniczo-ginekologicznych i w szkołach rodzenia oraz poradnictwo psychologa, "
            "dietetyka, doradcy zawodowego i pielęgniarki pediatrycznej."
        ),
        "description": (
            "W dniu 29.09.2017 r. zawarto umowę o dofinansowanie Projektu pomiędzy Gminą, "
            "a Ministerstwem. W ramach pierwszego etapu realizacji Projektu opracowana zostanie "
            "diagnoza w zakresie dotychczas udzielanego wsparcia dla rodzin, którym urodziło się "
            "dziecko. W dalszej kolejności przygotowany zostanie raport na temat wsparcia "
            "realizowanego w Niemczech oraz zostanie wypracowana wersja modelu wczesnego "
            "wsparcia gotowego do wdrożenia w szpitalach biorących udział w Projekcie.\n\n"
            "Kolejne etapy realizacji Projektu przewidują konsultacje prowadzone bezpośrednio "
            "na oddziałach położniczo - ginekologicznych i szkołach rodzenia oraz poradnictwo "
            "udzielane przez specjalistów: psychologa, dietetyka, doradcę zawodowego, "
            "pielęgniarkę pediatryczną. Zapisy wniosku o dofinansowanie Projektu wskazują na "
            "konieczność przygotowania narzędzi doradczych takich jak strona internetowa "
            "dostosowana dla osób niepełnosprawnych, infolinia, publikacja zawierająca "
            "informacje nt. możliwości wsparcia rodzin."
        ),
        "main_goal": (
            "Transfer, zaadaptowanie i wdrożenie, dzięki współpracy ponadnarodowej z partnerem "
            "niemieckim, rozwiązań w zakresie wsparcia młodych rodzin w celu adaptacji do roli "
            "opiekuńczo – wychowawczej po urodzeniu dziecka. Wypracowane rozwiązanie oparte "
            "będzie o współpracę międzysektorową pomiędzy Gminą, organizacją pozarządową, "
            "a partnerem ponadnarodowym."
        ),
        "target_groups": "Rodziny, którym urodziło się dziecko, w tym rodziny dzieci z "
        "niepełnosprawnością.",
        "expected_results": (
            "Efektem wdrożenia będzie uzyskanie przez rodziny dostępu do usług umożliwiających "
            "uzyskanie kompleksowej wiedzy i wsparcia pozwalających na dostosowanie życia "
            "codziennego do potrzeb małych dzieci (ze szczególnym uwzględnieniem dzieci "
            "z niepełnosprawnością) przy równoczesnym utrzymaniu aktywności społecznej "
            "i zawodowej rodziców."
        ),
        "easy_to_read": (
            "Urodziło Ci się dziecko? Możesz porozmawiać ze specjalistą. Psycholog, dietetyk, "
            "doradca zawodowy i pielęgniarka pediatryczna przychodzą do szpitala i do szkoły "
            "rodzenia. Pomoc jest bezpłatna. Zadzwoń: 660 637 852."
        ),
        "funding": {
            "total_value": Decimal("1113999.60"),
            "co_financing": Decimal("1045660.60"),
        },
        "partners": [
            ("Gmina Miejska Kraków", "leader", ""),
            ("Miejski Ośrodek Pomocy Społecznej w Krakowie", "implementing_unit", ""),
            (
                "Wydział Polityki Społecznej i Zdrowia Urzędu Miasta Krakowa",
                "implementing_unit",
                "we współpracy z MOPS",
            ),
            ("Fundacja Instytut Rozwoju Regionalnego", "national_partner", ""),
            (
                "Jugend- und Sozialamt Frankfurt am Main",
                "transnational_partner",
                "Urząd ds. Socjalnych i Młodzieży we Frankfurcie nad Menem",
            ),
        ],
        "contacts": [
            {
                "label": "Biuro Projektu",
                "organisation": "Miejski Ośrodek Pomocy Społecznej w Krakowie",
                "street": "ul. Rakowicka 21/4",
                "postcode": "31-510",
                "town": "Kraków",
                "phone": "660 637 852",
                "email": "sp@mops.krakow.pl",
            },
            {
                "label": "Miejski Ośrodek Pomocy Społecznej",
                "organisation": "Miejski Ośrodek Pomocy Społecznej w Krakowie",
                "street": "ul. Józefińska 14",
                "postcode": "30-529",
                "town": "Kraków",
            },
            {
                "label": "Wydział Polityki Społecznej i Zdrowia Urzędu Miasta Krakowa",
                "organisation": "Wydział Polityki Społecznej i Zdrowia Urzędu Miasta Krakowa",
                "street": "ul. Bolesława Czerwieńskiego 16",
                "postcode": "31-319",
                "town": "Kraków",
                "phone": "12 616 94 92",
                "email": "maria.pietak-fraczek@um.krakow.pl",
            },
        ],
        "subgroups": [
            {
                "name": "Rodziny, którym urodziło się dziecko",
                "description": "Rodziny korzystające ze wsparcia na oddziałach "
                "położniczo-ginekologicznych szpitali biorących udział w Projekcie i w szkołach "
                "rodzenia.",
            },
        ],
        "offers": [
            {
                "slug": "konsultacje-na-oddziale-i-w-szkole-rodzenia",
                "title": "Konsultacje specjalistów na oddziale położniczym i w szkole rodzenia",
                "description": "Konsultacje prowadzone bezpośrednio na oddziałach położniczo - "
                "ginekologicznych i w szkołach rodzenia: psycholog, dietetyk, doradca zawodowy, "
                "pielęgniarka pediatryczna.",
                "who_for": "Rodzice, którym urodziło się dziecko, i przyszli rodzice.",
                "how_to_get": "Zapytaj na oddziale lub w szkole rodzenia albo zadzwoń do Biura "
                "Projektu: 660 637 852.",
                "subgroup": "Rodziny, którym urodziło się dziecko",
                "specialists": [
                    "psychologist",
                    "dietitian",
                    "career-counsellor",
                    "paediatric-nurse",
                ],
                "places": ["maternity-ward", "birthing-school"],
                "situations": ["newborn", "disability"],
            },
            {
                "slug": "infolinia-dla-rodzicow",
                "title": "Infolinia dla rodziców",
                "description": "Informacja o możliwościach wsparcia rodzin z małymi dziećmi.",
                "who_for": "Rodzice małych dzieci.",
                "how_to_get": "Zadzwoń do Biura Projektu: 660 637 852.",
                "specialists": [],
                "places": ["hotline"],
                "situations": ["newborn"],
            },
        ],
        "activities": [],
        "deliverables": [
            (
                "diagnosis",
                "Diagnoza dotychczas udzielanego wsparcia dla rodzin, którym urodziło się dziecko",
            ),
            ("report", "Raport na temat wsparcia realizowanego w Niemczech"),
            ("model", "Model wczesnego wsparcia gotowy do wdrożenia w szpitalach"),
            ("website", "Strona internetowa dostosowana dla osób niepełnosprawnych"),
            ("hotline", "Infolinia"),
            ("publication", "Publikacja zawierająca informacje nt. możliwości wsparcia rodzin"),
        ],
    },
    # 001: Kraków, "Zawsze rodzina"
    {
        "slug": "zawsze-rodzina",
        "seed_file": "001_29128f382d1b9023.txt",
        "title": "Zawsze rodzina",
        "city": "Kraków",
        "voivodeship": "małopolskie",
        "start_date": date(2020, 7, 1),
        "end_date": date(2023, 6, 30),
        "programming_period": "2014-2020",
        "fund": "EFS",
        "topic": "Sprawy społeczne",
        "category": "nieinwestycyjny",
        # "łącznie do 1885 uczestników"; the four subgroups below add up to 1883 — both are as
        # the page gives them.
        "target_participants": 1885,
        "summary": (
            "Asystent rodziny, usługi opiekuńcze dla dzieci z niepełnosprawnością, warsztaty "
            "dla rodzin zastępczych i szkolenia dla kandydatów na rodziny zastępcze w Krakowie."
        ),
        "description": (
            "Projekt „Zawsze rodzina” kierowany jest do dzieci i młodzieży oraz ich rodzin "
            "zamieszkujących województwo małopolskie dotkniętych kryzysem, zagrożonych "
            "dysfunkcją lub przeżywających trudności w pełnieniu funkcji "
            "opiekuńczo-wychowawczych w celu zapobieganiu wykluczeniu społecznemu."
        ),
        "main_goal": (
            # Source slip: "Gminny Miejskiej Kraków" is the Gmina Miejska Kraków.
            "Zwiększenie na obszarze Gminy Miejskiej Kraków dostępności do usług społecznych, "
            "które zapewniają specjalistyczne wsparcie dla powyższej grupy docelowej, a także "
            "wsparcie systemu pieczy zastępczej poprzez kształcenie kandydatów na rodziny "
            "zastępcze, prowadzących rodzinne domy dziecka, jak również doskonalenie osób już "
            "sprawujących pieczę zastępczą wykonywaną w opisanych powyżej formach."
        ),
        "target_groups": (
            "Dzieci i młodzież oraz ich rodziny zamieszkujące województwo małopolskie dotknięte "
            "kryzysem, zagrożone dysfunkcją lub przeżywające trudności w pełnieniu funkcji "
            "opiekuńczo-wychowawczych; rodziny zastępcze i kandydaci na rodziny zastępcze."
        ),
        "expected_results": "Działaniami projektu zostanie objętych łącznie do 1885 "
        "uczestników, podzielonych na cztery podgrupy.",
        "easy_to_read": (
            "Masz kłopoty w rodzinie? Twoje dziecko ma niepełnosprawność? Chcesz zostać rodziną "
            "zastępczą? W Krakowie możesz dostać pomoc: asystenta rodziny, opiekę dla dziecka, "
            "warsztaty i szkolenia. Pomoc jest bezpłatna."
        ),
        "funding": {
            "total_value": Decimal("7733550.71"),
            "co_financing": Decimal("7171321.57"),
        },
        "partners": [
            ("Gmina Miejska Kraków", "leader", ""),
            ("Miejski Ośrodek Pomocy Społecznej w Krakowie", "implementing_unit", ""),
            (
                "Wydział Polityki Społecznej i Zdrowia Urzędu Miasta Krakowa",
                "implementing_unit",
                "",
            ),
        ],
        "contacts": [
            {
                "label": "Miejski Ośrodek Pomocy Społecznej",
                "organisation": "Miejski Ośrodek Pomocy Społecznej w Krakowie",
                "street": "ul. Józefińska 14",
                "postcode": "30-529",
                "town": "Kraków",
            },
        ],
        "subgroups": [
            {
                "name": "Rodziny z trudnościami opiekuńczo-wychowawczymi – asystent rodziny",
                "description": "Dzieci i młodzież do 18 roku życia oraz ich rodziny "
                "przeżywające trudności opiekuńczo-wychowawcze, którym zaoferowane zostaną "
                "usługi asystenta rodziny.",
                "target_families": 328,
                "target_participants": 1148,
            },
            {
                "name": "Dzieci z niepełnosprawnością i ich rodziny – usługi opiekuńcze",
                "description": "Dzieci i młodzież do 18 roku życia z niepełnosprawnością oraz "
                "ich rodziny, które objęte zostaną specjalistycznymi usługami opiekuńczymi dla "
                "dzieci z niepełnosprawnością.",
                "target_families": 120,
                "target_participants": 420,
            },
            {
                "name": "Rodziny zastępcze i rodzinne domy dziecka – warsztaty",
                "description": "Osoby pełniące funkcje rodzin zastępczych i prowadzące rodzinne "
                "domy dziecka, które otrzymają propozycję uczestnictwa w warsztatach doskonalenia "
                "umiejętności osób sprawujących rodzinną pieczę zastępczą.",
                "target_families": 175,
                "target_participants": 195,
            },
            {
                "name": "Kandydaci na rodziny zastępcze – szkolenia",
                "description": "Kandydaci do pełnienia funkcji rodzin zastępczych oraz "
                "prowadzących rodzinne domy dziecka, którzy wezmą udział w szkoleniach dla "
                "kandydatów chcących sprawować rodzinną pieczę zastępczą.",
                "target_participants": 120,
            },
        ],
        "offers": [
            {
                "slug": "asystent-rodziny",
                "title": "Asystent rodziny",
                "description": "Asystent rodziny pracuje z całą rodziną w jej domu, pomagając "
                "przejść przez trudności opiekuńczo-wychowawcze.",
                "who_for": "Dzieci i młodzież do 18 roku życia oraz ich rodziny przeżywające "
                "trudności opiekuńczo-wychowawcze.",
                "how_to_get": "Skontaktuj się z Miejskim Ośrodkiem Pomocy Społecznej w Krakowie.",
                "subgroup": "Rodziny z trudnościami opiekuńczo-wychowawczymi – asystent rodziny",
                "specialists": ["family-assistant"],
                "places": ["home-visit"],
                "situations": ["parenting-crisis"],
            },
            {
                "slug": "uslugi-opiekuncze-dla-dzieci-z-niepelnosprawnoscia",
                "title": "Specjalistyczne usługi opiekuńcze dla dzieci z niepełnosprawnością",
                "description": "Specjalistyczne usługi opiekuńcze dla dzieci i młodzieży "
                "z niepełnosprawnością.",
                "who_for": "Dzieci i młodzież do 18 roku życia z niepełnosprawnością oraz ich "
                "rodziny.",
                "how_to_get": "Skontaktuj się z Miejskim Ośrodkiem Pomocy Społecznej w Krakowie.",
                "subgroup": "Dzieci z niepełnosprawnością i ich rodziny – usługi opiekuńcze",
                "specialists": ["carer"],
                "places": ["home-visit"],
                "situations": ["disability"],
            },
            {
                "slug": "warsztaty-dla-rodzin-zastepczych",
                "title": "Warsztaty doskonalenia umiejętności dla rodzin zastępczych",
                "description": "Warsztaty doskonalenia umiejętności osób sprawujących rodzinną "
                "pieczę zastępczą.",
                "who_for": "Osoby pełniące funkcje rodzin zastępczych i prowadzące rodzinne "
                "domy dziecka.",
                "how_to_get": "Skontaktuj się z Miejskim Ośrodkiem Pomocy Społecznej w Krakowie.",
                "subgroup": "Rodziny zastępcze i rodzinne domy dziecka – warsztaty",
                "specialists": ["foster-care-trainer"],
                "places": ["office"],
                "situations": ["foster-care"],
            },
            {
                "slug": "szkolenia-dla-kandydatow-na-rodziny-zastepcze",
                "title": "Szkolenia dla kandydatów na rodziny zastępcze",
                "description": "Szkolenia dla kandydatów chcących sprawować rodzinną pieczę "
                "zastępczą lub prowadzić rodzinny dom dziecka.",
                "who_for": "Kandydaci do pełnienia funkcji rodzin zastępczych oraz prowadzących "
                "rodzinne domy dziecka.",
                "how_to_get": "Skontaktuj się z Miejskim Ośrodkiem Pomocy Społecznej w Krakowie.",
                "subgroup": "Kandydaci na rodziny zastępcze – szkolenia",
                "specialists": ["foster-care-trainer"],
                "places": ["office"],
                "situations": ["foster-care"],
            },
        ],
        "activities": [
            (
                "workshop",
                "Warsztaty doskonalenia umiejętności osób sprawujących rodzinną pieczę zastępczą",
                None,
            ),
            (
                "training",
                "Szkolenia dla kandydatów chcących sprawować rodzinną pieczę zastępczą",
                None,
            ),
        ],
        "deliverables": [],
    },
    # 002: Gdańsk, "Sukces Gdańskiej Rodziny"
    {
        "slug": "sukces-gdanskiej-rodziny",
        "seed_file": "002_1bc4a4bfb2ae1028.txt",
        "title": "Sukces Gdańskiej Rodziny",
        "city": "Gdańsk",
        "voivodeship": "pomorskie",
        # The page gives months only ("lipiec 2012 – listopad 2013"): first and last day.
        "start_date": date(2012, 7, 1),
        "end_date": date(2013, 11, 30),
        "period_note": "lipiec 2012 – listopad 2013",
        "programming_period": "2007-2013",
        "programme": "PO KL",
        "priority_axis": "I – Zatrudnienie i integracja społeczna",
        "measure": "1.2 – Wsparcie systemowe instytucji pomocy i integracji społecznej",
        "fund": "EFS",
        "summary": (
            "Praca socjalna o określonym standardzie z 80 rodzinami z dziećmi i specjalistyczne "
            "poradnictwo rodzinne w Gdańsku – pilotaż standardów usług pomocy społecznej."
        ),
        "description": (
            "Projekt został zainicjowany przez Ministerstwo Pracy i Polityki Społecznej "
            "w ramach Priorytetu I „Zatrudnienie i integracja społeczna” Programu Operacyjnego "
            "Kapitał Ludzki i wpisuje się w działanie 1.2 „Wsparcie systemowe instytucji pomocy "
            "i integracji społecznej”. Projektodawcą i beneficjentem systemowym jest Centrum "
            "Rozwoju Zasobów Ludzkich.\n\n"
            "Miejski Ośrodek Pomocy Rodzinie w Gdańsku bierze udział w Pilotażowym wdrażaniu "
            "standardów usług i modeli instytucji pomocy i integracji społecznej, które zostały "
            "wypracowane w projekcie w Zadaniu Nr 2: „Działania w zakresie wdrażania standardów "
            "pracy socjalnej i funkcjonowania instytucji pomocy i integracji społecznej”.\n\n"
            "Innowacyjnym elementem pilotażowego projektu jest oddzielenie usługi pracy "
            "socjalnej od postępowania w sprawie świadczeń pomocy społecznej. Z rodzinami "
            "pracuje zespół pracowników socjalnych oraz kadra zarządzająca z koordynatorem "
            "pełniącym funkcję administracyjną. Pięciu pracowników socjalnych pracuje "
            "bezpośrednio z rodzinami. Ich działania wspierają między innymi konsultanci pomocy "
            "społecznej: prawnik, psycholog, specjalista pracy socjalnej, koordynator usług "
            "pomocy społecznej oraz superwizor pracy socjalnej."
        ),
        "main_goal": (
            "Przetestowanie nowych rozwiązań merytoryczno-organizacyjnych związanych ze "
            "świadczeniem pracy socjalnej, przyznawaniem i realizacją świadczeń z pomocy "
            "społecznej oraz usługą poradnictwa specjalistycznego dla rodzin z dziećmi."
        ),
        "target_groups": "Rodziny z dziećmi objęte wsparciem MOPR w Gdańsku.",
        "expected_results": (
            "Efektem pilotażowego wdrażania testowanych Standardów będzie analiza i ocena "
            "nowatorskich rozwiązań w zakresie udzielania pomocy i wsparcia rodzin z dziećmi."
        ),
        "easy_to_read": (
            "Pracownik socjalny pomaga rodzinie z dziećmi. Rodzina może też porozmawiać "
            "z psychologiem lub prawnikiem. Projekt był w Gdańsku w latach 2012–2013."
        ),
        "funding_statement": "Projekt współfinansowany przez Unię Europejską w ramach środków "
        "Europejskiego Funduszu Społecznego.",
        "logo_strip_alt": "Loga Kapitał Ludzki i UE Europejski Fundusz Społeczny",
        # "Wartość projektu wynosi: 999 990,00 zł"; the page gives no co-financing split.
        "funding": {"total_value": Decimal("999990.00")},
        "partners": [
            ("Centrum Rozwoju Zasobów Ludzkich", "leader", "projektodawca i beneficjent systemowy"),
            ("Ministerstwo Pracy i Polityki Społecznej", "initiator", ""),
            (
                "Miejski Ośrodek Pomocy Rodzinie w Gdańsku",
                "implementing_unit",
                "realizator pilotażowego wdrażania standardów",
            ),
            (
                "Fundacja Oparcia Społecznego Aleksandry „FOSA”",
                "contracted_ngo",
                "poradnictwo specjalistyczne dla rodzin z dziećmi, wyłoniona w drodze konkursu",
            ),
        ],
        "contacts": [],
        "subgroups": [
            {
                "name": "Rodziny z dziećmi – praca socjalna o określonym standardzie",
                "description": "Rodziny z dziećmi objęte wsparciem MOPR, z którymi pracuje "
                "zespół pracowników socjalnych.",
                "target_families": 80,
            },
            {
                "name": "Rodziny z dziećmi – specjalistyczne poradnictwo rodzinne",
                "description": "Rodziny spośród objętych pracą socjalną, które skorzystają ze "
                "specjalistycznego poradnictwa rodzinnego świadczonego zgodnie z testowanym "
                "standardem.",
                "target_families": 20,
                "target_note": "ok. 20 rodzin",
            },
        ],
        "offers": [
            {
                "slug": "praca-socjalna-z-rodzina-z-dziecmi",
                "title": "Praca socjalna z rodziną z dziećmi",
                "description": "Kompleksowe wsparcie w zakresie poradnictwa rodzinnego "
                "umożliwiające rozwiązywanie problemów, zaspokojenie potrzeb w zakresie "
                "prowadzenia gospodarstwa domowego, poprawę stosunków wewnątrzrodzinnych, "
                "zwiększenie umiejętności opiekuńczo-wychowawczych i bezpieczeństwa socjalnego.",
                "who_for": "Rodziny z dziećmi objęte wsparciem MOPR w Gdańsku.",
                "how_to_get": "Skontaktuj się z Miejskim Ośrodkiem Pomocy Rodzinie w Gdańsku.",
                "subgroup": "Rodziny z dziećmi – praca socjalna o określonym standardzie",
                "specialists": ["social-worker", "lawyer", "psychologist"],
                "places": ["office", "home-visit"],
                "situations": ["poverty", "parenting-crisis"],
            },
            {
                "slug": "specjalistyczne-poradnictwo-rodzinne",
                "title": "Specjalistyczne poradnictwo rodzinne",
                "description": "Poradnictwo specjalistyczne dla rodzin z dziećmi zgodnie "
                "z testowanym standardem, prowadzone przez Fundację „FOSA”.",
                "who_for": "Rodziny z dziećmi objęte pracą socjalną w projekcie.",
                "how_to_get": "Skieruje Cię pracownik socjalny MOPR w Gdańsku.",
                "subgroup": "Rodziny z dziećmi – specjalistyczne poradnictwo rodzinne",
                "specialists": ["family-counsellor"],
                "places": ["office"],
                "situations": ["parenting-crisis"],
            },
        ],
        "activities": [],
        "deliverables": [
            ("standard", "Standard pracy socjalnej z rodziną z dziećmi"),
            (
                "standard",
                "Standard specjalistycznego poradnictwa rodzinnego dla rodzin z dziećmi "
                "w oparciu o Model realizacji usług o określonym standardzie w mieście na prawach "
                "powiatu",
            ),
        ],
    },
    # 003: Opole, "Trudny start, lepsza przyszłość 2"
    {
        "slug": "trudny-start-lepsza-przyszlosc-2",
        "seed_file": "003_3f95df8df1a7979d.txt",
        "title": "Trudny start, lepsza przyszłość 2",
        "city": "Opole",
        "voivodeship": "opolskie",
        "start_date": date(2020, 10, 4),
        "end_date": date(2022, 10, 31),
        "programming_period": "2014-2020",
        "programme": "RPO WO 2014-2020",
        "priority_axis": "VIII – Integracja społeczna",
        "measure": "8.1 – Dostęp do wysokiej jakości usług zdrowotnych i społecznych",
        "fund": "EFS",
        "target_participants": 100,
        "summary": (
            "Program wsparcia rodzin i pieczy zastępczej w mieście Opolu: poradnictwo "
            "specjalistyczne, kolonie, wyjazdy, warsztaty i spotkania integracyjne."
        ),
        "description": (
            "Projekt przewiduje dwa rodzaje działań: na rzecz wsparcia rodziny przeżywającej "
            "problemy opiekuńczo - wychowawcze oraz wsparcie pieczy zastępczej. Dla osób, "
            "rodzin z problemami wychowawczymi lub będących w systemie pieczy zastępczej "
            "zaplanowano usługi aktywnej integracji połączone z usługami społecznymi oraz "
            "poradnictwo specjalistyczne.\n\n"
            "W stosunku do dzieci planuje się realizację przedsięwzięć mających na celu wzrost "
            "ich kompetencji społecznych, kulturalnych i edukacyjnych np. poprzez udział "
            "w wyjazdach aktywizacyjno - integracyjnych. Zrealizowane będą 2 kolonie letnie oraz "
            "2 wyjazdy w okresie ferii zimowych.\n\n"
            "Wspólnie dla rodziców i dzieci planuje się udział w 3 warsztatach "
            "społeczno-integracyjnych i konkursie plastycznym, organizację 32 spotkań "
            "integracyjnych oraz 2 wyjazdy integracyjne z udziałem dzieci, rodziców zastępczych "
            "oraz ich dzieci biologicznych.\n\n"
            "Działaniem uzupełniającym będzie kampania świadomościowa w zakresie propagowania "
            "rodziny i rodzicielstwa zastępczego w postaci konferencji nt. rodzicielstwa "
            "zastępczego oraz organizacji 2 pikników na rzecz rodziny i rodzicielstwa "
            "zastępczego."
        ),
        "main_goal": (
            "Rozwój kompleksowego wsparcia dla rodzin przeżywających problemy opiekuńczo - "
            "wychowawcze (w tym w sytuacji zagrożenia utraty możliwości opieki nad dziećmi) "
            "i pieczy zastępczej w okresie realizacji projektu."
        ),
        "target_groups": (
            "Rodziny przeżywające problemy opiekuńczo-wychowawcze, w tym rodziny z dziećmi "
            "niepełnosprawnymi, piecza zastępcza oraz otoczenie osób zagrożonych ubóstwem lub "
            "wykluczeniem społecznym – łącznie 100 osób."
        ),
        "expected_results": (
            "Wzrost kompetencji społecznych, kulturalnych i edukacyjnych dzieci; redukcja "
            "deficytów społecznych i emocjonalnych dzieci przebywających w pieczy zastępczej "
            "oraz rodzin przeżywających problemy wychowawcze."
        ),
        "easy_to_read": (
            "Masz trudności w wychowaniu dzieci? Jesteś rodziną zastępczą? W Opolu możesz "
            "dostać pomoc specjalisty. Dzieci mogą pojechać na kolonie i wyjazdy. Rodziny "
            "spotykają się na warsztatach i piknikach."
        ),
        "funding": {
            "total_value": Decimal("355075.00"),
            "co_financing": Decimal("335545.87"),
            "eu_share": Decimal("301813.75"),
        },
        "partners": [
            ("Miasto Opole", "leader", "wnioskodawca"),
            ("Miejski Ośrodek Pomocy Rodzinie w Opolu", "implementing_unit", ""),
        ],
        "contacts": [
            {
                "label": "Urząd Miasta Opola",
                "organisation": "Miasto Opole",
                "street": "ul. Rynek 1A",
                "postcode": "45-015",
                "town": "Opole",
                "phone": "77 45 11 800",
                "email": "urzad@um.opole.pl",
            },
        ],
        "subgroups": [
            {
                "name": "Rodziny z problemami opiekuńczo-wychowawczymi i piecza zastępcza",
                "description": "Rodziny przeżywające problemy opiekuńczo-wychowawcze, rodziny "
                "zastępcze oraz otoczenie osób zagrożonych ubóstwem lub wykluczeniem "
                "społecznym.",
                "target_participants": 100,
            },
        ],
        "offers": [
            {
                "slug": "poradnictwo-specjalistyczne",
                "title": "Poradnictwo specjalistyczne dla rodzin",
                "description": "Usługi aktywizujące i wspierające, w tym specjalistyczne "
                "poradnictwo, dla rodzin w pełnieniu ról opiekuńczo-wychowawczych.",
                "who_for": "Rodziny przeżywające problemy opiekuńczo-wychowawcze, w tym rodziny "
                "z dziećmi niepełnosprawnymi, i rodziny zastępcze.",
                "how_to_get": "Skontaktuj się z Miejskim Ośrodkiem Pomocy Rodzinie w Opolu.",
                "subgroup": "Rodziny z problemami opiekuńczo-wychowawczymi i piecza zastępcza",
                "specialists": ["psychologist", "family-therapist"],
                "places": ["office"],
                "situations": ["parenting-crisis", "disability", "foster-care"],
            },
            {
                "slug": "wyjazdy-i-spotkania-integracyjne",
                "title": "Kolonie, wyjazdy i spotkania integracyjne",
                "description": "Kolonie letnie, wyjazdy w ferie zimowe, warsztaty "
                "społeczno-integracyjne, konkurs plastyczny, spotkania i wyjazdy integracyjne "
                "dla dzieci i rodziców.",
                "who_for": "Dzieci i rodzice, w tym rodzice zastępczy i ich dzieci biologiczne.",
                "how_to_get": "Skontaktuj się z Miejskim Ośrodkiem Pomocy Rodzinie w Opolu.",
                "subgroup": "Rodziny z problemami opiekuńczo-wychowawczymi i piecza zastępcza",
                "specialists": ["animator"],
                "places": ["outdoors"],
                "situations": ["foster-care", "parenting-crisis", "poverty"],
            },
        ],
        "activities": [
            ("summer_camp", "Kolonie letnie", 2),
            ("winter_trip", "Wyjazdy w okresie ferii zimowych", 2),
            ("workshop", "Warsztaty społeczno-integracyjne", 3),
            ("art_contest", "Konkurs plastyczny", 1),
            ("integration_meeting", "Spotkania integracyjne", 32),
            (
                "integration_trip",
                "Wyjazdy integracyjne z udziałem dzieci, rodziców zastępczych "
                "oraz ich dzieci biologicznych",
                2,
            ),
            ("conference", "Konferencja nt. rodzicielstwa zastępczego", 1),
            ("picnic", "Pikniki na rzecz rodziny i rodzicielstwa zastępczego", 2),
        ],
        "deliverables": [],
    },
    # 004: Warszawa, "Praski Kokon"
    {
        "slug": "praski-kokon",
        "seed_file": "004_18fcb59db8dec954.txt",
        "title": "Praski Kokon",
        "city": "Warszawa",
        "voivodeship": "mazowieckie",
        "area": "województwo mazowieckie",
        "start_date": date(2017, 1, 2),
        "end_date": date(2019, 12, 31),
        "programming_period": "2014-2020",
        "programme": "PO WER",
        # Source slip: the axis is printed as "I." while the measure is 4.1 of PO WER, which
        # belongs to axis IV.
        "priority_axis": "IV – Innowacje społeczne i współpraca ponadnarodowa",
        "measure": "4.1 – Innowacje społeczne",
        "call_number": "POWR.04.01.00-IZ.00-00-004/16",
        "fund": "EFS",
        "programme_specific_objective": (
            "Zwiększenie wykorzystania innowacji społecznych na rzecz poprawy skuteczności "
            "wybranych aspektów polityk publicznych w obszarze oddziaływania EFS"
        ),
        "summary": (
            "Model przeciwdziałania wykluczeniu i biedzie, wspierający całą rodzinę w jej "
            "najbliższym sąsiedztwie na warszawskiej Pradze – we współpracy samorządu "
            "i organizacji pozarządowych."
        ),
        "description": (
            "W ramach projektu zakłada się przeprowadzenie pogłębionej diagnozy terytorium, "
            "wypracowanie modelu w ścisłej współpracy z przedstawicielami odbiorców "
            "(empowerment), przetestowanie i upowszechnienie modelu, a następnie włączenie "
            "modelu do polityki i praktyki na poziomie lokalnym."
        ),
        "main_goal": (
            "Wypracowanie zintegrowanego kompleksowego modelu przeciwdziałania wykluczeniu "
            "biedy, wspierającego całą rodzinę w jej najbliższym sąsiedztwie, który zakłada "
            "współpracę lokalnych podmiotów i koordynację działań."
        ),
        "target_groups": (
            "Rodziny o dziedziczonej formie ubóstwa wraz z ich najbliższym sąsiedztwem, "
            "z koncentracją uwagi na dzieciach i młodzieży; jst, jej podmioty i pracownicy "
            "z obszaru pomocy społecznej i edukacji; ngo świadczące działania na rzecz osób "
            "wykluczonych i zagrożonych wykluczeniem społecznym."
        ),
        "expected_results": (
            "Model, na który złożą się opracowane programy i wytyczne oraz rekomendacje; "
            "wzrost potencjału jst i ngo, działających na rzecz osób wykluczonych i zagrożonych "
            "wykluczeniem społecznym; wzrost współpracy międzysektorowej; zmniejszenie liczby "
            "dzieci kierowanych do pieczy zastępczej."
        ),
        "easy_to_read": (
            "Rodzina żyje w biedzie? Dziecko jest w placówce albo może do niej trafić? "
            "Na Pradze w Warszawie urząd i organizacje pomagają całej rodzinie, blisko jej domu."
        ),
        # Source slip: "1 817,779,19 PLN" is 1 817 779,19 PLN. The page gives the co-financing
        # only, not the total value.
        "funding": {"co_financing": Decimal("1817779.19")},
        "partners": [
            ("Miasto Stołeczne Warszawa", "leader", ""),
            ("Biuro Pomocy i Projektów Społecznych Urzędu m.st. Warszawy", "implementing_unit", ""),
            ("Stowarzyszenie Otwarte Drzwi", "national_partner", ""),
            ("Fundacja Wspierania Rodzin „Korale”", "national_partner", ""),
            ("Stowarzyszenie Centrum Wspierania Aktywności Lokalnej CAL", "national_partner", ""),
        ],
        "contacts": [],
        "subgroups": [
            {
                "name": "Rodziny o dziedziczonej formie ubóstwa i ich sąsiedztwo",
                "description": "Rodziny o dziedziczonej formie ubóstwa wraz z ich najbliższym "
                "sąsiedztwem, z koncentracją uwagi na dzieciach i młodzieży.",
            },
            {
                "name": "Jednostki samorządu terytorialnego i ich pracownicy",
                "description": "Jst, jej podmioty i pracownicy z obszaru pomocy społecznej "
                "i edukacji.",
            },
            {
                "name": "Organizacje pozarządowe",
                "description": "Ngo świadczące działania na rzecz osób wykluczonych "
                "i zagrożonych wykluczeniem społecznym.",
            },
        ],
        "offers": [
            {
                "slug": "wsparcie-rodziny-w-sasiedztwie",
                "title": "Wsparcie całej rodziny w jej sąsiedztwie",
                "description": "Asystent rodziny i lokalne organizacje wspólnie wspierają "
                "rodzinę, w której dziecko zostało umieszczone w placówce "
                "opiekuńczo-wychowawczej lub jest zagrożone umieszczeniem.",
                "who_for": "Rodziny o dziedziczonej formie ubóstwa wraz z ich najbliższym "
                "sąsiedztwem, z koncentracją uwagi na dzieciach i młodzieży.",
                "how_to_get": "Skontaktuj się z Biurem Pomocy i Projektów Społecznych Urzędu "
                "m.st. Warszawy.",
                "subgroup": "Rodziny o dziedziczonej formie ubóstwa i ich sąsiedztwo",
                "specialists": ["family-assistant", "animator"],
                "places": ["home-visit", "outdoors"],
                "situations": ["poverty", "parenting-crisis"],
            },
        ],
        "activities": [],
        "deliverables": [
            (
                "model_element",
                "Standard międzysektorowej współpracy partnerskiej, określający "
                "zasady współpracy podmiotów samorządowych i organizacji pozarządowych, dotyczącej "
                "działań na rzecz rodzin dotkniętych kryzysem i dysfunkcją, w których dziecko "
                "zostało umieszczone w placówce opiekuńczo – wychowawczej lub jest zagrożone "
                "umieszczeniem w placówce",
            ),
            (
                "model_element",
                "Poradnik pt. „Odzyskać dziecko”, adresowany do rodzin, w których "
                "dziecko zostało umieszczone w placówce opiekuńczo – wychowawczej lub jest "
                "zagrożone umieszczeniem w placówce",
            ),
            ("model_element", "Program Akademii Umiejętności Wychowawczych"),
            ("model_element", "Scenariusze lokalnych warsztatów z animatorami imprez podwórkowych"),
            (
                "model_element",
                "Poradnik obejmujący zasady ustanawiania i funkcjonowania Rodzin Wspierających",
            ),
            ("model_element", "Projekt Akademia Rozwijania Talentów (ART)"),
            ("model_element", "Program szkoleń z edukacji finansowej rodzin"),
            (
                "model_element",
                "Rekomendacje dotyczące zasad współpracy asystenta rodzin i NGO "
                "na rzecz rodziny z trudnościami opiekuńczo – wychowawczymi",
            ),
        ],
    },
]
