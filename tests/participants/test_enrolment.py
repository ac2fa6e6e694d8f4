"""Enrolment through `participants.enrolment.enrol`: the subgroup's project, once per project,
dates, and the age at enrolment computed from the birth date."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from participants.enrolment import end_enrolment, enrol
from participants.models import Enrolment
from projects.models import StaffRole
from tests.factories import (
    make_enrolment,
    make_family,
    make_person,
    make_project,
    make_staff,
    subgroup_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return make_project("alfa")


@pytest.fixture
def caseworker(project):
    return make_staff(project, StaffRole.CASEWORKER)


@pytest.fixture
def person(project, caseworker):
    return make_person(project, actor=caseworker, birth_date=date(1990, 5, 12))


def test_a_subgroup_of_another_project_is_an_error_next_to_the_subgroup(
    project, caseworker, person
):
    other = make_project("beta")
    with pytest.raises(ValidationError) as caught:
        enrol(
            actor=caseworker,
            project=project,
            subgroup=subgroup_of(other),
            person=person,
            start_date=date(2025, 3, 1),
        )
    assert caught.value.message_dict == {"subgroup": ["Ta podgrupa należy do innego projektu."]}
    assert not Enrolment.objects.exists()


def test_a_person_counts_once_per_project(project, caseworker, person):
    make_enrolment(actor=caseworker, person=person)
    with pytest.raises(ValidationError) as caught:
        make_enrolment(actor=caseworker, person=person, start_date=date(2025, 6, 1))
    assert caught.value.message_dict == {
        "person": ["Ta osoba jest już uczestnikiem tego projektu."]
    }
    assert Enrolment.objects.count() == 1


def test_the_database_refuses_a_duplicate_that_skips_validation(project, caseworker, person):
    first = make_enrolment(actor=caseworker, person=person)
    duplicate = Enrolment(
        project=project, subgroup=first.subgroup, person=person, start_date=date(2025, 6, 1)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_the_same_person_may_take_part_in_two_projects(project, caseworker, person):
    other = make_project("beta")
    make_enrolment(actor=caseworker, person=person)
    other_caseworker = make_staff(other, StaffRole.CASEWORKER)
    make_enrolment(actor=other_caseworker, person=person, project=other, known_pesel=person.pesel)
    assert person.enrolments.count() == 2


def test_a_person_of_another_project_is_enrolled_only_by_their_exact_pesel(
    project, caseworker, person
):
    other = make_project("beta")
    other_caseworker = make_staff(other, StaffRole.CASEWORKER)
    for known_pesel in ("", "00000000000", person.pesel[:-1]):
        with pytest.raises(PermissionDenied):
            make_enrolment(
                actor=other_caseworker, person=person, project=other, known_pesel=known_pesel
            )
    assert not person.enrolments.exists()
    make_enrolment(actor=other_caseworker, person=person, project=other, known_pesel=person.pesel)
    assert list(person.enrolments.values_list("project__slug", flat=True)) == ["beta"]


def test_a_family_of_another_project_cannot_be_enrolled(project, caseworker):
    family = make_family(project, actor=caseworker)
    other = make_project("beta")
    other_caseworker = make_staff(other, StaffRole.CASEWORKER)
    with pytest.raises(PermissionDenied):
        make_enrolment(actor=other_caseworker, family=family, project=other)
    assert not family.enrolments.exists()


def test_an_end_before_the_start_is_an_error_next_to_the_end_date(caseworker, person):
    with pytest.raises(ValidationError) as caught:
        make_enrolment(
            actor=caseworker, person=person, start_date=date(2025, 3, 1), end_date=date(2025, 2, 1)
        )
    assert caught.value.message_dict == {
        "end_date": ["Data zakończenia udziału nie może być przed jego rozpoczęciem."]
    }
    assert not Enrolment.objects.exists()


def test_ending_an_enrolment_before_its_start_is_refused_and_not_saved(caseworker, person):
    enrolment = make_enrolment(actor=caseworker, person=person, start_date=date(2025, 3, 1))
    with pytest.raises(ValidationError):
        end_enrolment(actor=caseworker, enrolment=enrolment, end_date=date(2025, 1, 1))
    enrolment.refresh_from_db()
    assert enrolment.end_date is None


def test_an_enrolment_needs_a_person_or_a_family(project, caseworker):
    with pytest.raises(ValidationError) as caught:
        enrol(actor=caseworker, subgroup=subgroup_of(project), start_date=date(2025, 3, 1))
    assert caught.value.message_dict == {"person": ["Wskaż osobę albo rodzinę."]}


def test_a_family_counts_once_per_subgroup(project, caseworker):
    family = make_family(project, actor=caseworker)
    make_enrolment(actor=caseworker, family=family)
    with pytest.raises(ValidationError) as caught:
        make_enrolment(actor=caseworker, family=family)
    assert caught.value.message_dict == {
        "family": ["Ta rodzina jest już w tej podgrupie projektu."]
    }


def test_a_person_enrolled_with_a_family_must_belong_to_it(project, caseworker, person):
    family = make_family(project, actor=caseworker)
    with pytest.raises(ValidationError) as caught:
        make_enrolment(actor=caseworker, person=person, family=family)
    assert caught.value.message_dict == {"family": ["Ta osoba nie należy do wskazanej rodziny."]}


@pytest.mark.parametrize(
    ("start_date", "age"),
    [
        (date(2025, 5, 11), 34),  # the day before the 35th birthday
        (date(2025, 5, 12), 35),  # the birthday
        (date(2025, 12, 31), 35),
    ],
)
def test_age_at_enrolment_is_computed_from_the_birth_date(caseworker, person, start_date, age):
    enrolment = make_enrolment(actor=caseworker, person=person, start_date=start_date)
    assert Enrolment.objects.get(pk=enrolment.pk).age_at_enrolment == age


def test_a_family_enrolment_has_no_age(project, caseworker):
    family = make_family(project, actor=caseworker)
    assert make_enrolment(actor=caseworker, family=family).age_at_enrolment is None
