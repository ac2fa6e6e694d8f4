"""Logging consultations and held activities through `services.consultations`."""

import uuid
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from projects.models import StaffRole
from services.consultations import log_consultation, record_activity_session
from services.models import Activity, ActivitySession, Consultation
from tests.factories import (
    make_consultation,
    make_enrolment,
    make_family,
    make_person,
    make_project,
    make_staff,
    place_kind,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return make_project("alfa")


@pytest.fixture
def caseworker(project):
    return make_staff(project, StaffRole.CASEWORKER)


@pytest.fixture
def specialist(project):
    return make_staff(project, StaffRole.SPECIALIST)


@pytest.fixture
def participant(project, caseworker):
    person = make_person(project, actor=caseworker)
    make_enrolment(actor=caseworker, person=person)
    return person


def test_a_consultation_defaults_to_the_actor_as_specialist(project, specialist, participant):
    consultation = make_consultation(actor=specialist, project=project, person=participant)
    consultation.refresh_from_db()
    assert consultation.specialist == specialist
    assert consultation.created_by == specialist
    assert consultation.duration_minutes == 60


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        (0, "Czas trwania musi wynosić co najmniej 1 minutę."),
        (481, "Konsultacja nie może trwać dłużej niż 8 godzin (480 minut)."),
    ],
)
def test_zero_minutes_and_more_than_eight_hours_are_errors(
    project, specialist, participant, minutes, message
):
    with pytest.raises(ValidationError) as caught:
        make_consultation(
            actor=specialist, project=project, person=participant, duration_minutes=minutes
        )
    assert caught.value.message_dict == {"duration_minutes": [message]}
    assert not Consultation.objects.exists()


@pytest.mark.parametrize("minutes", [1, 480])
def test_one_minute_and_eight_hours_are_accepted(project, specialist, participant, minutes):
    make_consultation(
        actor=specialist, project=project, person=participant, duration_minutes=minutes
    )
    assert Consultation.objects.get().duration_minutes == minutes


def test_the_maternity_ward_needs_the_hospitals_name(project, specialist, participant):
    with pytest.raises(ValidationError) as caught:
        make_consultation(
            actor=specialist,
            project=project,
            person=participant,
            place_kind=place_kind("maternity-ward"),
        )
    assert caught.value.message_dict == {
        "hospital_name": ["Podaj nazwę szpitala, w którym odbyła się konsultacja."]
    }
    make_consultation(
        actor=specialist,
        project=project,
        person=participant,
        place_kind=place_kind("maternity-ward"),
        hospital_name="Szpital Testowy nr 1",
    )
    assert Consultation.objects.get().hospital_name == "Szpital Testowy nr 1"


def test_the_participant_must_take_part_in_the_project(project, caseworker, specialist):
    outsider_person = make_person(project, actor=caseworker)  # on record, never enrolled
    family = make_family(project, actor=caseworker)
    with pytest.raises(ValidationError) as caught:
        make_consultation(actor=specialist, project=project, person=outsider_person, family=family)
    assert caught.value.message_dict == {
        "person": ["Ta osoba nie jest uczestnikiem tego projektu."],
        "family": ["Ta rodzina nie jest uczestnikiem tego projektu."],
    }
    assert not Consultation.objects.exists()


def test_a_member_of_an_enrolled_family_may_be_consulted(project, caseworker, specialist):
    family = make_family(project, actor=caseworker)
    make_enrolment(actor=caseworker, family=family)
    child = make_person(project, actor=caseworker, family=family, birth_date=date(2019, 1, 2))
    make_consultation(actor=specialist, project=project, person=child)
    make_consultation(actor=specialist, project=project, family=family)
    assert Consultation.objects.count() == 2


def test_a_consultation_needs_a_participant(project, specialist):
    with pytest.raises(ValidationError) as caught:
        make_consultation(actor=specialist, project=project)
    assert caught.value.message_dict == {"person": ["Wskaż osobę albo rodzinę."]}


def test_the_specialist_must_belong_to_the_projects_team(project, specialist, participant):
    stranger = make_staff(make_project("beta"), StaffRole.SPECIALIST)
    with pytest.raises(ValidationError) as caught:
        make_consultation(
            actor=specialist, project=project, person=participant, specialist=stranger
        )
    assert caught.value.message_dict == {"specialist": ["Ta osoba nie należy do zespołu projektu."]}


def test_staff_of_another_project_cannot_log_here(project, participant):
    stranger = make_staff(make_project("beta"), StaffRole.SPECIALIST)
    with pytest.raises(PermissionDenied):
        make_consultation(actor=stranger, project=project, person=participant)
    assert not Consultation.objects.exists()


def test_a_double_submission_is_recorded_once(project, specialist, participant):
    key = uuid.uuid4()
    first = make_consultation(
        actor=specialist, project=project, person=participant, idempotency_key=key
    )
    second = make_consultation(
        actor=specialist, project=project, person=participant, idempotency_key=key
    )
    assert first.pk == second.pk
    assert Consultation.objects.count() == 1


def test_log_consultation_takes_keyword_arguments_only(project, specialist):
    with pytest.raises(TypeError):
        log_consultation(specialist, project)


def test_an_activity_held_is_recorded_with_its_attendance(project, caseworker):
    activity = Activity.objects.create(project=project, kind=Activity.Kind.PICNIC)
    record_activity_session(
        actor=caseworker, activity=activity, date=date(2025, 6, 1), attendance=42
    )
    assert ActivitySession.objects.get().attendance == 42
    with pytest.raises(ValidationError) as caught:
        record_activity_session(
            actor=caseworker, activity=activity, date=date(2025, 6, 2), attendance=-1
        )
    assert caught.value.message_dict == {
        "attendance": ["Upewnij się, że ta wartość jest większa lub równa 0."]
    }
    assert ActivitySession.objects.count() == 1
