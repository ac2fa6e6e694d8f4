"""Removing a participant's personal data while keeping what the statistics need.

The one write path behind retention (`participants.retention`) and erasure
(`participants.erasure`). What goes and what stays:

- Person — wiped: first and last name (replaced by `MARKER`), PESEL (set to none, `no_pesel`
  on), other identifier, phone, e-mail. The birth date is *generalised*: replaced by the
  earliest date that gives the same age (full years) on the start date of every enrolment of
  the person and of their family, so age bands "at enrolment" add up as before and the date
  says nothing the kept ages do not; without any enrolment it is removed. Kept: sex, family
  link and role in it, education, labour-market status, the EFS+ flags, the project the card
  was created in, enrolments, consents (scope and dates: the proof of the lawful basis).
- Family — wiped: label (a case-file reference, replaced by `MARKER`), street, postcode, town,
  phone, e-mail, notes. Kept: municipality, county, voivodeship (the granularity the
  monitoring reports use; the postcode and town would single out a household in a village).
- Upper layers (consultations' topics and notes, …) — wiped by the receivers of
  `participants.signals.participants_anonymised`.
- History — the values of the wiped fields are masked in the audit log's earlier entries
  about those records, and the admin's own history shows `MARKER` instead of the name:
  otherwise the log would keep what the record no longer does.

The rows are written with `bulk_update()`/`update()`, which send no signals, on purpose: a
per-row audit entry would copy the old values into the log. The caller writes one audit
entry per run (retention) or per person (erasure) with counts only.
"""

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from datetime import date, datetime, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from audit.models import AuditEntry
from audit.registry import MASK
from participants.ages import age_on
from participants.models import ANONYMISED_MARKER as MARKER
from participants.models import Enrolment, Family, Person
from participants.signals import participants_anonymised

PERSON_WIPED = {
    "first_name": MARKER,
    "last_name": MARKER,
    "pesel": None,
    "other_identifier": "",
    "phone": "",
    "email": "",
}
FAMILY_WIPED = {
    "label": MARKER,
    "street": "",
    "postcode": "",
    "town": "",
    "phone": "",
    "email": "",
    "notes": "",
}
# Masked in earlier audit entries (attnames); birth_date too, as its old value was exact.
_PERSON_HISTORY_MASKED = frozenset(PERSON_WIPED) | {"birth_date"}
_FAMILY_HISTORY_MASKED = frozenset(FAMILY_WIPED)


def earliest_birth_date_with_age(age: int, on: date) -> date:
    """The earliest birth date of someone who is `age` full years old on `on`."""
    year = on.year - age - 1
    try:
        day = date(year, on.month, on.day)
    except ValueError:  # 29 February in a common year: the next day is 1 March
        return date(year, 3, 1)
    return day + timedelta(days=1)


def generalised_birth_date(birth_date: date | None, start_dates: Iterable[date]) -> date | None:
    """The earliest date giving the same age as `birth_date` on each of `start_dates`."""
    starts = list(start_dates)
    if birth_date is None or not starts:
        return None
    return max(earliest_birth_date_with_age(age_on(birth_date, day), day) for day in starts)


def _start_dates_by_person(persons: list[Person]) -> dict[int, list[date]]:
    """Enrolment start dates that count for each person: their own and their family's."""
    family_of = {p.pk: p.family_id for p in persons if p.family_id}
    rows = Enrolment.objects.filter(
        Q(person__in=[p.pk for p in persons])
        | Q(person__isnull=True, family__in=set(family_of.values()))
    ).values_list("person_id", "family_id", "start_date")
    by_person: dict[int, list[date]] = defaultdict(list)
    by_family: dict[int, list[date]] = defaultdict(list)
    for person_id, family_id, start in rows:
        if person_id is not None:
            by_person[person_id].append(start)
        else:
            by_family[family_id].append(start)
    for person_id, family_id in family_of.items():
        by_person[person_id].extend(by_family.get(family_id, ()))
    return by_person


def _mask_history(model, pks: Collection[int], masked: frozenset[str]) -> int:
    """Mask the wiped fields' values in earlier audit entries; returns entries touched."""
    entries = []
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    for entry in AuditEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in pks]
    ).only("pk", "changes"):
        changes = dict(entry.changes or {})
        touched = False
        for attname in masked & changes.keys():
            pair = changes[attname]
            if isinstance(pair, list):
                masked_pair = [MASK if value not in (None, "") else value for value in pair]
                if masked_pair != pair:
                    changes[attname] = masked_pair
                    touched = True
        if touched:
            entry.changes = changes
            entries.append(entry)
    AuditEntry.objects.bulk_update(entries, ["changes"], batch_size=500)
    if apps.is_installed("django.contrib.admin"):
        from django.contrib.admin.models import LogEntry

        LogEntry.objects.filter(
            content_type=content_type, object_id__in=[str(pk) for pk in pks]
        ).update(object_repr=MARKER)
    return len(entries)


@transaction.atomic
def anonymise_records(
    *, person_ids: Collection[int], family_ids: Collection[int], now: datetime
) -> dict[str, int]:
    """Anonymise the given persons and families (those not anonymised yet; the rest are
    skipped, so a repeated call changes nothing). Returns counts: persons, families,
    history_entries and whatever the upper layers' receivers report."""
    persons = list(
        Person.objects.select_for_update()
        .filter(pk__in=list(person_ids), anonymised_at__isnull=True)
        .order_by("pk")
    )
    families = list(
        Family.objects.select_for_update()
        .filter(pk__in=list(family_ids), anonymised_at__isnull=True)
        .order_by("pk")
    )
    counts: Counter[str] = Counter(persons=len(persons), families=len(families))
    if not persons and not families:
        return dict(counts)

    starts = _start_dates_by_person(persons)
    for person in persons:
        person.birth_date = generalised_birth_date(person.birth_date, starts.get(person.pk, ()))
        for name, value in PERSON_WIPED.items():
            setattr(person, name, value)
        person.no_pesel = True
        person.anonymised_at = now
        person.updated_at = now
        person.clean()  # the anonymised state is itself valid (see Person._stay_anonymous)
    person_fields = [*PERSON_WIPED, "birth_date", "no_pesel", "anonymised_at", "updated_at"]
    Person.objects.bulk_update(persons, person_fields, batch_size=500)

    for family in families:
        for name, value in FAMILY_WIPED.items():
            setattr(family, name, value)
        family.anonymised_at = now
        family.updated_at = now
        family.clean()
    family_fields = [*FAMILY_WIPED, "anonymised_at", "updated_at"]
    Family.objects.bulk_update(families, family_fields, batch_size=500)

    person_pks = [p.pk for p in persons]
    family_pks = [f.pk for f in families]
    counts["history_entries"] = _mask_history(
        Person, person_pks, _PERSON_HISTORY_MASKED
    ) + _mask_history(Family, family_pks, _FAMILY_HISTORY_MASKED)
    for _receiver, response in participants_anonymised.send(
        sender=Person, person_ids=person_pks, family_ids=family_pks
    ):
        counts.update(response or {})
    return dict(counts)
