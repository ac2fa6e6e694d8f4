"""The registers that can be exported, one declaration each, and the audited export of any
register or report as CSV or XLSX.

Adding a register is one `register(Exporter(...))`
call: a slug, a title, its columns and a function giving its rows for a `ReportFilters`.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Case, CharField, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from audit.log import record
from audit.models import AuditEntry
from participants.models import Enrolment, Person
from reports.scope import ReportFilters
from reports.tables import DATE, INTEGER, TEXT, Column, Report
from services.models import Consultation, Enquiry

CHUNK_SIZE = 5000
CSV, XLSX = "csv", "xlsx"
FORMATS = (CSV, XLSX)


@dataclass(frozen=True)
class Exporter:
    slug: str
    title: str
    columns: list[Column]
    rows: Callable[[ReportFilters], Iterable[tuple]]
    # The rows hold only text, integers, dates, times and None: CSV writes them unconverted.
    csv_ready: bool = False
    # The rows as a values_list QuerySet: on PostgreSQL a csv_ready register is then written
    # by the database's COPY.
    queryset: Callable[[ReportFilters], object] | None = None


REGISTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    REGISTERS[exporter.slug] = exporter
    return exporter


# --- Consultations ------------------------------------------------------------------------
CONSULTATION_FIELDS = (
    "pk",
    "project__title",
    "date",
    "start_time",
    "duration_minutes",
    "specialist_kind__name",
    "place_kind__name",
    "form_label",
    "person_id",
    "family_id",
    "specialist__username",
)


def consultation_queryset(filters: ReportFilters):
    """Every consultation of the projects in the range; no topics or notes (free text that
    may hold what only the notes' readers may see). The form's label comes from the
    database, so rows go to the file untouched."""
    form_label = Case(
        *(When(form=value, then=Value(str(label))) for value, label in Consultation.Form.choices),
        default=F("form"),
        output_field=CharField(),
    )
    return (
        Consultation.objects.filter(project_id__in=filters.project_ids, **filters.dated("date"))
        .order_by()
        .annotate(form_label=form_label)
        .values_list(*CONSULTATION_FIELDS)
    )


def consultation_rows(filters: ReportFilters) -> Iterator[tuple]:
    return consultation_queryset(filters).iterator(chunk_size=CHUNK_SIZE)


register(
    Exporter(
        slug="konsultacje",
        title=_("Rejestr konsultacji"),
        columns=[
            Column(_("ID"), INTEGER),
            Column(_("Projekt")),
            Column(_("Data"), DATE),
            Column(_("Godzina rozpoczęcia")),
            Column(_("Czas trwania (min)"), INTEGER),
            Column(_("Rodzaj specjalisty")),
            Column(_("Rodzaj miejsca")),
            Column(_("Forma")),
            Column(_("ID osoby"), INTEGER),
            Column(_("ID rodziny"), INTEGER),
            Column(_("Specjalista (login)")),
        ],
        rows=consultation_rows,
        csv_ready=True,
        queryset=consultation_queryset,
    )
)


# --- Participants -------------------------------------------------------------------------
def persons_of_projects(project_ids) -> Q:
    """Persons kept by the projects: created there, enrolled, or in an enrolled family."""
    return (
        Q(created_in_project_id__in=project_ids)
        | Q(pk__in=Enrolment.objects.filter(project_id__in=project_ids).values("person_id"))
        | Q(
            family_id__in=Enrolment.objects.filter(
                project_id__in=project_ids, family__isnull=False
            ).values("family_id")
        )
    )


def participant_rows(filters: ReportFilters) -> Iterator[tuple]:
    """The projects' participants, without anonymised records (they hold no personal data
    any more). Not dated: the register is who the projects keep."""
    sexes = dict(Person._meta.get_field("sex").flatchoices)
    education = dict(Person.Education.choices)
    status = dict(Person.LabourMarketStatus.choices)
    rows = (
        Person.objects.filter(persons_of_projects(filters.project_ids), anonymised_at__isnull=True)
        .order_by("pk")
        .values_list(
            "pk",
            "first_name",
            "last_name",
            "birth_date",
            "sex",
            "education",
            "labour_market_status",
            "family_id",
            "family__town",
            "created_in_project__title",
            "disability",
            "foreign_origin",
            "third_country_national",
            "minority",
            "homeless_or_housing_excluded",
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )
    for row in rows:
        yield (
            *row[:4],
            str(sexes.get(row[4], "")),
            str(education.get(row[5], "")),
            str(status.get(row[6], "")),
            *row[7:],
        )


register(
    Exporter(
        slug="uczestnicy",
        title=_("Rejestr uczestników"),
        columns=[
            Column(_("ID"), INTEGER),
            Column(_("Imię")),
            Column(_("Nazwisko")),
            Column(_("Data urodzenia"), DATE),
            Column(_("Płeć")),
            Column(_("Wykształcenie")),
            Column(_("Status na rynku pracy")),
            Column(_("ID rodziny"), INTEGER),
            Column(_("Miejscowość")),
            Column(_("Projekt, w którym założono kartę")),
            Column(_("Niepełnosprawność"), TEXT),
            Column(_("Obce pochodzenie"), TEXT),
            Column(_("Obywatel państwa trzeciego"), TEXT),
            Column(_("Mniejszość"), TEXT),
            Column(_("Bezdomność lub wykluczenie mieszkaniowe"), TEXT),
        ],
        rows=participant_rows,
    )
)


# --- Enquiries ----------------------------------------------------------------------------
def enquiry_rows(filters: ReportFilters) -> Iterator[tuple]:
    """The families' enquiries received in the range, for the staff who call them back. The
    message is left out: it is free text a family wrote to the project, read in the admin."""
    statuses = dict(Enquiry.Status.choices)
    times = dict(Enquiry.ContactTime.choices)
    rows = (
        Enquiry.objects.filter(
            project_id__in=filters.project_ids, **filters.dated("created_at__date")
        )
        .order_by("created_at", "pk")
        .values_list(
            "reference",
            "project__title",
            "offer__title",
            "created_at__date",
            "status",
            "assignee__username",
            "name",
            "phone",
            "email",
            "preferred_contact_time",
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )
    for row in rows:
        yield (
            *row[:4],
            str(statuses.get(row[4], row[4])),
            *row[5:9],
            str(times.get(row[9], row[9])),
        )


register(
    Exporter(
        slug="zgloszenia",
        title=_("Rejestr zgłoszeń rodzin"),
        columns=[
            Column(_("Numer zgłoszenia")),
            Column(_("Projekt")),
            Column(_("Oferta")),
            Column(_("Wpłynęło"), DATE),
            Column(_("Status")),
            Column(_("Osoba prowadząca (login)")),
            Column(_("Imię lub pseudonim")),
            Column(_("Telefon")),
            Column(_("E-mail")),
            Column(_("Kiedy najlepiej zadzwonić")),
        ],
        rows=enquiry_rows,
    )
)


# --- Reports as files ---------------------------------------------------------------------
def report_sections(report: Report) -> list[tuple[str, list[Column], list[tuple]]]:
    """Each table of a report as (title, columns, rows with its totals row last)."""
    return [
        (table.title, table.columns, [*table.rows, *([table.footer] if table.footer else [])])
        for table in report.tables
    ]


# --- Audit --------------------------------------------------------------------------------
def log_export(*, user, what: str, name: str, fmt: str, filters: ReportFilters, rows: int, **more):
    """One audit entry per export: who, which report or register, the filters, the rows."""
    single = filters.project_ids[0] if len(filters.project_ids) == 1 else None
    return record(
        actor=user,
        action=AuditEntry.Action.EXPORT,
        project=single,
        detail={
            "export": f"{what}:{name}",
            "format": fmt,
            "filters": filters.as_audit_detail(),
            "rows": rows,
            **more,
        },
    )


def counted(rows: Iterable[tuple], tally: list[int]) -> Iterator[tuple]:
    """Pass the rows through, counting them into tally[0]. Closing this closes the rows'
    own iterator (a database cursor) at once."""
    rows = iter(rows)
    try:
        for row in rows:
            tally[0] += 1
            yield row
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()
