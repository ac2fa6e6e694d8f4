"""The back-office admin pages of the new models open, and their lists cost a fixed number
of queries whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import StaffRole
from tests.factories import (
    make_consultation,
    make_enrolment,
    make_family,
    make_person,
    make_project,
    make_staff,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:participants_family_changelist",
    "admin:participants_person_changelist",
    "admin:participants_enrolment_changelist",
    "admin:services_consultation_changelist",
    "admin:services_activitysession_changelist",
    "admin:audit_auditentry_changelist",
    "admin:projects_projectmembership_changelist",
    "admin:projects_staffprofile_changelist",
]


def add_participants(project, caseworker, count):
    for _ in range(count):
        family = make_family(project, actor=caseworker)
        person = make_person(project, actor=caseworker, family=family)
        make_enrolment(actor=caseworker, person=person)
        make_consultation(actor=caseworker, project=project, person=person)


@pytest.fixture
def project():
    return make_project("alfa")


@pytest.fixture
def caseworker(project):
    return make_staff(project, StaffRole.CASEWORKER)


@pytest.mark.parametrize("url_name", CHANGELISTS)
def test_changelists_and_add_pages_open(admin_client, project, caseworker, url_name):
    add_participants(project, caseworker, 2)
    assert admin_client.get(reverse(url_name)).status_code == 200
    if "audit" not in url_name:
        add_url = reverse(url_name.replace("_changelist", "_add"))
        assert admin_client.get(add_url).status_code == 200


def test_a_person_change_page_opens(admin_client, project, caseworker):
    add_participants(project, caseworker, 1)
    from participants.models import Person

    person = Person.objects.get()
    url = reverse("admin:participants_person_change", args=[person.pk])
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:participants_person_changelist",
        "admin:participants_enrolment_changelist",
        "admin:services_consultation_changelist",
        "admin:audit_auditentry_changelist",
    ],
)
def test_list_pages_cost_the_same_queries_for_2_and_6_rows(
    admin_client, project, caseworker, url_name
):
    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(reverse(url_name)).status_code == 200
        return len(queries)

    add_participants(project, caseworker, 2)
    admin_client.get(reverse(url_name))  # warm the content-type and session caches
    with_two = queries_for_list()
    add_participants(project, caseworker, 4)
    assert queries_for_list() == with_two


def test_the_consultation_list_in_seven_queries(
    admin_client, project, caseworker, django_assert_num_queries
):
    add_participants(project, caseworker, 5)
    url = reverse("admin:services_consultation_changelist")
    admin_client.get(url)  # warm the content-type cache
    # 1 session, 2 user, 3-5 the project, specialist-kind and place-kind filter choices,
    # 6 the filtered count (no full count: show_full_result_count is off), 7 the page of rows
    # with project, kinds and specialist joined; no date hierarchy (at a million rows its
    # range and days scan the table).
    with django_assert_num_queries(7):
        assert admin_client.get(url).status_code == 200


def test_a_caseworkers_admin_lists_show_only_their_projects_rows(client, project, caseworker):
    beta = make_project("beta")
    beta_caseworker = make_staff(beta, StaffRole.CASEWORKER)
    own = make_person(project, actor=caseworker, last_name="Alfowska")
    make_person(beta, actor=beta_caseworker, last_name="Betowska")
    client.force_login(caseworker)
    response = client.get(reverse("admin:participants_person_changelist"))
    assert response.status_code == 200
    assert [p.pk for p in response.context["cl"].result_list] == [own.pk]
    # The role group grants no access to the audit log.
    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 403
