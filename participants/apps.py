from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Uczestnicy")

    def ready(self):
        from audit.registry import register
        from participants.models import Consent, Enrolment, Family, Person

        register(Family, project="created_in_project_id", sensitive=["notes"])
        # Identifiers and special-category data (GDPR art. 9): logged as changed, never shown.
        register(
            Person,
            project="created_in_project_id",
            sensitive=["pesel", "other_identifier", "disability", "minority"],
        )
        register(Consent, project="person.created_in_project_id")
        register(Enrolment, project="project_id")
