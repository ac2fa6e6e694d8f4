"""Demo staff and a small synthetic caseload, so `make run` shows a living back office.

For DEBUG and demos only: `load_demo_data` refuses to create these accounts when DEBUG is off
unless given `--allow-demo-users`. Everyone here is invented; PESELs come from
`synthetic_pesel`. Idempotent: every row is found by a natural key before it is created, so a
second run changes nothing (and writes nothing to the audit log).

Sign-ins (all with DEMO_PASSWORD): `demo-admin` (superuser) and, per project,
`<city code>-<role>`, e.g. `opole-koordynator` — see the README's table.

Other parts of the demo (e.g. enquiries) append a callable to DEMO_STEPS; each receives the
`DemoCast` after the staff and caseload exist.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from audit.log import acting_as
from participants import enrolment as enrolment_writes
from participants import records
from participants.models import Enrolment, Family, Person
from participants.pesel import FEMALE, MALE, synthetic_pesel
from projects import memberships
from projects.models import Organisation, Partnership, Project, StaffProfile, StaffRole
from services import consultations
from services.models import Activity, ActivitySession, Consultation, PlaceKind, SpecialistKind

DEMO_PASSWORD = "demo-portal-2026"
SUPERUSER = "demo-admin"

# Seed project slug -> the short code in its staff's user names.
PROJECT_CODES = {
    "rodzicu-nie-jestes-sam": "krakow1",
    "zawsze-rodzina": "krakow2",
    "sukces-gdanskiej-rodziny": "gdansk",
    "trudny-start-lepsza-przyszlosc-2": "opole",
    "praski-kokon": "warszawa",
}
ROLE_CODES = {
    StaffRole.CASEWORKER: "pracownik",
    StaffRole.SPECIALIST: "specjalista",
    StaffRole.COORDINATOR: "koordynator",
    StaffRole.CENTRE_ADMIN: "administrator",
}
FIRST_NAMES = {
    StaffRole.CASEWORKER: "Ewa",
    StaffRole.SPECIALIST: "Marta",
    StaffRole.COORDINATOR: "Piotr",
    StaffRole.CENTRE_ADMIN: "Agnieszka",
}
# Families of each project: (label suffix, parent's first name, child's first name).
FAMILIES = [("01", "Joanna", "Kacper"), ("02", "Magdalena", "Zuzanna")]
_UUID_NAMESPACE = uuid.UUID("8f7d3c2e-6a51-4f0e-9b1c-5d2e4a7b9c01")


@dataclass
class DemoCast:
    superuser: object
    staff: dict = field(default_factory=dict)  # (project slug, role) -> user
    created: int = 0  # rows created by this run

    def of(self, project: Project, role: str):
        return self.staff[(project.slug, role)]


# Appended to by other demo modules: step(cast) runs after the staff and the caseload.
DEMO_STEPS: list[Callable[[DemoCast], None]] = []


def username(project_slug: str, role: str) -> str:
    return f"{PROJECT_CODES[project_slug]}-{ROLE_CODES[role]}"


@transaction.atomic
def load_demo_people() -> DemoCast:
    password = make_password(DEMO_PASSWORD)  # hashed once: one demo password for all
    cast = DemoCast(superuser=None)
    cast.superuser = _user(cast, SUPERUSER, password, superuser=True, first_name="Admin")
    projects = Project.objects.filter(slug__in=PROJECT_CODES).order_by("pk")
    for index, project in enumerate(projects):
        organisation = _organisation_of(project)
        for role in ROLE_CODES:
            user = _user(
                cast,
                username(project.slug, role),
                password,
                first_name=FIRST_NAMES[role],
                last_name=f"Demo ({PROJECT_CODES[project.slug]})",
            )
            cast.created += _profile(user, organisation)
            cast.created += _membership(cast.superuser, user, project, role)
            cast.staff[(project.slug, role)] = user
        _caseload(cast, project, index)
    for step in DEMO_STEPS:
        step(cast)
    return cast


def _user(cast, name, password, *, superuser=False, **names):
    User = get_user_model()
    user = User.objects.filter(username=name).first()
    if user is None:
        user = User(
            username=name,
            password=password,
            is_staff=True,
            is_superuser=superuser,
            email=f"{name}@demo.invalid",
            **names,
        )
        user.save()
        cast.created += 1
    return user


def _organisation_of(project: Project) -> Organisation:
    partnerships = project.partnerships.select_related("organisation")
    for role in (Partnership.Role.IMPLEMENTING_UNIT, Partnership.Role.LEADER):
        found = partnerships.filter(role=role).first()
        if found is not None:
            return found.organisation
    organisation, _ = Organisation.objects.get_or_create(
        name=f"Ośrodek demonstracyjny – {project.city}",
        defaults={"kind": Organisation.Kind.SOCIAL_ASSISTANCE_CENTRE, "town": project.city},
    )
    return organisation


def _profile(user, organisation) -> int:
    _, created = StaffProfile.objects.get_or_create(
        user=user, defaults={"organisation": organisation}
    )
    return int(created)


def _membership(superuser, user, project, role) -> int:
    if user.project_memberships.filter(project=project, role=role).exists():
        return 0
    with acting_as(superuser):
        memberships.grant_role(actor=superuser, user=user, project=project, role=role)
    return 1


def _caseload(cast: DemoCast, project: Project, index: int) -> None:
    caseworker = cast.of(project, StaffRole.CASEWORKER)
    specialist = cast.of(project, StaffRole.SPECIALIST)
    subgroup = project.subgroups.order_by("order", "pk").first()
    if subgroup is None:
        return
    kind, place = _kinds_of(project)
    code = PROJECT_CODES[project.slug]
    for number, (suffix, parent_name, child_name) in enumerate(FAMILIES):
        serial = index * 100 + number * 10
        with acting_as(caseworker):
            family = _family(cast, project, caseworker, f"DEMO/{code}/{suffix}")
            parent = _person(
                cast,
                project,
                caseworker,
                family=family,
                first_name=parent_name,
                birth_date=date(1991 + number, 3 + index, 14),
                sex=FEMALE,
                serial=serial,
                relation=Person.Relation.PARENT,
            )
            child = _person(
                cast,
                project,
                caseworker,
                family=family,
                first_name=child_name,
                birth_date=date(2019 + number, 5 + index, 2),
                sex=MALE if number == 0 else FEMALE,
                serial=serial + 1,
                relation=Person.Relation.CHILD,
            )
            for person in (parent, child):
                _enrolment(cast, caseworker, subgroup, person)
        with acting_as(specialist):
            for visit in range(2):
                _consultation(cast, project, specialist, kind, place, parent, number, visit)
    _sessions(cast, project, caseworker)


def _kinds_of(project: Project):
    offer = project.offers.prefetch_related("specialist_kinds", "place_kinds").first()
    kind = offer.specialist_kinds.first() if offer is not None else None
    place = offer.place_kinds.exclude(slug="maternity-ward").first() if offer else None
    kind = (
        kind
        or SpecialistKind.objects.get_or_create(
            slug="psychologist", defaults={"name": "psycholog"}
        )[0]
    )
    place = (
        place
        or PlaceKind.objects.get_or_create(slug="office", defaults={"name": "biuro / ośrodek"})[0]
    )
    return kind, place


def _family(cast, project, caseworker, label) -> Family:
    family = Family.objects.filter(created_in_project=project, label=label).first()
    if family is None:
        cast.created += 1
        family = records.create_family(
            actor=caseworker,
            project=project,
            label=label,
            town=project.city,
            voivodeship=project.voivodeship,
            notes="Rodzina demonstracyjna – dane fikcyjne.",
        )
    return family


def _person(cast, project, caseworker, *, family, first_name, birth_date, sex, serial, relation):
    pesel = synthetic_pesel(birth_date, sex, serial)
    person = Person.objects.filter(pesel=pesel).first()
    if person is None:
        cast.created += 1
        person = records.create_person(
            actor=caseworker,
            project=project,
            first_name=first_name,
            last_name="Przykładowa" if sex == FEMALE else "Przykładowy",
            pesel=pesel,
            family=family,
            relation_to_family=relation,
        )
    return person


def _enrolment(cast, caseworker, subgroup, person) -> None:
    if Enrolment.objects.filter(project=subgroup.project, person=person).exists():
        return
    cast.created += 1
    enrolment_writes.enrol(
        actor=caseworker,
        subgroup=subgroup,
        person=person,
        start_date=max(subgroup.project.start_date or date(2024, 1, 1), date(2024, 1, 8)),
        kind_of_support="wsparcie specjalistyczne",
    )


def _consultation(cast, project, specialist, kind, place, person, number, visit) -> None:
    key = uuid.uuid5(_UUID_NAMESPACE, f"{project.slug}/{number}/{visit}")
    if Consultation.objects.filter(idempotency_key=key).exists():
        return
    cast.created += 1
    consultations.log_consultation(
        actor=specialist,
        project=project,
        person=person,
        family=person.family,
        specialist_kind=kind,
        place_kind=place,
        date=date(2025, 2 + visit, 10 + number),
        start_time=time(10 + visit, 0),
        duration_minutes=50,
        topic="Konsultacja demonstracyjna",
        notes="Notatka demonstracyjna – widzi ją autor, koordynator i administrator.",
        idempotency_key=key,
    )


def _sessions(cast, project, caseworker) -> None:
    for number, activity in enumerate(Activity.objects.filter(project=project).order_by("pk")[:2]):
        held_on = activity.start_date or date(2025, 6, 14 + number)
        if ActivitySession.objects.filter(activity=activity, date=held_on).exists():
            continue
        cast.created += 1
        with acting_as(caseworker):
            consultations.record_activity_session(
                actor=caseworker, activity=activity, date=held_on, attendance=12 + number * 3
            )
