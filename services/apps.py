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

        # Reports: the monthly totals lose a deleted consultation (admin, bulk, cascade).
        from django.db.models.signals import post_delete

        from services import consultation_totals

        post_delete.connect(
            consultation_totals.on_delete, sender=Consultation, dispatch_uid="consultation_totals"
        )
