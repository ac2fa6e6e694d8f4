"""The SM EFS participant export: 43 columns in the layout file's order, dictionary values,
dates yyyy-mm-dd; every row validated first, with a list of the rows to fix instead of a file;
anonymised persons left out; scoped and audit-logged."""

import csv
import io

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from participants.models import Family, Person
from reports import sm_efs

NUMBER = "FERS.06.01-IP.05-0001/23"


def export(client, dataset, **more):
    return client.get(
        reverse("reports:sm-efs"),
        {"project": dataset.alfa.pk, "project_number": NUMBER, **more},
    )


def read(response):
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_the_layout_has_the_43_columns_in_order():
    names = [column.name for column in sm_efs.layout()]
    assert len(names) == 43
    assert names[:3] == ["Numer projektu", "Obywatelstwo", "Rodzaj uczestnika"]
    assert names[11] == "Wykształcenie"
    assert names[33:38] == [
        "Osoba obcego pochodzenia",
        "Obywatel państwa trzeciego",
        "Mniejszość",
        "Bezdomność",
        "Niepełnosprawność",
    ]
    assert names[-1] == "Uwagi"


@pytest.fixture
def clean(dataset):
    """Alfa's people as SM EFS needs them: P4 gets a family with an address, P5 an education
    and a status (P5 began in 2024; the tests choose ranges that include her or not)."""
    p4 = dataset.persons["p4"]
    Person.objects.filter(pk=p4.pk).update(family=dataset.families["f2"])
    Person.objects.filter(pk=dataset.persons["p5"].pk).update(
        education=Person.Education.ISCED3,
        labour_market_status=Person.LabourMarketStatus.INACTIVE,
    )
    return dataset


def test_a_clean_project_exports_every_participant(client, clean):
    dataset = clean
    client.force_login(dataset.coordinator)
    response = export(client, dataset)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read(response)
    assert rows[0] == [column.name for column in sm_efs.layout()]
    assert len(rows) == 1 + 5  # P5, P1, P2, P3, P4 by start date; not Q1 of Beta
    by_identifier = {row[6]: row for row in rows[1:]}
    p1 = dataset.persons["p1"]
    row = by_identifier[p1.pesel]
    assert row[:12] == [
        NUMBER,
        "Obywatelstwo polskie",
        "Indywidualny",
        "",
        p1.first_name,
        p1.last_name,
        p1.pesel,
        "Nie",
        "",
        "Kobieta",
        "34",
        "Ponadgimnazjalne (ISCED 3) lub policealne (ISCED 4)",
    ]
    assert row[12:19] == ["Polska", "opolskie", "Opole", "Opole", "Opole", "45-001", ""]
    assert row[21:25] == ["2025-03-01", "", "Osoba pracująca", ""]
    assert row[33:38] == ["Nie", "Nie", "Nie", "Nie", "Tak"]
    assert row[38] == "koordynator_alfa"
    p3 = by_identifier[dataset.persons["p3"].pesel]
    assert p3[1] == "Brak polskiego obywatelstwa lub bezpaństwowiec – obywatel kraju spoza UE"
    assert p3[11] == "Wyższe (ISCED 5–8)"
    p4 = by_identifier[dataset.persons["p4"].pesel]
    assert p4[11] == "Podstawowe (ISCED 1) lub gimnazjalne (ISCED 2)"
    assert p4[23:25] == ["Osoba bierna zawodowo", "Osoba ucząca się/kształcąca się"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.actor, entry.project) == (dataset.coordinator, dataset.alfa)
    assert entry.detail["export"] == "sm-efs:sm-efs-uczestnicy"
    assert entry.detail["rows"] == 5


def test_the_file_handed_over_is_the_file_checked_in_one_read(client, clean):
    """The participants are read once, checked and written in the same pass: a record changed
    between a check and a second read could not reach the file unchecked."""
    from django.test.utils import CaptureQueriesContext

    client.force_login(clean.coordinator)
    with CaptureQueriesContext(connection) as queries:
        response = export(client, clean)

    assert response.status_code == 200
    reads = [q["sql"] for q in queries if 'FROM "participants_enrolment"' in q["sql"]]
    assert len(reads) == 1
    assert len(read(response)) == 1 + 5
    assert response["Content-Disposition"].startswith('attachment; filename="sm-efs-uczestnicy-')


def test_anonymised_persons_are_left_out(client, clean):
    dataset = clean
    Person.objects.filter(pk=dataset.persons["p2"].pk).update(anonymised_at=timezone.now())
    client.force_login(dataset.coordinator)
    rows = read(export(client, dataset, date_from="2025-01-01"))
    assert sorted(row[6] for row in rows[1:]) == sorted(
        dataset.persons[name].pesel for name in ("p1", "p3", "p4")
    )


