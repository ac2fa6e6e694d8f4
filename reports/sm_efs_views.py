"""The SM EFS export page: choose the project, give its number, check every row; download
only when nothing needs fixing."""

from django import forms
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports import exporters, sm_efs
from reports.forms import ReportFilterForm
from reports.scope import ReportFilters
from reports.tables import Column
from reports.views import _require_reports, send


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
        count, problems = sm_efs.validate(*args)
        filters = ReportFilters((data["project"].pk,), data["date_from"], data["date_to"])
        if problems:
            # Refused, but audited: the coordinator asked for the file and was shown which
            # rows (by person id) keep it from being made.
            exporters.log_export(
                user=request.user,
                what="sm-efs",
                name="sm-efs-uczestnicy",
                fmt="csv",
                filters=filters,
                rows=0,
                complete=False,
                checked=count,
                refused_rows=len({problem.enrolment_id for problem in problems}),
                problems=len(problems),
            )
            context.update(problems=problems, checked=count)
            return TemplateResponse(request, "reports/sm_efs.html", context)
        columns = [Column(name) for name in context["columns"]]
        return send(
            user=request.user,
            what="sm-efs",
            name="sm-efs-uczestnicy",
            fmt="csv",
            filters=filters,
            sections=[(None, columns, sm_efs.rows(*args))],
            defuse=False,  # the import takes the values as they are; validate() vetted them
        )
    return TemplateResponse(
        request, "reports/sm_efs.html", context, status=400 if form.is_bound else 200
    )
