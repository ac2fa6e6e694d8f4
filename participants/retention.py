"""Retention: anonymising the participants whose every project ended more than
`settings.PARTICIPANT_RETENTION_YEARS` years ago. Run daily by
`manage.py anonymise_expired_participants` (a cron job or a systemd timer; see the README).

"Every project" of a person: the project their card was created in, their enrolments and
their family's enrolments; of a family: its card's project, its enrolments and its members'
cards and enrolments (`all_projects_ended_before` on the QuerySets). A project still within the
period keeps every record linked to it.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit.log import record
from audit.models import AuditEntry
from participants.anonymisation import anonymise_records
from participants.models import Family, Person
from projects.models import Project

DEFAULT_BATCH_SIZE = 500


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February → 28 February
        return day.replace(year=day.year - years, day=28)


def years_after(day: date, years: int) -> date:
    return years_before(day, -years)


def retention_cutoff(today: date | None = None, years: int | None = None) -> date:
    """Records of projects that ended before this day are past the retention period."""
    years = settings.PARTICIPANT_RETENTION_YEARS if years is None else years
    return years_before(today or timezone.localdate(), years)


def expired_persons(cutoff: date):
    return Person.objects.not_anonymised().all_projects_ended_before(cutoff)


def expired_families(cutoff: date):
    return Family.objects.not_anonymised().all_projects_ended_before(cutoff)


def projects_of_person(person: Person):
    """Every project the person's data belongs to (the same rule the retention applies)."""
    linked = Q(pk=person.created_in_project_id) | Q(enrolments__person=person)
    if person.family_id:
        linked |= Q(enrolments__family_id=person.family_id)
    return Project.objects.filter(pk__in=Project.objects.filter(linked).values("pk")).order_by(
        "end_date", "pk"
    )


@dataclass
class RetentionRun:
    cutoff: date
    retention_years: int
    dry_run: bool
    counts: Counter = field(default_factory=Counter)
    batches: int = 0
    completed: bool = False

    @property
    def persons(self) -> int:
        return self.counts["persons"]

    @property
    def families(self) -> int:
        return self.counts["families"]

    def as_detail(self) -> dict:
        """The audit entry's detail: dates and counts, no personal data."""
        return {
            "operation": "retention_anonymisation",
            "cutoff": self.cutoff.isoformat(),
            "retention_years": self.retention_years,
            "batches": self.batches,
            "completed": self.completed,
            **dict(sorted(self.counts.items())),
        }


def _next_batch(queryset, batch_size: int) -> list[int]:
    return list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])


def anonymise_expired(
    *,
    today: date | None = None,
    years: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
) -> RetentionRun:
    """Anonymise every expired person, then every expired family, `batch_size` records per
    transaction. Idempotent: anonymised records are no longer selected. A dry run only counts
    and writes nothing, not even the audit entry; a real run writes exactly one audit entry,
    also when it fails midway (then `completed` is false and the counts say what was done)."""
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    years = settings.PARTICIPANT_RETENTION_YEARS if years is None else years
    run = RetentionRun(
        cutoff=retention_cutoff(today, years), retention_years=years, dry_run=dry_run
    )
    if dry_run:
        run.counts["persons"] = expired_persons(run.cutoff).count()
        run.counts["families"] = expired_families(run.cutoff).count()
        run.completed = True
        return run
    try:
        for selection, kind in (
            (lambda: expired_persons(run.cutoff), "persons"),
            (lambda: expired_families(run.cutoff), "families"),
        ):
            while True:
                with transaction.atomic():
                    pks = _next_batch(selection(), batch_size)
                    if not pks:
                        break
                    counts = anonymise_records(
                        person_ids=pks if kind == "persons" else (),
                        family_ids=pks if kind == "families" else (),
                        now=timezone.now(),
                    )
                run.batches += 1
                run.counts.update(counts)
                if not counts.get(kind):
                    break  # nothing changed: never loop on a row that cannot be anonymised
        run.completed = True
    finally:
        run.counts.setdefault("persons", 0)
        run.counts.setdefault("families", 0)
        record(action=AuditEntry.Action.CHANGE, detail=run.as_detail())
    return run
