"""Activities planned vs held in the range, with attendance."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.money import percent_of
from reports.scope import ReportFilters
from reports.tables import INTEGER, PERCENT, Chart, Column, Report, Table
from services.models import Activity

TITLE = gettext_lazy("Działania")
SLUG = "dzialania"


def build(filters: ReportFilters) -> Report:
    in_range = Q(**filters.dated("sessions__date"))
    activities = (
        Activity.objects.filter(project_id__in=filters.project_ids)
        .select_related("project")
        .annotate(
            held=Count("sessions", filter=in_range),
            attendance=Sum("sessions__attendance", filter=in_range),
        )
        .order_by("project__title", "order", "pk")
    )
    rows = []
    planned_total = held_total = attendance_total = 0
    for activity in activities:
        attendance = activity.attendance or 0
        planned_total += activity.planned_count or 0
        held_total += activity.held
        attendance_total += attendance
        rows.append(
            (
                activity.project.title,
                str(activity),
                activity.planned_count,
                activity.held,
                percent_of(activity.held, activity.planned_count),
                attendance,
            )
        )
    table = Table(
        key="dzialania",
        title=_("Działania zaplanowane i zrealizowane"),
        columns=[
            Column(_("Projekt")),
            Column(_("Działanie")),
            Column(_("Zaplanowano"), INTEGER),
            Column(_("Zrealizowano"), INTEGER),
            Column(_("Realizacja (% planu)"), PERCENT),
            Column(_("Liczba uczestników"), INTEGER),
        ],
        rows=rows,
        footer=(
            _("Razem"),
            "",
            planned_total or None,
            held_total,
            percent_of(held_total, planned_total),
            attendance_total,
        ),
        chart=Chart(1, 3, _("Liczba zrealizowanych zajęć każdego działania.")),
    )
    return Report(SLUG, str(TITLE), [table])
