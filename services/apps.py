from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Wsparcie")

    def ready(self):
        from audit.registry import register
        from services.models import ActivitySession, Consultation, Enquiry

        register(Consultation, project="project_id", sensitive=["notes", "topic"])
        register(ActivitySession, project="activity.project_id")
        # What a family wrote about themselves is logged as changed, never with its value.
        register(Enquiry, project="project_id", sensitive=["name", "phone", "email", "message"])

        # GDPR: consultations take part in participants' retention, erasure and access export.
        from services import gdpr

        gdpr.connect()
