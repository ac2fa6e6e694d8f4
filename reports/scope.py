"""Who sees which reports: coordinators and centre administrators, for their projects;
superusers for every project. Other staff get no report at all."""

from dataclasses import dataclass
from datetime import date

from projects.models import Project
from projects.scoping import OVERSEEING_ROLES, project_ids_for


def report_projects(user):
    """The projects whose reports and exports `user` may see."""
    return Project.objects.filter(pk__in=project_ids_for(user, OVERSEEING_ROLES))


def may_see_reports(user) -> bool:
    # A superuser may open them even before any project exists (the reports are then empty).
    return (user.is_active and user.is_superuser) or bool(project_ids_for(user, OVERSEEING_ROLES))


@dataclass(frozen=True)
class ReportFilters:
    """A report's scope: project ids (already limited to the user's) and a date range, both
    ends included and either open."""

    project_ids: tuple[int, ...]
    date_from: date | None = None
    date_to: date | None = None

    def as_audit_detail(self) -> dict:
        return {
            "projects": list(self.project_ids),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
        }

    def dated(self, field: str) -> dict:
        """Lookups limiting `field` to the range."""
        lookups = {}
        if self.date_from:
            lookups[f"{field}__gte"] = self.date_from
        if self.date_to:
            lookups[f"{field}__lte"] = self.date_to
        return lookups
