"""The monthly totals of consultations (`ConsultationMonthlyTotal`), kept in step with the
consultations by the one write path (`services.consultations`) and a delete signal.

Each change adds or subtracts one consultation's count and minutes under its key (project,
month, specialist kind, place kind). `rebuild()` recomputes the table from the consultations
(after a bulk load that bypassed the write functions, or to repair it).
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth

from services.models import Consultation, ConsultationMonthlyTotal


def month_of(day: date) -> date:
    return day.replace(day=1)


def _key(consultation: Consultation) -> dict:
    return {
        "project_id": consultation.project_id,
        "specialist_kind_id": consultation.specialist_kind_id,
        "place_kind_id": consultation.place_kind_id,
        "month": month_of(consultation.date),
    }


def _adjust(key: dict, count: int, minutes: int) -> None:
    rows = ConsultationMonthlyTotal.objects.filter(**key)
    if rows.update(consultations=F("consultations") + count, minutes=F("minutes") + minutes):
        return
    try:
        with transaction.atomic():  # a savepoint: a concurrent first insert may win
            ConsultationMonthlyTotal.objects.create(
                **key, consultations=max(count, 0), minutes=max(minutes, 0)
            )
    except IntegrityError:
        rows.update(consultations=F("consultations") + count, minutes=F("minutes") + minutes)


def added(consultation: Consultation) -> None:
    _adjust(_key(consultation), 1, consultation.duration_minutes)


def removed(consultation: Consultation) -> None:
    _adjust(_key(consultation), -1, -consultation.duration_minutes)


def snapshot(consultation: Consultation) -> tuple[dict, int]:
    """What the consultation counted under before a change (its key and minutes)."""
    return _key(consultation), consultation.duration_minutes


def changed(before: tuple[dict, int], consultation: Consultation) -> None:
    key, minutes = before
    if key == _key(consultation) and minutes == consultation.duration_minutes:
        return
    _adjust(key, -1, -minutes)
    added(consultation)


def on_delete(sender, instance: Consultation, **kwargs) -> None:
    """post_delete receiver: admin deletes, bulk actions and cascades all send it."""
    if instance.date is not None:
        removed(instance)


@transaction.atomic
def rebuild() -> int:
    """Recompute every total from the consultations; returns the number of totals rows."""
    ConsultationMonthlyTotal.objects.all().delete()
    grouped = (
        Consultation.objects.order_by()
        .annotate(month=TruncMonth("date"))
        .values("project_id", "specialist_kind_id", "place_kind_id", "month")
        .annotate(consultations=Count("pk"), minutes=Sum("duration_minutes"))
    )
    totals = [ConsultationMonthlyTotal(**row) for row in grouped]
    ConsultationMonthlyTotal.objects.bulk_create(totals, batch_size=2000)
    return len(totals)
