"""The SM EFS export page: choose the project, give its number, check every row; download
only when nothing needs fixing."""

import tempfile

from django import forms
from django.contrib import admin
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports import exporters, sm_efs
from reports.forms import ReportFilterForm
from reports.scope import ReportFilters
from reports.tables import Column
from reports.views import _file_name, _require_reports, large_read
from reports.writers import csv_lines


class SmEfsForm(ReportFilterForm):
    project_number = forms.CharField(
        label=gettext_lazy("Numer projektu (z umowy o dofinansowanie)"),
        max_length=60,
        help_text=gettext_lazy("Np. FERS.06.01-IP.05-0001/23."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].required = True
        self.fields["project"].empty_label = None


NAME = "sm-efs-uczestnicy"


def _checked_file(args, column_names):
    """The whole file written to a temporary file while every row is checked, in one read
    (one transaction): what is handed over is exactly what was checked, and memory stays
    flat. Returns (file rewound, rows, problems)."""
    problems, tally = [], [0]
    columns = [Column(name) for name in column_names]
    rows = sm_efs.checked_rows(*args, problems=problems, tally=tally)
    output = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes (and deletes) it
    with large_read():
        # The import takes the values as they are (no defusing); the check refuses any that
        # a spreadsheet would run.
        for chunk in csv_lines([(None, columns, rows)], defuse=False):
            output.write(chunk.encode("utf-8"))
    output.seek(0)
    return output, tally[0], problems


def sm_efs_page(request):
    _require_reports(request)
    form = SmEfsForm(request.GET or None, user=request.user)
    context = {
        **admin.site.each_context(request),
        "title": _("Eksport uczestników do SM EFS (CST2021)"),
        "form": form,
        "problems": None,
        "columns": [column.name for column in sm_efs.layout()],
    }
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        args = (data["project"].pk, data["project_number"], data["date_from"], data["date_to"])
        filters = ReportFilters((data["project"].pk,), data["date_from"], data["date_to"])
        output, count, problems = _checked_file(args, context["columns"])
        log = {"user": request.user, "what": "sm-efs", "name": NAME, "fmt": "csv"}
        if problems:
            output.close()
            # Refused, but audited: the coordinator asked for the file and was shown which
            # rows (by person id) keep it from being made.
            exporters.log_export(
                **log,
                filters=filters,
                rows=0,
                complete=False,
                checked=count,
                refused_rows=len({problem.enrolment_id for problem in problems}),
                problems=len(problems),
            )
            context.update(problems=problems, checked=count)
            return TemplateResponse(request, "reports/sm_efs.html", context)
        exporters.log_export(**log, filters=filters, rows=count, complete=True)
        return FileResponse(
            output,
            as_attachment=True,
            filename=_file_name(NAME, "csv"),
            content_type="text/csv; charset=utf-8",
        )
    return TemplateResponse(
        request, "reports/sm_efs.html", context, status=400 if form.is_bound else 200
    )
