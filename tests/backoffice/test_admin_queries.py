"""The Person and Consultation lists cost the same number of queries for 3 and for 30 rows,
for a caseworker (the scoped case, not the superuser's shortcut)."""

import pytest
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


@pytest.fixture
def team():
    project = make_project("alfa")
    return project, make_staff(project, StaffRole.CASEWORKER)


def add_rows(project, caseworker, count):
    for _ in range(count):
        family = make_family(project, actor=caseworker)
        person = make_person(project, actor=caseworker, family=family)
        make_enrolment(actor=caseworker, person=person)
        make_consultation(actor=caseworker, project=project, person=person)


@pytest.mark.parametrize("rows", [3, 30])
def test_the_person_list(client, team, rows, django_assert_num_queries):
    project, caseworker = team
    add_rows(project, caseworker, rows)
    client.force_login(caseworker)
    url = reverse("admin:participants_person_changelist")
    client.get(url)  # warm the content-type cache
    # 1 session, 2 user, 3-4 the user's own and their groups' permissions,
    # 5 the "created in project" filter's choices (the user's projects, a subquery),
    # 6 the filtered count (show_full_result_count is off: no full count),
    # 7 the page of people with family and project joined; scoping adds subqueries, not queries.
    with django_assert_num_queries(7):
        response = client.get(url)
    assert len(response.context["cl"].result_list) == rows


@pytest.mark.parametrize("rows", [3, 30])
def test_the_consultation_list(client, team, rows, django_assert_num_queries):
    project, caseworker = team
    add_rows(project, caseworker, rows)
    client.force_login(caseworker)
    url = reverse("admin:services_consultation_changelist")
    client.get(url)  # warm the content-type cache
    # 1 session, 2 user, 3-4 the user's own and their groups' permissions,
    # 5-7 the project, specialist-kind and place-kind filter choices,
    # 8 the user's project ids (the scope again as literal ids, for the ordered index),
    # 9 the filtered count, 10 the page of rows with project, kinds and specialist joined
    # (no date hierarchy: at a million rows its range and days scan the table).
    with django_assert_num_queries(10):
        response = client.get(url)
    assert len(response.context["cl"].result_list) == rows


@pytest.mark.parametrize("rows", [3, 30])
def test_the_enquiry_list(client, team, rows, django_assert_num_queries):
    from services.enquiries import submit_enquiry

    project, caseworker = team
    for number in range(rows):
        submit_enquiry(
            project=project, name=f"Rodzic {number}", email=f"r{number}@example.invalid", consent=1
        )
    client.force_login(caseworker)
    url = reverse("admin:services_enquiry_changelist")
    client.get(url)  # warm the content-type cache
    # 1 session, 2 user, 3-4 the user's own and their groups' permissions,
    # 5-6 the assignee and project filter choices, 7 the filtered count,
    # 8 the page of enquiries with project, offer and assignee joined,
    # 9-10 the date hierarchy's range and its days.
    with django_assert_num_queries(10):
        response = client.get(url)
    assert len(response.context["cl"].result_list) == rows
