"""What people typed reaches a register's file as text, never as something a spreadsheet runs:
formula-like text is defused (an apostrophe in CSV, a string cell in XLSX), control characters
are dropped, numbers stay numbers; and the PostgreSQL COPY path writes the same file as the
Python one."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from audit.models import AuditEntry
from participants.models import Person
from projects.models import Project
from reports import exporters
from reports.scope import ReportFilters
from reports.tables import PERCENT, PLN, Column
from reports.writers import csv_lines, xlsx_file
from services.enquiries import submit_enquiry
from services.models import SpecialistKind
from tests.reports.conftest import RANGE_2025

HYPERLINK = '=HYPERLINK("http://evil.example/","klik")'


def read_csv(response):
    body = b"".join(response.streaming_content)
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def read_sheet(response):
    body = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(body)).active


def in_every_language(field, value):
    """The field itself (what a related lookup reads) and each language's copy of it."""
    return {field: value, **{f"{field}_{code}": value for code, _name in settings.LANGUAGES}}


def register(client, slug, fmt, query=None):
    return client.get(reverse("reports:register-export", args=[slug, fmt]), query or {})


def test_an_enquiry_named_like_a_formula_is_text_in_csv_and_xlsx(client, dataset):
    # Someone sends the public enquiry form with a formula as the name.
    enquiry = submit_enquiry(
        project=dataset.alfa, name=HYPERLINK, phone="+48 12 345 67 89", consent=True
    )
    client.force_login(dataset.coordinator)

    row = read_csv(register(client, "zgloszenia", "csv"))[1]
    assert row[0] == enquiry.reference
    assert enquiry.phone == "+48123456789"
    assert row[6:8] == [f"'{HYPERLINK}", "'+48123456789"]

    sheet = read_sheet(register(client, "zgloszenia", "xlsx"))
    name, phone = sheet.cell(row=2, column=7), sheet.cell(row=2, column=8)
    assert (name.value, name.data_type, name.quotePrefix) == (HYPERLINK, "s", True)
    assert (phone.value, phone.data_type) == ("+48123456789", "s")


def test_a_participant_named_minus_two_plus_three_is_text(client, dataset):
    p1 = dataset.persons["p1"]
    Person.objects.filter(pk=p1.pk).update(last_name="-2+3")
    client.force_login(dataset.coordinator)

    rows = read_csv(register(client, "uczestnicy", "csv"))
    assert {int(row[0]): row[2] for row in rows[1:]}[p1.pk] == "'-2+3"

    sheet = read_sheet(register(client, "uczestnicy", "xlsx"))
    (cell,) = [row[2] for row in sheet.iter_rows(min_row=2) if row[0].value == p1.pk]
    assert (cell.value, cell.data_type) == ("-2+3", "s")


def test_a_negative_amount_stays_a_number():
    # A correction of -1 250,50 zł in a report's table: a number in both files, not text.
    columns = [Column("Pozycja"), Column("Kwota", PLN), Column("Udział", PERCENT)]
    rows = [("-korekta", Decimal("-1250.50"), Decimal("-12.50"))]
    text = "".join(csv_lines([(None, columns, rows)]))
    assert text.splitlines()[1] == "'-korekta;-1250,50;-12,50"

    sheet = openpyxl.load_workbook(xlsx_file([("Arkusz", columns, rows)])).active
    label, amount, share = sheet[2]
    assert (label.value, label.data_type) == ("-korekta", "s")
    assert (amount.value, amount.data_type, amount.number_format) == (
        -1250.5,
        "n",
        '#,##0.00 "zł"',
    )
    assert share.value == pytest.approx(-0.125) and share.data_type == "n"


def test_the_consultation_register_is_defused_alike_by_copy_and_by_python(client, dataset):
    # An administrator's odd titles and names, a control character pasted with one of them.
    Project.objects.rewrite(False).filter(pk=dataset.alfa.pk).update(
        **in_every_language("title", "=SUMA(1;2)")
    )
    SpecialistKind.objects.rewrite(False).filter(
        pk=dataset.consultations[0].specialist_kind_id
    ).update(**in_every_language("name", "+psycholog\x07"))
    get_user_model().objects.filter(pk=dataset.coordinator.pk).update(username="@koordynator")
    client.force_login(dataset.coordinator)
    # On PostgreSQL this is the database's COPY; on SQLite the Python writer.
    served = read_csv(register(client, "konsultacje", "csv", RANGE_2025))
    exporter = exporters.REGISTERS["konsultacje"]
    filters = ReportFilters((dataset.alfa.pk,), *(RANGE_2025[k] for k in ("date_from", "date_to")))
    python = list(
        csv.reader(
            io.StringIO(
                "".join(csv_lines([(None, exporter.columns, exporter.rows(filters))], ready=True))[
                    1:
                ]
            ),
            delimiter=";",
        )
    )
    assert len(served) == 6
    assert {(row[1], row[5], row[10]) for row in served[1:]} == {
        ("'=SUMA(1;2)", "'+psycholog", "'@koordynator"),
        ("'=SUMA(1;2)", "dietetyk", "'@koordynator"),
    }
    assert sorted(served[1:]) == sorted(python[1:])
    assert served[0] == python[0]
    assert all(row[4].isdigit() for row in served[1:])  # minutes stay plain numbers
    if connection.vendor == "postgresql":
        assert exporter.queryset is not None  # the COPY path was the one served


def test_a_control_character_is_dropped_and_the_xlsx_export_succeeds(client, dataset):
    # A bell character pasted into the enquiry form's name: openpyxl refused it (HTTP 500).
    submit_enquiry(project=dataset.alfa, name="Ola\x07", phone="+48 12 345 67 89", consent=True)
    client.force_login(dataset.coordinator)
    xlsx = register(client, "zgloszenia", "xlsx")
    assert xlsx.status_code == 200
    assert read_sheet(xlsx).cell(row=2, column=7).value == "Ola"
    assert read_csv(register(client, "zgloszenia", "csv"))[1][6] == "Ola"
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).order_by("pk")
    assert [(e.detail["format"], e.detail["rows"], e.detail["complete"]) for e in entries] == [
        ("xlsx", 1, True),
        ("csv", 1, True),
    ]


def test_an_xlsx_export_that_fails_while_building_is_logged_as_incomplete(
    client, dataset, monkeypatch
):
    def disk_full(sheets):
        for _title, _columns, rows in sheets:
            next(iter(rows))  # the first row is read from the database, then the disk fills
        raise OSError("No space left on device")

    monkeypatch.setattr("reports.views.xlsx_file", disk_full)
    client.force_login(dataset.coordinator)
    client.raise_request_exception = False
    response = register(client, "konsultacje", "xlsx", RANGE_2025)
    assert response.status_code == 500
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.actor == dataset.coordinator
    assert entry.detail["export"] == "rejestr:konsultacje"
    assert (entry.detail["rows"], entry.detail["complete"]) == (1, False)
