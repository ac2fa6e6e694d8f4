"""Every report's figures against the hand-made dataset (tests/reports/conftest.py)."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import Funding
from reports.queries import activities, consultations, efs, funding, targets
from reports.scope import ReportFilters, report_projects

D = Decimal


def in_alfa(dataset, start=date(2025, 1, 1), end=date(2025, 12, 31)):
    return ReportFilters((dataset.alfa.pk,), start, end)


def table(report, key):
    return next(t for t in report.tables if t.key == key)


def test_report_projects_are_the_overseen_ones(dataset):
    assert list(report_projects(dataset.coordinator)) == [dataset.alfa]
    assert list(report_projects(dataset.caseworker)) == []
    assert set(report_projects(dataset.superuser)) == {dataset.alfa, dataset.beta}


def test_targets_per_subgroup(dataset):
    result = table(targets.build(in_alfa(dataset)), "podgrupy")
    # Rodziny: F1 (through P1), F2 (P3), F3 (as a family) of 10; P1 and P3. P5 began in 2024.
    # Dzieci: F1 (through P2); P2 and P4 of 4.
    assert result.rows == [
        ("Alfa", "Rodziny", 10, 3, D("30.00"), None, 2, None),
        ("Alfa", "Dzieci", None, 1, None, 4, 2, D("50.00")),
    ]
    # F1 counts once though two of its members are in two subgroups.
    assert result.footer[2:] == (10, 3, D("30.00"), 4, 4, D("100.00"))


def test_a_person_in_two_projects_counts_once_in_the_total(dataset):
    both = ReportFilters((dataset.alfa.pk, dataset.beta.pk), date(2025, 1, 1), date(2025, 12, 31))
    result = table(targets.build(both), "podgrupy")
    per_project = {(row[0], row[1]): row[6] for row in result.rows}
    assert per_project == {("Alfa", "Rodziny"): 2, ("Alfa", "Dzieci"): 2, ("Beta", "Rodziny"): 2}
    # P1, P2, P3, P4 and Q1: P1 is in Alfa and Beta, counted once.
    assert result.footer[6] == 5


def test_efs_breakdowns(dataset):
    report = efs.build(in_alfa(dataset))
    assert table(report, "plec").rows == [("kobieta", 2), ("mężczyzna", 2)]
    # P2 9 years old, P4 19, P1 34, P3 55 on their start dates.
    assert table(report, "wiek").rows == [
        ("poniżej 18 lat", 1),
        ("18–29 lat", 1),
        ("30–54 lata", 1),
        ("55 lat i więcej", 1),
    ]
    assert table(report, "wyksztalcenie").rows == [
        ("ISCED 0–2", 2),
        ("ISCED 3–4", 1),
        ("ISCED 5–8", 1),
    ]
    assert dict(table(report, "rynek-pracy").rows) == {
        "osoba pracująca": 1,
        "bezrobotna zarejestrowana w PUP": 1,
        "bezrobotna niezarejestrowana w PUP": 0,
        "długotrwale bezrobotna": 0,
        "bierna zawodowo": 0,
        "bierna zawodowo, ucząca się": 1,
        "nie dotyczy (dziecko)": 1,
    }
    assert table(report, "cechy").rows == [
        ("osoba z niepełnosprawnością", 1),
        ("osoba obcego pochodzenia", 1),
        ("obywatel państwa trzeciego", 1),
        ("osoba należąca do mniejszości", 1),
        ("osoba w kryzysie bezdomności lub wykluczona z dostępu do mieszkań", 1),
    ]
    assert {t.footer for t in report.tables} == {("Razem", 4), ("Wszyscy uczestnicy", 4)}


def test_efs_in_another_range(dataset):
    # Only P5 began in 2024, aged 39.
    report = efs.build(in_alfa(dataset, date(2024, 1, 1), date(2024, 12, 31)))
    assert table(report, "wiek").rows == [
        ("poniżej 18 lat", 0),
        ("18–29 lat", 0),
        ("30–54 lata", 1),
        ("55 lat i więcej", 0),
    ]
    # P5 has no education or status recorded.
    assert table(report, "wyksztalcenie").rows[-1] == ("brak danych", 1)


def test_consultations_over_a_year(dataset):
    report = consultations.build(in_alfa(dataset))
    assert table(report, "specjalisci").rows == [
        ("dietetyk", 2, D("2.50")),
        ("psycholog", 3, D("3.25")),
    ]
    assert table(report, "specjalisci").footer == ("Razem", 5, D("5.75"))
    assert table(report, "miesiace").rows == [
        ("2025-03", "psycholog", 2, D("2.50")),
        ("2025-04", "dietetyk", 1, D("0.50")),
        ("2025-04", "psycholog", 1, D("0.75")),
        ("2025-05", "dietetyk", 1, D("2.00")),
    ]
    assert table(report, "miejsca").rows == [
        ("biuro / ośrodek", 3, D("2.25")),
        ("przez internet", 1, D("2.00")),
        ("w domu rodziny", 1, D("1.50")),
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Part of March (from the consultations), all of April (from the monthly totals).
        (
            date(2025, 3, 10),
            date(2025, 4, 30),
            [
                ("2025-03", "psycholog", 1, D("1.50")),
                ("2025-04", "dietetyk", 1, D("0.50")),
                ("2025-04", "psycholog", 1, D("0.75")),
            ],
        ),
        # Inside one month: only the consultations.
        (date(2025, 3, 2), date(2025, 3, 19), [("2025-03", "psycholog", 1, D("1.00"))]),
        # Open start, partial end month.
        (
            None,
            date(2025, 3, 5),
            [("2024-12", "psycholog", 1, D("1.00")), ("2025-03", "psycholog", 1, D("1.00"))],
        ),
        # Partial start month, open end.
        (
            date(2025, 4, 30),
            None,
            [("2025-04", "psycholog", 1, D("0.75")), ("2025-05", "dietetyk", 1, D("2.00"))],
        ),
        (None, None, None),
    ],
)
def test_consultations_in_partial_months(dataset, start, end, expected):
    rows = table(consultations.build(in_alfa(dataset, start, end)), "miesiace").rows
    if expected is None:  # everything: six consultations, 405 minutes
        assert sum(row[2] for row in rows) == 6
        assert sum(row[3] for row in rows) == D("6.75")
    else:
        assert rows == expected


def test_activities_planned_and_held(dataset):
    result = table(activities.build(in_alfa(dataset)), "dzialania")
    assert result.rows == [
        ("Alfa", "Warsztaty", 4, 2, D("50.00"), 20),
        ("Alfa", "Piknik", 1, 0, D("0.00"), 0),
    ]
    assert result.footer == ("Razem", "", 5, 2, D("40.00"), 20)


def test_funding_summary(dataset):
    both = ReportFilters((dataset.alfa.pk, dataset.beta.pk))
    result = table(funding.build(both), "finansowanie")
    # Beta has no funding record: only Alfa's row.
    assert result.rows == [
        (
            "Alfa",
            D("1000000.00"),
            D("950000.00"),
            D("95.00"),
            D("800000.00"),
            D("80.00"),
            D("100000.00"),
            D("10.00"),
            D("50000.00"),
            D("5.00"),
        )
    ]
    assert result.footer[1:] == result.rows[0][1:]


def test_funding_totals_leave_out_a_project_of_unknown_value_from_the_percentages(client, dataset):
    # Alfa: value 1 000 000, co-financing 950 000 (nothing else known). Beta: value unknown,
    # co-financing 500 000, EU share 400 000. Nobody knows a state subsidy.
    Funding.objects.filter(project=dataset.alfa).update(
        eu_share=None, state_subsidy=None, own_contribution=None
    )
    Funding.objects.create(
        project=dataset.beta, co_financing=D("500000.00"), eu_share=D("400000.00")
    )
    result = table(funding.build(ReportFilters((dataset.alfa.pk, dataset.beta.pk))), "finansowanie")
    assert result.footer == (
        "Razem; udziały procentowe obejmują 1 z 2 projektów (tylko te o znanej wartości)",
        D("1000000.00"),
        D("1450000.00"),  # every known co-financing…
        D("95.00"),  # …but the percentage is Alfa's 950 000 of its 1 000 000, not 145 %
        D("400000.00"),
        None,  # no project knows both its EU share and its value
        None,  # no subsidy anywhere: empty, not 0,00 zł
        None,
        D("50000.00"),  # Alfa's own contribution, derived: 1 000 000 − 950 000
        D("5.00"),
    )
    client.force_login(dataset.superuser)
    html = client.get(reverse("reports:report", args=["finansowanie"])).content.decode()
    footer = html.split("<tfoot>")[1].split("</tfoot>")[0]
    cells = [
        cell.replace("\N{NO-BREAK SPACE}", " ") for cell in re.findall(r">([^<>]*)</t[dh]>", footer)
    ]
    assert cells == [
        "Razem; udziały procentowe obejmują 1 z 2 projektów (tylko te o znanej wartości)",
        "1 000 000,00 zł",
        "1 450 000,00 zł",
        "95,00 %",
        "400 000,00 zł",
        "–",
        "–",
        "–",
        "50 000,00 zł",
        "5,00 %",
    ]


def test_funding_totals_of_projects_all_of_known_value_are_just_razem(dataset):
    result = table(funding.build(in_alfa(dataset)), "finansowanie")
    assert result.footer[0] == "Razem"
