"""The demo: staff sign-ins per project and role, a synthetic caseload, idempotent, and never
created on a server with DEBUG off unless asked for."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEntry
from participants.models import Person
from participants.pesel import validate_pesel
from projects.models import ProjectMembership, StaffRole
from projects.roles import GROUP_NAMES
from services.seed.demo_people import DEMO_PASSWORD, PROJECT_CODES, ROLE_CODES, username

pytestmark = pytest.mark.django_db


def load(*args):
    out = StringIO()
    call_command("load_demo_data", *args, stdout=out)
    return out.getvalue()


def row_counts():
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def test_with_debug_off_no_demo_sign_ins_are_created_unless_allowed():
    output = load()
    assert "DEBUG is off" in output
    assert not get_user_model().objects.exists()


def test_one_sign_in_per_project_and_role_plus_a_superuser_and_their_caseload(client):
    # One load for the three checks below: the seed takes a second or two to load.
    load("--allow-demo-users")
    check_the_sign_ins()
    check_the_caseload()
    check_the_enquiries()
    check_a_coordinator_sees_only_their_project(client)


def check_the_sign_ins():
    User = get_user_model()
    assert User.objects.count() == 1 + len(PROJECT_CODES) * len(ROLE_CODES)
    assert User.objects.get(username="demo-admin").is_superuser
    for slug in PROJECT_CODES:
        for role in ROLE_CODES:
            user = User.objects.get(username=username(slug, role))
            assert (user.is_staff, user.is_superuser) == (True, False)
            assert list(user.project_memberships.values_list("project__slug", "role")) == [
                (slug, role)
            ]
            assert list(user.groups.values_list("name", flat=True)) == [GROUP_NAMES[role]]
            assert user.check_password(DEMO_PASSWORD)


def check_the_caseload():
    for slug in PROJECT_CODES:
        people = Person.objects.filter(created_in_project__slug=slug)
        assert people.count() == 4
        for person in people:
            validate_pesel(person.pesel)
            assert person.enrolments.filter(project__slug=slug).count() == 1
        assert (
            apps.get_model("services", "Consultation").objects.filter(project__slug=slug).count()
            == 4
        )
    # Opole's seed lists activities: the demo holds two of them.
    assert (
        apps.get_model("services", "ActivitySession")
        .objects.filter(activity__project__slug="trudny-start-lepsza-przyszlosc-2")
        .count()
        == 2
    )
    # Written through the write functions, so the audit log names the personas.
    assert AuditEntry.objects.filter(actor_username="opole-pracownik", action="create").exists()


def check_the_enquiries():
    Enquiry = apps.get_model("services", "Enquiry")
    for slug, code in PROJECT_CODES.items():
        statuses = dict(Enquiry.objects.filter(project__slug=slug).values_list("name", "status"))
        assert statuses == {"Ania": "new", "Mama Julka": "contacted", "Tomek": "closed"}
        taken = Enquiry.objects.get(project__slug=slug, name="Mama Julka")
        assert taken.assignee.username == f"{code}-pracownik"
    # No phone numbers in the demo: it must not ring anyone.
    assert not Enquiry.objects.exclude(phone="").exists()


def test_a_second_run_changes_nothing():
    load("--allow-demo-users")
    before = row_counts()
    output = load("--allow-demo-users")
    assert "created 0 rows" in output
    assert row_counts() == before


def check_a_coordinator_sees_only_their_project(client):
    assert client.login(username="opole-koordynator", password=DEMO_PASSWORD)
    response = client.get(reverse("admin:participants_person_changelist"))
    slugs = {person.created_in_project.slug for person in response.context["cl"].result_list}
    assert slugs == {"trudny-start-lepsza-przyszlosc-2"}
    assert ProjectMembership.objects.filter(role=StaffRole.COORDINATOR).count() == 5
