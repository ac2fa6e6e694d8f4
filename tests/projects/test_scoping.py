"""Row-level scoping, persona by persona.

Two projects, Alfa and Beta. In Alfa: a caseworker, a specialist, a coordinator and a centre
administrator; in Beta: a caseworker. Plus a superuser, an inactive Alfa caseworker and an
anonymous visitor. Each record below is in exactly one project, so each persona's view is a
known set.
"""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEntry
from participants.models import Enrolment, Family, Person
from projects import scoping
from projects.models import Project, StaffRole
from services.models import Consultation
from tests.factories import (
    make_consultation,
    make_enrolment,
    make_family,
    make_person,
    make_project,
    make_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model):
    alfa, beta = make_project("alfa"), make_project("beta")
    people = {
        "caseworker_alfa": make_staff(alfa, StaffRole.CASEWORKER),
        "specialist_alfa": make_staff(alfa, StaffRole.SPECIALIST),
        "coordinator_alfa": make_staff(alfa, StaffRole.COORDINATOR),
        "admin_alfa": make_staff(alfa, StaffRole.CENTRE_ADMIN),
        "caseworker_beta": make_staff(beta, StaffRole.CASEWORKER),
        "inactive_alfa": make_staff(alfa, StaffRole.CASEWORKER, is_active=False),
        "superuser": django_user_model.objects.create_superuser("root", password="x"),
        "anonymous": AnonymousUser(),
    }
    rows = {}
    for project, keeper in ((alfa, people["caseworker_alfa"]), (beta, people["caseworker_beta"])):
        family = make_family(project, actor=keeper)
        person = make_person(project, actor=keeper, family=family)
        enrolment = make_enrolment(actor=keeper, person=person)
        specialist = people["specialist_alfa"] if project == alfa else keeper
        consultation = make_consultation(
            actor=specialist, project=project, person=person, notes="notatka"
        )
        rows[project.slug] = {
            "project": project,
            "family": family,
            "person": person,
            "enrolment": enrolment,
            "consultation": consultation,
        }
    return people, rows


SEES = {
    # persona: the projects whose rows they see
    "caseworker_alfa": {"alfa"},
    "specialist_alfa": {"alfa"},
    "coordinator_alfa": {"alfa"},
    "admin_alfa": {"alfa"},
    "caseworker_beta": {"beta"},
    "inactive_alfa": set(),
    "superuser": {"alfa", "beta"},
    "anonymous": set(),
}


@pytest.mark.parametrize("persona", SEES)
@pytest.mark.parametrize(
    ("model", "key"),
    [
        (Project, "project"),
        (Family, "family"),
        (Person, "person"),
        (Enrolment, "enrolment"),
        (Consultation, "consultation"),
    ],
)
def test_for_user_shows_only_the_personas_projects(world, persona, model, key):
    people, rows = world
    visible = set(model.objects.for_user(people[persona]).values_list("pk", flat=True))
    assert visible == {rows[slug][key].pk for slug in SEES[persona]}


AUDIT_READERS = {
    "coordinator_alfa": {"alfa"},
    "admin_alfa": {"alfa"},
    "caseworker_alfa": set(),
    "specialist_alfa": set(),
    "caseworker_beta": set(),
    "superuser": {"alfa", "beta"},
    "anonymous": set(),
}


@pytest.mark.parametrize("persona", AUDIT_READERS)
def test_the_audit_log_is_read_by_coordinators_and_administrators(world, persona):
    people, _rows = world
    projects = set(
        AuditEntry.objects.for_user(people[persona])
        .exclude(project=None)
        .values_list("project__slug", flat=True)
    )
    assert projects == AUDIT_READERS[persona]


