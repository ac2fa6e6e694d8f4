"""The report pages and exports in the back office (admin/raporty/…). Thin: the figures come
from `reports.queries`, the files from `reports.writers`, the rules from `reports.scope`."""

from contextlib import contextmanager

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import acting_as, current_context
from reports import exporters, pg_copy
from reports.charts import bar_chart
from reports.forms import ReportFilterForm
from reports.queries import REPORTS
from reports.scope import may_see_reports
from reports.tables import display
from reports.writers import csv_lines, xlsx_file


def _require_reports(request) -> None:
    if not may_see_reports(request.user):
        raise PermissionDenied


def _context(request, **extra):
    return {**admin.site.each_context(request), **extra}


def index(request):
    _require_reports(request)
    form = ReportFilterForm(request.GET or None, user=request.user)
    return TemplateResponse(
        request,
        "reports/index.html",
        _context(
            request,
            title=_("Raporty i eksporty"),
            reports=[(slug, module.TITLE) for slug, module in REPORTS.items()],
            registers=list(exporters.REGISTERS.values()),
            form=form,
            query=request.GET.urlencode(),
        ),
    )


def _report_module(slug):
    try:
        return REPORTS[slug]
    except KeyError:
        raise Http404 from None


def _shown(table):
    """A table's rows as the page prints them."""
    kinds = [column.kind for column in table.columns]

    def cells(row):
        return [display(value, kind) for value, kind in zip(row, kinds, strict=True)]

    return {
        "table": table,
        "rows": [cells(row) for row in table.rows],
        "footer": cells(table.footer) if table.footer else None,
        "chart": bar_chart(table),
        "numeric": [kind not in ("text", "date") for kind in kinds],
    }


def report_page(request, slug):
    _require_reports(request)
    module = _report_module(slug)
    form = ReportFilterForm(request.GET or None, user=request.user)
    report = None
    if not form.is_bound or form.is_valid():
        if not form.is_bound:
            form.cleaned_data = {}
        report = module.build(form.filters())
    status = 400 if form.is_bound and not form.is_valid() else 200
    return TemplateResponse(
        request,
        "reports/report.html",
        _context(
            request,
            title=report.title if report else _("Raport"),
            report=report,
            tables=[_shown(table) for table in report.tables] if report else [],
            form=form,
            slug=slug,
            query=request.GET.urlencode(),
        ),
        status=status,
    )


def _valid_filters(request):
    form = ReportFilterForm(request.GET or None, user=request.user)
    if form.is_bound and not form.is_valid():
        raise Http404  # exports are linked from a page whose form was valid
    if not form.is_bound:
        form.cleaned_data = {}
    return form.filters()


def _file_name(name: str, fmt: str) -> str:
    return f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"


@contextmanager
def large_read():
    """A transaction for reading a whole register through a server-side cursor: without one
    (autocommit) PostgreSQL materialises a WITH HOLD cursor's entire result first; and a
    planner told the whole result will be read picks hash joins, not row-by-row lookups."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        yield


def send(
    *,
    user,
    what: str,
    name: str,
    fmt: str,
    filters,
    sections,
    ready=False,
    copy_from=None,
    defuse=True,
):
    """A streamed CSV or a (write-only built) XLSX of the sections, audit-logged with the
    number of data rows. `defuse=False`: CSV text written raw (see `writers.csv_lines`)."""
    tally = [0]
    sections = [
        (title, columns, exporters.counted(rows, tally)) for title, columns, rows in sections
    ]

    def log(complete: bool) -> None:
        exporters.log_export(
            user=user,
            what=what,
            name=name,
            fmt=fmt,
            filters=filters,
            rows=tally[0],
            complete=complete,
        )

    if fmt == exporters.XLSX:
        finished = False
        try:
            with large_read():
                try:
                    output = xlsx_file(sections)
                finally:
                    # A build that failed half-way leaves a server-side cursor open: close it
                    # inside its transaction, not whenever the garbage collector gets to it.
                    for _title, _columns, rows in sections:
                        rows.close()
            finished = True
        finally:
            # Logged even when building fails: the rows read so far did leave the database.
            log(finished)
        return FileResponse(
            output,
            as_attachment=True,
            filename=_file_name(name, fmt),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    # The body streams after AuditContextMiddleware's block has ended: keep the request's
    # context (its id, the client's address) for the entry written at the end.
    context = current_context()

    def body():
        finished = False
        try:
            with large_read():
                if copy_from is not None:
                    title, columns, _rows = sections[0]
                    header = csv_lines([(title, columns, ())], ready=True, newline="\n")
                    yield "".join(header).encode("utf-8")
                    yield from pg_copy.csv_body(copy_from, tally)
                else:
                    for chunk in csv_lines(sections, ready=ready, defuse=defuse):
                        yield chunk.encode("utf-8")
            finished = True
        finally:
            with acting_as(
                context.actor, request_id=context.request_id, ip_address=context.ip_address
            ):
                log(finished)

    response = StreamingHttpResponse(body(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(name, fmt)}"'
    return response


def report_export(request, slug, fmt):
    _require_reports(request)
    module = _report_module(slug)
    if fmt not in exporters.FORMATS:
        raise Http404
    filters = _valid_filters(request)
    report = module.build(filters)
    # CSV: the tables as titled sections of one file; XLSX: a sheet per table.
    sections = exporters.report_sections(report)
    return send(
        user=request.user, what="raport", name=slug, fmt=fmt, filters=filters, sections=sections
    )


def register_export(request, slug, fmt):
    _require_reports(request)
    exporter = exporters.REGISTERS.get(slug)
    if exporter is None or fmt not in exporters.FORMATS:
        raise Http404
    filters = _valid_filters(request)
    copy_from = None
    if fmt == exporters.CSV and exporter.queryset is not None and pg_copy.available():
        copy_from = exporter.queryset(filters)
    title = None if fmt == exporters.CSV else str(exporter.title)
    rows = () if copy_from is not None else exporter.rows(filters)
    sections = [(title, exporter.columns, rows)]
    return send(
        user=request.user,
        what="rejestr",
        name=slug,
        fmt=fmt,
        filters=filters,
        sections=sections,
        ready=exporter.csv_ready,
        copy_from=copy_from,
    )
