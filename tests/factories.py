"""Plain-function factories and staff personas for the back-office tests.

Everything is synthetic: names are invented, PESELs come from `synthetic_pesel`. Records are
created through the same write functions the admin and views use, so factories never produce
a row the rules would refuse.

    project = make_project("alfa")
    caseworker = make_staff(project, StaffRole.CASEWORKER)
    person = make_person(project, actor=caseworker)
    enrolment = make_enrolment(person=person, actor=caseworker)
"""

import itertools
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from audit.log import acting_as
from participants import enrolment as enrolment_writes
from participants import records
from participants.models import ParticipantSubgroup
from participants.pesel import FEMALE, synthetic_pesel
from projects.models import Organisation, Project, ProjectMembership, StaffProfile
from projects.roles import GROUP_NAMES
from services import consultations
from services.models import PlaceKind, SpecialistKind
from services.seed import five_projects

_serials = itertools.count(1)


def _next() -> int:
    return next(_serials)


def make_project(slug: str = "", **fields) -> Project:
    """A small ongoing project with one subgroup ("Rodziny"), not from the seed."""
    slug = slug or f"projekt-{_next()}"
    defaults = {
        "title": f"Projekt {slug}",
        "city": "Opole",
        "voivodeship": "opolskie",
        "start_date": date(2024, 1, 1),
        "end_date": date(2027, 12, 31),
        "programming_period": Project.ProgrammingPeriod.P2021_2027,
        "summary": "Projekt testowy.",
    }
    defaults.update(fields)
    project = Project.objects.create(slug=slug, **defaults)
    ParticipantSubgroup.objects.create(project=project, name="Rodziny", target_families=10)
    return project


def seed_project(slug: str) -> Project:
    """One of the five seed projects (needs the `seeded` fixture)."""
    return Project.objects.get(slug=slug)


def subgroup_of(project: Project) -> ParticipantSubgroup:
    return project.subgroups.order_by("order", "pk").first()


def organisation(name: str = "MOPR Testowo") -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=name, defaults={"kind": Organisation.Kind.SOCIAL_ASSISTANCE_CENTRE}
    )
    return org


def make_staff(project: Project | None, role: str, *, username: str = "", **user_fields):
    """A staff user with `role` in `project` (a StaffRole value), in the role's auth Group
    (so the admin grants its permissions), with a staff profile."""
    User = get_user_model()
    username = username or f"{role}-{project.slug if project else 'none'}-{_next()}"
    user = User.objects.create_user(
        username=username, password="haslo-testowe-123", is_staff=True, **user_fields
    )
    StaffProfile.objects.create(user=user, organisation=organisation())
    user.groups.add(Group.objects.get(name=GROUP_NAMES[role]))
    if project is not None:
        with acting_as(None):
            ProjectMembership.objects.create(user=user, project=project, role=role)
    return user


def add_role(user, project: Project, role: str) -> ProjectMembership:
    membership = ProjectMembership.objects.create(user=user, project=project, role=role)
    user.groups.add(Group.objects.get(name=GROUP_NAMES[role]))
    user.__dict__.pop("_project_roles_cache", None)
    return membership


def specialist_kind(slug: str = "psychologist") -> SpecialistKind:
    names = dict(five_projects.SPECIALIST_KINDS)
    kind, _ = SpecialistKind.objects.get_or_create(slug=slug, defaults={"name": names[slug]})
    return kind


def place_kind(slug: str = "office") -> PlaceKind:
    rows = {row[0]: row for row in five_projects.PLACE_KINDS}
    _, name, is_remote = rows[slug]
    kind, _ = PlaceKind.objects.get_or_create(
        slug=slug, defaults={"name": name, "is_remote": is_remote}
    )
    return kind


def make_family(project: Project, *, actor, **fields):
    fields.setdefault("label", f"R/{_next():04d}")
    fields.setdefault("town", "Opole")
    fields.setdefault("postcode", "45-001")
    return records.create_family(actor=actor, project=project, **fields)


def make_person(
    project: Project,
    *,
    actor,
    birth_date: date = date(1990, 5, 12),
    sex: str = FEMALE,
    **fields,
):
    """A person with a valid synthetic PESEL for `birth_date` and `sex` (unless `pesel` or
    `no_pesel` is given)."""
    serial = _next()
    if not fields.get("no_pesel"):
        fields.setdefault("pesel", synthetic_pesel(birth_date, sex, serial % 5000))
    fields.setdefault("first_name", "Anna" if sex == FEMALE else "Jan")
    fields.setdefault("last_name", f"Testowa{serial}" if sex == FEMALE else f"Testowy{serial}")
    return records.create_person(
        actor=actor, project=project, birth_date=birth_date, sex=sex, **fields
    )


def make_enrolment(*, actor, person=None, family=None, project=None, subgroup=None, **fields):
    project = project or (person or family).created_in_project
    subgroup = subgroup or subgroup_of(project)
    fields.setdefault("start_date", date(2025, 3, 1))
    return enrolment_writes.enrol(
        actor=actor, subgroup=subgroup, person=person, family=family, project=project, **fields
    )


def make_consultation(*, actor, project, person=None, family=None, **fields):
    fields.setdefault("specialist_kind", specialist_kind())
    fields.setdefault("place_kind", place_kind())
    fields.setdefault("date", date(2025, 3, 10))
    fields.setdefault("duration_minutes", 60)
    return consultations.log_consultation(
        actor=actor, project=project, person=person, family=family, **fields
    )