def test_a_person_enrolled_in_another_project_is_seen_by_both_teams(world):
    people, rows = world
    alfa_person = rows["alfa"]["person"]
    beta_caseworker = people["caseworker_beta"]
    assert not Person.objects.for_user(beta_caseworker).filter(pk=alfa_person.pk).exists()
    # Beta's caseworker cannot see Alfa's person; knowing the exact PESEL lets them enrol it.
    make_enrolment(
        actor=beta_caseworker,
        person=alfa_person,
        project=rows["beta"]["project"],
        known_pesel=alfa_person.pesel,
    )
    assert Person.objects.for_user(beta_caseworker).filter(pk=alfa_person.pk).exists()
    # …and the enrolment in Alfa stays Alfa's.
    assert set(
        Enrolment.objects.for_user(beta_caseworker)
        .filter(person=alfa_person)
        .values_list("project__slug", flat=True)
    ) == {"beta"}


def test_a_family_member_is_seen_through_the_familys_enrolment(world):
    people, rows = world
    beta, keeper = rows["beta"]["project"], people["caseworker_beta"]
    family = make_family(beta, actor=keeper)
    make_enrolment(actor=keeper, family=family)
    # A child recorded in Alfa, who belongs to the Beta family.
    child = make_person(
        rows["alfa"]["project"],
        actor=people["caseworker_alfa"],
        birth_date=date(2020, 1, 1),
    )
    child.family = family
    child.save()
    assert Person.objects.for_user(keeper).filter(pk=child.pk).exists()


def test_roles_and_note_readers(world):
    people, rows = world
    alfa, beta = rows["alfa"]["project"], rows["beta"]["project"]
    author = people["specialist_alfa"]
    assert scoping.role_in(people["coordinator_alfa"], alfa) == StaffRole.COORDINATOR
    assert scoping.role_in(people["coordinator_alfa"], beta) is None
    assert scoping.role_in(people["inactive_alfa"], alfa) is None
    assert scoping.is_coordinator_or_admin(people["admin_alfa"], alfa)
    assert not scoping.is_coordinator_or_admin(people["caseworker_alfa"], alfa)
    assert scoping.is_coordinator_or_admin(people["superuser"], beta)
    readers = {
        name for name, user in people.items() if scoping.can_read_notes(user, alfa, author=author)
    }
    assert readers == {"specialist_alfa", "coordinator_alfa", "admin_alfa", "superuser"}
    # Another specialist of the same project does not read the author's notes.
    other_specialist = make_staff(alfa, StaffRole.SPECIALIST)
    assert not scoping.can_read_notes(other_specialist, alfa, author=author)


def test_project_ids_are_read_once_per_user_object(world):
    people, rows = world
    user = people["coordinator_alfa"]
    scoping.forget_roles(user)
    with CaptureQueriesContext(connection) as queries:
        assert scoping.project_ids_for(user) == {rows["alfa"]["project"].pk}
        assert scoping.role_in(user, rows["alfa"]["project"]) == StaffRole.COORDINATOR
        assert scoping.is_coordinator_or_admin(user, rows["alfa"]["project"])
    assert len(queries) == 1  # the user's memberships


def test_the_role_groups_hold_their_permissions():
    def perms(name):
        return set(
            Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", "codename"
            )
        )

    caseworker, specialist = perms("Pracownik socjalny"), perms("Specjalista")
    coordinator, admin = perms("Koordynator"), perms("Administrator ośrodka")
    assert {("participants", "add_person"), ("services", "add_consultation")} <= caseworker
    assert ("participants", "delete_person") not in caseworker
    assert ("participants", "add_person") not in specialist
    assert ("services", "change_consultation") in specialist
    assert {("participants", "delete_person"), ("audit", "view_auditentry")} <= coordinator
    assert ("projects", "add_projectmembership") not in coordinator
    assert ("projects", "add_projectmembership") in admin
    assert caseworker < coordinator < admin
    # Nobody may change or delete the audit log.
    assert not {p for p in admin if p[0] == "audit" and not p[1].startswith("view")}


def test_a_later_migration_can_append_permissions_to_a_role():
    from django.apps import apps

    from projects.roles import sync_role_groups

    group = Group.objects.get(name="Specjalista")
    before = group.permissions.count()
    sync_role_groups(apps, {"specialist": ["services.view_supportoffer"]})
    assert group.permissions.count() == before + 1
    sync_role_groups(apps, {"specialist": ["services.view_supportoffer"]})  # idempotent
    assert group.permissions.count() == before + 1
