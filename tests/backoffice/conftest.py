"""Two projects, Alfa and Beta, each with a family, a person in it (enrolled), a consultation,
a held activity, a family's enquiry and its team; the personas of the back office."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from audit.log import acting_as
from audit.models import AuditEntry
from projects.models import StaffRole
from services import consultations
from services.enquiries import submit_enquiry
from services.models import Activity
from tests.factories import (
    make_consultation,
    make_enrolment,
    make_family,
    make_person,
    make_project,
    make_staff,
)


@dataclass
class Side:
    project: object
    family: object
    person: object
    enrolment: object
    consultation: object
    activitysession: object
    projectmembership: object
    auditentry: object
    enquiry: object = None


def build_side(slug, *, keeper, specialist, last_name):
    project = keeper.project_memberships.get().project
    with acting_as(keeper):
        family = make_family(project, actor=keeper)
        person = make_person(project, actor=keeper, family=family, last_name=last_name)
        enrolment = make_enrolment(actor=keeper, person=person)
    with acting_as(specialist):
        consultation = make_consultation(
            actor=specialist,
            project=project,
            person=person,
            topic="Wsparcie po porodzie",
            notes=f"Notatka poufna {slug}",
        )
    activity = Activity.objects.create(
        project=project, kind=Activity.Kind.WORKSHOP, name="Warsztaty"
    )
    session = consultations.record_activity_session(
        actor=keeper, activity=activity, date=date(2025, 4, 5), attendance=12
    )
    enquiry = submit_enquiry(
        project=project, name=f"Rodzic {last_name}", phone="600 123 456", consent=True
    )
    return Side(
        enquiry=enquiry,
        project=project,
        family=family,
        person=person,
        enrolment=enrolment,
        consultation=consultation,
        activitysession=session,
        projectmembership=keeper.project_memberships.get(),
        auditentry=AuditEntry.objects.filter(project=project).order_by("pk").first(),
    )


@pytest.fixture
def world(db, superuser, django_user_model):
    alfa, beta = make_project("alfa"), make_project("beta")
    people = {
        "superuser": superuser,
        "caseworker_a": make_staff(alfa, StaffRole.CASEWORKER, username="caseworker_a"),
        "specialist_a": make_staff(alfa, StaffRole.SPECIALIST, username="specialist_a"),
        "coordinator_a": make_staff(alfa, StaffRole.COORDINATOR, username="coordinator_a"),
        "centre_admin_a": make_staff(alfa, StaffRole.CENTRE_ADMIN, username="centre_admin_a"),
        "caseworker_b": make_staff(beta, StaffRole.CASEWORKER, username="caseworker_b"),
        "specialist_b": make_staff(beta, StaffRole.SPECIALIST, username="specialist_b"),
        "no_membership": django_user_model.objects.create_user(
            "no_membership", password="x", is_staff=True
        ),
        "anonymous": AnonymousUser(),
    }
    sides = {
        "a": build_side(
            "alfa",
            keeper=people["caseworker_a"],
            specialist=people["specialist_a"],
            last_name="Alfowska",
        ),
        "b": build_side(
            "beta",
            keeper=people["caseworker_b"],
            specialist=people["specialist_b"],
            last_name="Betowska",
        ),
    }
    return people, sides


@pytest.fixture
def login(client, world):
    people, _ = world

    def sign_in(persona):
        if persona != "anonymous":
            client.force_login(people[persona])
        return client

    return sign_in