def test_bad_rows_are_listed_and_nothing_is_exported(client, dataset):
    p1, p3 = dataset.persons["p1"], dataset.persons["p3"]
    # Data that slipped past the forms (an old import): a broken checksum, a sex that the
    # PESEL contradicts, a malformed postcode and a missing county.
    broken = p1.pesel[:10] + str((int(p1.pesel[10]) + 1) % 10)
    Person.objects.filter(pk=p1.pk).update(pesel=broken)
    Person.objects.filter(pk=p3.pk).update(sex="M")
    Family.objects.filter(pk=dataset.families["f2"].pk).update(postcode="45001", county="")
    client.force_login(dataset.coordinator)
    response = export(client, dataset, date_from="2025-01-01", date_to="2025-12-31")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    problems = {
        (problem.person_id, problem.column, problem.message)
        for problem in response.context["problems"]
    }
    assert problems == {
        (p1.pk, "PESEL/Inny identyfikator", "Nieprawidłowy PESEL: cyfra kontrolna się nie zgadza."),
        (p3.pk, "Płeć", "Płeć nie zgadza się z numerem PESEL."),
        (p3.pk, "Powiat", "Brak wymaganej wartości."),
        (p3.pk, "Kod pocztowy", "Kod pocztowy musi mieć postać 00-000."),
        # P4 has no family, so no address.
        *(
            (dataset.persons["p4"].pk, column, "Brak wymaganej wartości.")
            for column in ("Województwo", "Powiat", "Gmina", "Miejscowość", "Kod pocztowy")
        ),
    }
    html = response.content.decode()
    assert reverse("admin:participants_person_change", args=[p1.pk]) in html
    assert p1.last_name not in html  # ids, not names, in the list
    # No file, but the refused export is in the audit log: 3 of the 4 rows checked (P5 began
    # in 2024, before the range) hold the 9 problems; P2 is fine.
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.actor, entry.project) == (dataset.coordinator, dataset.alfa)
    assert entry.detail == {
        "export": "sm-efs:sm-efs-uczestnicy",
        "format": "csv",
        "filters": {
            "projects": [dataset.alfa.pk],
            "date_from": "2025-01-01",
            "date_to": "2025-12-31",
        },
        "rows": 0,
        "complete": False,
        "checked": 4,
        "refused_rows": 3,
        "problems": 9,
    }


def test_the_project_number_is_required_and_the_project_must_be_mine(client, dataset):
    client.force_login(dataset.coordinator)
    response = client.get(reverse("reports:sm-efs"), {"project": dataset.beta.pk})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_project_error"' in html and 'id="id_project_number_error"' in html


def test_text_a_spreadsheet_would_run_is_a_row_to_fix_and_the_file_stays_raw(client, clean):
    dataset = clean
    p1, p3 = dataset.persons["p1"], dataset.persons["p3"]
    Person.objects.filter(pk=p1.pk).update(last_name='=HYPERLINK("http://evil.example/","klik")')
    # A phone in international form is what SM EFS takes: not a problem.
    Person.objects.filter(pk=p3.pk).update(phone="+48 600 100 200")
    client.force_login(dataset.coordinator)
    response = export(client, dataset)
    assert [(p.person_id, p.column, p.message) for p in response.context["problems"]] == [
        (
            p1.pk,
            "Nazwisko",
            "Wartość zaczyna się od znaku =, +, -, @, tabulatora lub powrotu karetki "
            "– arkusz kalkulacyjny wziąłby ją za formułę. Popraw ją przed eksportem.",
        )
    ]

    Person.objects.filter(pk=p1.pk).update(last_name="Kowalska")
    rows = read(export(client, dataset))
    by_identifier = {row[6]: row for row in rows[1:]}
    assert by_identifier[p3.pesel][19] == "+48 600 100 200"  # raw, no apostrophe


@pytest.mark.parametrize(
    ("postcode", "refused"),
    [
        ("45-001", False),
        pytest.param(
            "45-001\n",  # a trailing newline from a pasted address
            True,
            marks=pytest.mark.skipif(
                connection.vendor == "postgresql", reason="varchar(6) cannot hold 7 characters"
            ),
        ),
        ("\u0664\u0665-\u0660\u0660\u0661", True),  # Arabic-Indic digits: 45-001 to the eye
        ("４５-００１", True),  # full-width digits
        ("45 001", True),
        ("45-0a1", True),
    ],
)
def test_the_postcode_must_be_exactly_five_ascii_digits(client, clean, postcode, refused):
    dataset = clean
    Family.objects.filter(pk=dataset.families["f2"].pk).update(postcode=postcode)
    client.force_login(dataset.coordinator)
    response = export(client, dataset)
    if not refused:
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert {row[17] for row in read(response)[1:]} == {"45-001"}
        return
    problems = {(p.person_id, p.message) for p in response.context["problems"]}
    # F2 is P3's family, and P4's in the clean dataset.
    assert problems == {
        (dataset.persons[name].pk, "Kod pocztowy musi mieć postać 00-000.") for name in ("p3", "p4")
    }
