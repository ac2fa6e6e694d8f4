"""Consultations and hours per specialist kind per month, and per place kind.

Whole months of the range come from the monthly totals (`ConsultationMonthlyTotal`, kept by
the write path), so the report costs the same at a million consultations as at a thousand;
only the partial months at the ends of a range are summed from the consultations themselves
(through the project-and-date index).
"""

import calendar
from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.scope import ReportFilters
from reports.tables import HOURS, INTEGER, Chart, Column, Report, Table, hours
from services.models import Consultation, ConsultationMonthlyTotal, PlaceKind, SpecialistKind

TITLE = gettext_lazy("Konsultacje i godziny")
SLUG = "konsultacje"


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _next_month(day: date) -> date:
    return _month_end(day) + timedelta(days=1)


def whole_months(filters: ReportFilters) -> tuple[date | None, date | None]:
    """First days of the first and last whole month inside the range (None: open end)."""
    first = filters.date_from
    if first is not None and first.day != 1:
        first = _next_month(first)
    last = filters.date_to
    if last is not None:
        last = last.replace(day=1) if last == _month_end(last) else _previous_month(last)
    return first, last


def _previous_month(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def totals(filters: ReportFilters) -> list[dict]:
    """Rows of month, specialist_kind_id, place_kind_id, consultations, minutes."""
    start, end = filters.date_from, filters.date_to
    first, last = whole_months(filters)
    raw_ranges: list[tuple[date, date]] = []
    if first is not None and last is not None and first > last:
        # No whole month inside the range: every day of it comes from the consultations.
        raw_ranges.append((start, end))
        rows = []
    else:
        whole = ConsultationMonthlyTotal.objects.filter(project_id__in=filters.project_ids)
        if first is not None:
            whole = whole.filter(month__gte=first)
        if last is not None:
            whole = whole.filter(month__lte=last)
        rows = list(
            whole.order_by()
            .values("month", "specialist_kind_id", "place_kind_id")
            .annotate(consultations=Sum("consultations"), minutes=Sum("minutes"))
        )
        if start is not None and start.day != 1:
            raw_ranges.append((start, first - timedelta(days=1)))
        if end is not None and end != _month_end(end):
            raw_ranges.append((end.replace(day=1), end))
    if raw_ranges:
        where = Q()
        for low, high in raw_ranges:
            where |= Q(date__gte=low, date__lte=high)
        rows += list(
            Consultation.objects.filter(where, project_id__in=filters.project_ids)
            .order_by()
            .annotate(month=TruncMonth("date"))
            .values("month", "specialist_kind_id", "place_kind_id")
            .annotate(consultations=Count("pk"), minutes=Sum("duration_minutes"))
        )
    return [row for row in rows if row["consultations"]]


def build(filters: ReportFilters) -> Report:
    rows = totals(filters)
    specialists = {kind.pk: kind.name for kind in SpecialistKind.objects.all()}
    places = {kind.pk: kind.name for kind in PlaceKind.objects.all()}
    by_month: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    by_kind: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    by_place: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        month = row["month"]
        month = month.date() if hasattr(month, "date") else month
        for bucket in (
            by_month[(month, row["specialist_kind_id"])],
            by_kind[row["specialist_kind_id"]],
            by_place[row["place_kind_id"]],
        ):
            bucket[0] += row["consultations"]
            bucket[1] += row["minutes"]
    count = sum(value[0] for value in by_kind.values())
    minutes = sum(value[1] for value in by_kind.values())
    footer = (_("Razem"), count, hours(minutes))

    def figures(header):
        return [Column(header), Column(_("Konsultacje"), INTEGER), Column(_("Godziny"), HOURS)]

    monthly = Table(
        key="miesiace",
        title=_("Konsultacje i godziny według rodzaju specjalisty i miesiąca"),
        columns=[
            Column(_("Miesiąc")),
            Column(_("Rodzaj specjalisty")),
            Column(_("Konsultacje"), INTEGER),
            Column(_("Godziny"), HOURS),
        ],
        rows=[
            (f"{month:%Y-%m}", specialists[kind], count_, hours(minutes_))
            for (month, kind), (count_, minutes_) in sorted(
                by_month.items(), key=lambda item: (item[0][0], specialists[item[0][1]])
            )
        ],
        footer=(_("Razem"), "", count, hours(minutes)),
    )

    def breakdown(key, title, header, totals_by_id, names, chart):
        """One row per specialist kind or place kind, by name, with the report's footer."""
        return Table(
            key=key,
            title=title,
            columns=figures(header),
            rows=[
                (names[pk], count_, hours(minutes_))
                for pk, (count_, minutes_) in sorted(
                    totals_by_id.items(), key=lambda item: names[item[0]]
                )
            ],
            footer=footer,
            chart=chart,
        )

    per_kind = breakdown(
        "specjalisci",
        _("Konsultacje według rodzaju specjalisty"),
        _("Rodzaj specjalisty"),
        by_kind,
        specialists,
        Chart(0, 2, _("Godziny konsultacji każdego rodzaju specjalisty.")),
    )
    per_place = breakdown(
        "miejsca",
        _("Konsultacje według rodzaju miejsca"),
        _("Rodzaj miejsca"),
        by_place,
        places,
        Chart(0, 1, _("Liczba konsultacji w każdym rodzaju miejsca.")),
    )
    return Report(SLUG, str(TITLE), [per_kind, monthly, per_place])
