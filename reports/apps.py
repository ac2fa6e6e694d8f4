from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports and exports for coordinators; reads every other app, no app reads it."""

    name = "reports"
    verbose_name = _("Raporty")
