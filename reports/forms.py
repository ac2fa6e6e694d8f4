from django import forms
from django.utils.translation import gettext_lazy as _

from reports.scope import ReportFilters, report_projects


class ReportFilterForm(forms.Form):
    """A report's project (or all the user's projects) and date range."""

    project = forms.ModelChoiceField(
        label=_("Projekt"),
        queryset=None,
        required=False,
        empty_label=_("Wszystkie moje projekty"),
    )
    date_from = forms.DateField(
        label=_("Od dnia"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Do dnia"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["project"].queryset = report_projects(user).order_by("title")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("Koniec zakresu nie może być przed jego początkiem."))
        return cleaned

    def filters(self) -> ReportFilters:
        """The scope to report on; call after is_valid()."""
        project = self.cleaned_data.get("project")
        if project is not None:
            ids = (project.pk,)
        else:
            ids = tuple(sorted(self.fields["project"].queryset.values_list("pk", flat=True)))
        return ReportFilters(
            project_ids=ids,
            date_from=self.cleaned_data.get("date_from"),
            date_to=self.cleaned_data.get("date_to"),
        )
