"""Synthetic load data over the demo projects: families, persons (synthetic PESELs), their
enrolments and consultations, in bulk — COPY on PostgreSQL, bulk_create elsewhere.

For benchmarks and load tests only. The rows bypass the write functions on purpose (a million
audited saves would take hours): they are valid by construction, not logged in the audit log,
and marked so `reset()` can remove them (families labelled "LOAD/…", persons with the other
identifier "LOAD-…", enrolments and consultations by the load users). The monthly totals are
rebuilt afterwards.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from participants.models import Enrolment, Family, Person
from participants.pesel import FEMALE, MALE, synthetic_pesel
from projects.models import Project, ProjectMembership, StaffRole
from services import consultation_totals
from services.models import (
    MATERNITY_WARD_SLUG,
    Consultation,
    PlaceKind,
    SpecialistKind,
)
from services.seed.loader import load_seed_projects

# Below this many new rows, COPY with the constraints in place is quick enough.
BULK_MODE_FROM = 10_000
FAMILY_MARK = "LOAD/"
PERSON_MARK = "LOAD-"
USER_PREFIX = "load-specialist-"
FIRST_DAY = date(1950, 1, 1)
BIRTH_DAYS = 20_000  # 1950-01-01 .. 2004-10: adults and teenagers at every project
FIRST_SERIAL = 4000  # above the demo caseload's serials, so the PESELs never collide
FIRST_NAMES = {FEMALE: ["Anna", "Maria", "Zofia", "Ewa"], MALE: ["Jan", "Piotr", "Adam", "Olaf"]}
DURATIONS = [30, 45, 60, 60, 90, 120]
EDUCATION = [value for value, _label in Person.Education.choices]
STATUSES = [value for value, _label in Person.LabourMarketStatus.choices]


@dataclass
class Generated:
    families: int
    persons: int
    enrolments: int
    consultations: int
    totals: int


def _next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


@contextmanager
def _bulk_mode(model, adding: int, existing: int):
    """On PostgreSQL, when the load at least doubles the table: drop its foreign keys and
    plain indexes for the COPY and recreate them afterwards (one pass over the table each,
    instead of seven foreign-key lookups and six index updates per row). Inside the load's
    transaction, so a failure leaves the schema as it was."""
    if connection.vendor != "postgresql" or adding < max(existing, BULK_MODE_FROM):
        yield
        return
    quote = connection.ops.quote_name
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        # ALTER TABLE refuses while deferred foreign-key checks are pending: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        foreign_keys = cursor.fetchall()
        cursor.execute(
            "SELECT index.relname, pg_get_indexdef(index.oid) FROM pg_index x "
            "JOIN pg_class index ON index.oid = x.indexrelid "
            "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary AND NOT x.indisunique",
            [table],
        )
        indexes = cursor.fetchall()
        for name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    yield
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
        for name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _insert(model, columns: list[str], rows, adding: int = 0) -> int:
    """Insert rows (tuples in `columns` order, the primary key first) as fast as the database
    allows; returns how many."""
    count = 0
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(
            connection.ops.quote_name(model._meta.get_field(name).column) for name in columns
        )
        with (
            _bulk_mode(model, adding, model.objects.count()),
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                count += 1
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT MAX(id) FROM {table}))",
                [model._meta.db_table],
            )
        return count
    attnames = [model._meta.get_field(name).attname for name in columns]
    batch = []
    for row in rows:
        batch.append(model(**dict(zip(attnames, row, strict=True))))
        if len(batch) >= 5000:
            model.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    model.objects.bulk_create(batch)
    return count + len(batch)


def _load_users(projects):
    User = get_user_model()
    users = {}
    for project in projects:
        user, _ = User.objects.get_or_create(
            username=f"{USER_PREFIX}{project.slug}"[:150],
            defaults={"is_staff": True, "is_active": False},  # never signs in
        )
        ProjectMembership.objects.get_or_create(
            user=user, project=project, defaults={"role": StaffRole.SPECIALIST}
        )
        users[project.pk] = user
    return users


def _random_day(rng, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def reset() -> None:
    """Remove earlier load data (raw deletes: no signals, no audit entries for synthetic rows)."""
    users = list(
        get_user_model()
        .objects.filter(username__startswith=USER_PREFIX)
        .values_list("pk", flat=True)
    )
    with connection.cursor() as cursor:
        if users:
            marks = ", ".join(["%s"] * len(users))
            cursor.execute(
                f"DELETE FROM {Consultation._meta.db_table} WHERE created_by_id IN ({marks})", users
            )
            cursor.execute(
                f"DELETE FROM {Enrolment._meta.db_table} WHERE created_by_id IN ({marks})", users
            )
        cursor.execute(
            f"DELETE FROM {Person._meta.db_table} WHERE other_identifier LIKE %s",
            [PERSON_MARK + "%"],
        )
        cursor.execute(
            f"DELETE FROM {Family._meta.db_table} WHERE label LIKE %s", [FAMILY_MARK + "%"]
        )
    consultation_totals.rebuild()


@transaction.atomic
def generate(*, participants: int, consultations: int, seed: int = 2026) -> Generated:
    """Add `participants` persons (two to a family, one enrolment each) and `consultations`
    consultations spread over the demo projects."""
    rng = random.Random(seed)
    load_seed_projects()
    projects = list(Project.objects.order_by("pk"))
    subgroups = {p.pk: list(p.subgroups.values_list("pk", flat=True)) for p in projects}
    projects = [p for p in projects if subgroups[p.pk]]
    users = _load_users(projects)
    kinds = list(SpecialistKind.objects.values_list("pk", flat=True))
    places = list(PlaceKind.objects.values_list("pk", "slug"))
    now = timezone.now()

    family_id, person_id = _next_id(Family), _next_id(Person)
    enrolment_id, consultation_id = _next_id(Enrolment), _next_id(Consultation)
    # Which serial the person numbers continue from (a second run adds, never collides).
    person_offset = Person.objects.filter(other_identifier__startswith=PERSON_MARK).count()
    family_offset = Family.objects.filter(label__startswith=FAMILY_MARK).count()
    family_count = (participants + 1) // 2

    def family_project(index):
        return projects[index % len(projects)]

    def families():
        for index in range(family_count):
            project = family_project(index)
            yield (
                family_id + index,
                f"{FAMILY_MARK}{family_offset + index:07d}",
                project.pk,
                "",
                f"{rng.randrange(10, 99)}-{rng.randrange(100, 999)}",
                project.city,
                project.city,
                project.city,
                project.voivodeship,
                "",
                "",
                "",
                now,
                now,
            )

    family_columns = [
        "id", "label", "created_in_project", "street", "postcode", "town", "municipality",
        "county", "voivodeship", "phone", "email", "notes", "created_at", "updated_at",
    ]  # fmt: skip
    made_families = _insert(Family, family_columns, families(), family_count)

    # person index -> (project, enrolment start) for the consultations
    person_project: list[int] = []
    person_start: list[date] = []

    def persons():
        for index in range(participants):
            number = person_offset + index
            family_index = index // 2
            project = family_project(family_index)
            sex = FEMALE if index % 2 == 0 else MALE
            born = FIRST_DAY + timedelta(days=number % BIRTH_DAYS)
            serial = FIRST_SERIAL + number // BIRTH_DAYS
            person_project.append(project.pk)
            yield (
                person_id + index,
                rng.choice(FIRST_NAMES[sex]),
                f"Obciążeniowa{number}" if sex == FEMALE else f"Obciążeniowy{number}",
                synthetic_pesel(born, sex, serial),
                False,
                f"{PERSON_MARK}{number}",
                born,
                sex,
                family_id + family_index,
                Person.Relation.PARENT if index % 2 == 0 else Person.Relation.CHILD,
                rng.choice(EDUCATION),
                rng.choice(STATUSES),
                rng.random() < 0.1,
                rng.random() < 0.05,
                rng.random() < 0.03,
                rng.random() < 0.02,
                rng.random() < 0.02,
                rng.random() < 0.2,
                rng.random() < 0.15,
                "",
                "",
                project.pk,
                now,
                now,
            )

    person_columns = [
        "id", "first_name", "last_name", "pesel", "no_pesel", "other_identifier", "birth_date",
        "sex", "family", "relation_to_family", "education", "labour_market_status", "disability",
        "foreign_origin", "third_country_national", "minority", "homeless_or_housing_excluded",
        "household_without_work", "single_adult_with_children", "phone", "email",
        "created_in_project", "created_at", "updated_at",
    ]  # fmt: skip
    made_persons = _insert(Person, person_columns, persons(), participants)
    by_pk = {project.pk: project for project in projects}

    def enrolments():
        for index in range(participants):
            project = by_pk[person_project[index]]
            start = _random_day(rng, project.start_date, project.end_date)
            person_start.append(start)
            yield (
                enrolment_id + index,
                project.pk,
                rng.choice(subgroups[project.pk]),
                person_id + index,
                family_id + index // 2,
                start,
                None,
                "",
                users[project.pk].pk,
                now,
                now,
            )

    enrolment_columns = [
        "id", "project", "subgroup", "person", "family", "start_date", "end_date",
        "kind_of_support", "created_by", "created_at", "updated_at",
    ]  # fmt: skip
    made_enrolments = _insert(Enrolment, enrolment_columns, enrolments(), participants)

    def consultation_rows():
        for index in range(consultations):
            person = rng.randrange(participants) if participants else None
            project = by_pk[person_project[person]] if person is not None else projects[0]
            start = person_start[person] if person is not None else project.start_date
            place, slug = rng.choice(places)
            specialist = users[project.pk].pk
            yield (
                consultation_id + index,
                project.pk,
                person_id + person if person is not None else None,
                family_id + person // 2 if person is not None else family_id,
                rng.choice(kinds),
                specialist,
                _random_day(rng, start, project.end_date),
                time(8 + rng.randrange(10), rng.choice((0, 15, 30, 45))),
                rng.choice(DURATIONS),
                place,
                "Szpital Miejski" if slug == MATERNITY_WARD_SLUG else "",
                Consultation.Form.INDIVIDUAL if rng.random() < 0.8 else Consultation.Form.GROUP,
                "",
                "",
                specialist,
                now,
                now,
            )

    consultation_columns = [
        "id", "project", "person", "family", "specialist_kind", "specialist", "date",
        "start_time", "duration_minutes", "place_kind", "hospital_name", "form", "topic",
        "notes", "created_by", "created_at", "updated_at",
    ]  # fmt: skip
    made_consultations = _insert(
        Consultation, consultation_columns, consultation_rows(), consultations
    )
    totals = consultation_totals.rebuild()
    return Generated(made_families, made_persons, made_enrolments, made_consultations, totals)


def analyze() -> None:
    """Fresh planner statistics (and row estimates) after a bulk load (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
