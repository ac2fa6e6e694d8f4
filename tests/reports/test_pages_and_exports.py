"""Report pages and exports: who may open them, the figures on the page, every CSV and XLSX
read back and compared, exports scoped and audit-logged, and constant query counts."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditEntry
from reports.queries import REPORTS
from services.models import Consultation
from tests.factories import make_consultation, make_enrolment, make_person
from tests.reports.conftest import RANGE_2025


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode()), "UTF-8 with a BOM, for Excel"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    body = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(body))


PAGES = [
    reverse("reports:index"),
    *(reverse("reports:report", args=[slug]) for slug in REPORTS),
    reverse("reports:sm-efs"),
]


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("superuser", 200), ("caseworker", 403), ("beta_coordinator", 200)],
)
def test_who_may_open_the_pages(client, dataset, persona, status):
    client.force_login(getattr(dataset, persona))
    assert {url: client.get(url).status_code for url in PAGES} == dict.fromkeys(PAGES, status)


def test_anonymous_goes_to_the_sign_in(client, dataset):
    response = client.get(reverse("reports:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_consultation_page_shows_chart_and_table(client, dataset):
    client.force_login(dataset.coordinator)
    response = client.get(reverse("reports:report", args=["konsultacje"]), RANGE_2025)
    html = response.content.decode()
    assert response.status_code == 200
    # The chart names itself and describes its data; the table follows it.
    assert 'role="img" aria-labelledby="chart-specjalisci-title chart-specjalisci-desc"' in html
    assert '<title id="chart-specjalisci-title">' in html
    assert "dietetyk: 2,50; psycholog: 3,25" in html
    assert html.index('id="chart-specjalisci-title"') < html.index('id="table-specjalisci"')
    assert "<td>5,75</td>" in html
    assert "reports/reports.css" in html
    assert "style=" not in html.split('id="content-main"')[1]  # CSP: no inline styles


def test_another_projects_filter_is_refused_next_to_the_field(client, dataset):
    client.force_login(dataset.coordinator)
    response = client.get(reverse("reports:report", args=["cele"]), {"project": dataset.beta.pk})
    assert response.status_code == 400
    assert 'id="id_project_error"' in response.content.decode()


def test_a_reversed_range_is_refused(client, dataset):
    client.force_login(dataset.coordinator)
    response = client.get(
        reverse("reports:report", args=["cele"]),
        {"date_from": "2025-05-01", "date_to": "2025-04-01"},
    )
    assert response.status_code == 400
    assert "Koniec zakresu nie może być przed jego początkiem." in response.content.decode()


def test_consultation_register_csv_is_scoped_and_audited(client, dataset):
    client.force_login(dataset.coordinator)
    response = client.get(
        reverse("reports:register-export", args=["konsultacje", "csv"]), RANGE_2025
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="konsultacje-' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:5] == ["ID", "Projekt", "Data", "Godzina rozpoczęcia", "Czas trwania (min)"]
    in_range = sorted(
        (c for c in dataset.consultations if c.project == dataset.alfa and c.date.year == 2025),
        key=lambda c: c.pk,
    )
    assert sorted(rows[1:], key=lambda row: int(row[0])) == [
        [
            str(c.pk),
            "Alfa",
            c.date.isoformat(),
            c.start_time.isoformat() if c.start_time else "",
            str(c.duration_minutes),
            c.specialist_kind.name,
            c.place_kind.name,
            "indywidualna",
            str(c.person_id),
            "",
            "koordynator_alfa",
        ]
        for c in in_range
    ]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.actor == dataset.coordinator
    assert entry.project == dataset.alfa
    assert entry.detail == {
        "export": "rejestr:konsultacje",
        "format": "csv",
        "filters": {
            "projects": [dataset.alfa.pk],
            "date_from": "2025-01-01",
            "date_to": "2025-12-31",
        },
        "rows": 5,
        "complete": True,
    }


def test_the_other_coordinator_gets_none_of_alfa(client, dataset):
    client.force_login(dataset.beta_coordinator)
    rows = read_csv(client.get(reverse("reports:register-export", args=["konsultacje", "csv"])))
    assert [row[1] for row in rows[1:]] == ["Beta"]
    participants = read_csv(
        client.get(reverse("reports:register-export", args=["uczestnicy", "csv"]))
    )
    # Q1, and P1 who is enrolled in Beta too; nobody else of Alfa.
    ids = {int(row[0]) for row in participants[1:]}
    assert ids == {dataset.persons["q1"].pk, dataset.persons["p1"].pk}


def test_a_caseworker_cannot_export(client, dataset):
    client.force_login(dataset.caseworker)
    url = reverse("reports:register-export", args=["uczestnicy", "csv"])
    assert client.get(url).status_code == 403
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_consultation_register_xlsx(client, dataset):
    client.force_login(dataset.coordinator)
    response = client.get(
        reverse("reports:register-export", args=["konsultacje", "xlsx"]), RANGE_2025
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = read_xlsx(response).active
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "ID" and len(rows) == 6
    first = min(rows[1:], key=lambda row: row[0])
    consultation = Consultation.objects.filter(project=dataset.alfa, date__year=2025).earliest("pk")
    # A real date in the cell (openpyxl reads it back as a datetime), a number for minutes.
    assert first[2] == datetime(2025, 3, 3)
    assert first[4] == consultation.duration_minutes == 60
    assert sheet.cell(row=2, column=3).number_format == "yyyy-mm-dd"
    assert AuditEntry.objects.get(action=AuditEntry.Action.EXPORT).detail["rows"] == 5


def test_participant_register_leaves_out_the_anonymised(client, dataset):
    from django.utils import timezone

    from participants.models import Person

    Person.objects.filter(pk=dataset.persons["p4"].pk).update(anonymised_at=timezone.now())
    client.force_login(dataset.coordinator)
    rows = read_csv(client.get(reverse("reports:register-export", args=["uczestnicy", "csv"])))
    by_id = {int(row[0]): row for row in rows[1:]}
    p = dataset.persons
    assert set(by_id) == {p["p1"].pk, p["p2"].pk, p["p3"].pk, p["p5"].pk}
    assert by_id[p["p1"].pk][3:8] == [
        "1990-05-12",
        "kobieta",
        "ISCED 3 (ponadgimnazjalne / średnie)",
        "osoba pracująca",
        str(dataset.families["f1"].pk),
    ]
    assert by_id[p["p1"].pk][10:] == ["Tak", "Nie", "Nie", "Nie", "Nie"]


def test_funding_report_csv_and_xlsx(client, dataset):
    client.force_login(dataset.coordinator)
    url = reverse("reports:report-export", args=["finansowanie", "csv"])
    rows = read_csv(client.get(url))
    assert rows[0] == ["Finansowanie projektów"]
    assert rows[1][:3] == ["Projekt", "Wartość projektu", "Dofinansowanie"]
    assert rows[2] == [
        "Alfa",
        "1000000,00",
        "950000,00",
        "95,00",
        "800000,00",
        "80,00",
        "100000,00",
        "10,00",
        "50000,00",
        "5,00",
    ]
    assert rows[3][0] == "Razem"

    sheet = read_xlsx(client.get(reverse("reports:report-export", args=["finansowanie", "xlsx"])))[
        "Finansowanie projektów"
    ]
    assert sheet.freeze_panes == "A2"
    value = sheet.cell(row=2, column=2)
    assert value.value == 1000000 and value.number_format == '#,##0.00 "zł"'
    share = sheet.cell(row=2, column=4)
    assert share.value == pytest.approx(0.95) and share.number_format == "0.00%"
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).order_by("pk")
    assert [(e.detail["export"], e.detail["format"], e.detail["rows"]) for e in entries] == [
        ("raport:finansowanie", "csv", 2),
        ("raport:finansowanie", "xlsx", 2),
    ]


def test_every_report_exports_what_the_page_shows(client, dataset):
    client.force_login(dataset.coordinator)
    for slug in REPORTS:
        compare_exports(client, slug)


def compare_exports(client, slug):
    page = client.get(reverse("reports:report", args=[slug]), RANGE_2025)
    report = page.context["report"]
    rows = read_csv(client.get(reverse("reports:report-export", args=[slug, "csv"]), RANGE_2025))
    workbook = read_xlsx(
        client.get(reverse("reports:report-export", args=[slug, "xlsx"]), RANGE_2025)
    )
    line = 0
    for number, table in enumerate(report.tables):
        if number:
            assert rows[line] == []
            line += 1
        assert rows[line] == [table.title]
        assert rows[line + 1] == [column.header for column in table.columns]
        body = [*table.rows, *([table.footer] if table.footer else [])]
        expected = [
            [
                "" if v is None else str(v).replace(".", ",") if isinstance(v, Decimal) else str(v)
                for v in row
            ]
            for row in body
        ]
        assert rows[line + 2 : line + 2 + len(body)] == expected
        line += 2 + len(body)
        sheet = workbook.worksheets[number]
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0]) == [column.header for column in table.columns]
        for got, want in zip(values[1:], body, strict=True):
            for cell, value, column in zip(got, want, table.columns, strict=True):
                if column.kind == "percent" and value is not None:
                    assert cell == pytest.approx(float(value) / 100)
                elif isinstance(value, Decimal):
                    assert cell == pytest.approx(float(value))
                else:
                    assert cell == (None if value in (None, "") else value)
    assert line == len(rows)


def test_report_pages_cost_the_same_queries_with_more_data(client, dataset):
    client.force_login(dataset.coordinator)
    client.get(reverse("reports:index"))  # warm the content-type and session caches

    def queries():
        counts = {}
        for slug in REPORTS:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(reverse("reports:report", args=[slug]), RANGE_2025)
                assert response.status_code == 200
            counts[slug] = len(captured)
        return counts

    before = queries()
    coordinator, alfa = dataset.coordinator, dataset.alfa
    for number in range(5):
        person = make_person(alfa, actor=coordinator, birth_date=date(1980 + number, 1, 1))
        make_enrolment(actor=coordinator, person=person, start_date=date(2025, 7, 1))
        for day in (3, 17):
            make_consultation(
                actor=coordinator, project=alfa, person=person, date=date(2025, 7, day)
            )
    assert queries() == before
    # session, user, memberships, the project choices; then the report's own queries.
    # 1 session, 2 user, 3 the user's memberships, 4 the report's project ids, then the
    # report's own (targets: per subgroup, overall, the subgroups; EFS: one row per person;
    # consultations: the totals, specialist kinds, place kinds; activities: one; funding:
    # one), 2 permissions for the admin's sidebar, 1 the form's project choices.
    assert before == {"cele": 10, "efs": 8, "konsultacje": 10, "dzialania": 8, "finansowanie": 8}


def test_the_admin_front_page_links_the_reports_for_those_who_may_see_them(client, dataset):
    link = f'href="{reverse("reports:index")}"'
    client.force_login(dataset.coordinator)
    assert link in client.get(reverse("admin:index")).content.decode()
    client.force_login(dataset.caseworker)
    assert link not in client.get(reverse("admin:index")).content.decode()


def test_enquiry_register_is_scoped_audited_and_reads_back_in_both_formats(client, dataset):
    from services.enquiries import submit_enquiry

    ola = submit_enquiry(
        project=dataset.alfa, name="Ola", phone="+48 12 345 67 89", consent=True, message="…"
    )
    submit_enquiry(project=dataset.beta, name="Ewa", email="ewa@example.invalid", consent=True)
    client.force_login(dataset.coordinator)
    today = ola.created_at.astimezone().date()
    window = {"date_from": today.isoformat(), "date_to": today.isoformat()}

    csv_rows = read_csv(
        client.get(reverse("reports:register-export", args=["zgloszenia", "csv"]), window)
    )
    xlsx = read_xlsx(
        client.get(reverse("reports:register-export", args=["zgloszenia", "xlsx"]), window)
    )

    assert csv_rows == [
        [
            "Numer zgłoszenia",
            "Projekt",
            "Oferta",
            "Wpłynęło",
            "Status",
            "Osoba prowadząca (login)",
            "Imię lub pseudonim",
            "Telefon",
            "E-mail",
            "Kiedy najlepiej zadzwonić",
        ],
        [
            ola.reference,
            "Alfa",
            "",
            today.isoformat(),
            "nowe",
            "",
            "Ola",
            f"'{ola.phone}",  # "+48…" would start a formula: defused with an apostrophe
            "",
            "o dowolnej porze",
        ],
    ]
    sheet = xlsx.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][0] == ola.reference
    assert values[1][3].date() == today  # a real date cell, not text
    assert len(values) == 2  # Beta's enquiry is not the Alfa coordinator's
    assert sheet.freeze_panes == "A2"
    exports = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).order_by("pk")
    assert [(e.detail["export"], e.detail["format"], e.detail["rows"]) for e in exports] == [
        ("rejestr:zgloszenia", "csv", 1),
        ("rejestr:zgloszenia", "xlsx", 1),
    ]


def test_a_streamed_csv_export_is_logged_with_the_requests_id_and_address(client, dataset):
    client.force_login(dataset.coordinator)
    response = client.get(
        reverse("reports:register-export", args=["konsultacje", "csv"]),
        RANGE_2025,
        HTTP_X_REQUEST_ID="abcd1234abcd",
        REMOTE_ADDR="192.0.2.17",
    )
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()
    assert len(read_csv(response)) == 6  # the entry is written once the body has streamed
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.request_id, entry.ip_address) == ("abcd1234abcd", "192.0.2.17")
    assert (entry.actor, entry.detail["complete"]) == (dataset.coordinator, True)
