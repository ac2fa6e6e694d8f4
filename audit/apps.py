from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Rejestr zdarzeń")

    def ready(self):
        from audit import signals
        from audit.registry import register
        from projects.models import ProjectMembership

        signals.connect_authentication_signals()
        # Who may see what is itself worth a history; `projects` cannot register upward.
        register(ProjectMembership, project="project_id")
