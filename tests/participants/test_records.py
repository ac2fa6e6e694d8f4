"""Creating people, families and consents through `participants.records`: PESEL consistency,
the no-PESEL path, postcodes and consents — each refusal a Polish message next to its field,
and nothing saved."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from participants import records
from participants.models import Consent, Family, Person
from projects.models import StaffRole
from tests.factories import make_person, make_project, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return make_project("alfa")


@pytest.fixture
def caseworker(project):
    return make_staff(project, StaffRole.CASEWORKER)


def errors_of(caught) -> dict:
    return caught.value.message_dict


def test_birth_date_and_sex_are_derived_from_the_pesel(project, caseworker):
    person = records.create_person(
        actor=caseworker, project=project, first_name="Ola", last_name="Nowa", pesel="90051200009"
    )
    person.refresh_from_db()
    assert (person.birth_date, person.sex) == (date(1990, 5, 12), "K")


def test_a_birth_date_that_disagrees_with_the_pesel_is_an_error(project, caseworker):
    with pytest.raises(ValidationError) as caught:
        records.create_person(
            actor=caseworker,
            project=project,
            first_name="Ola",
            last_name="Nowa",
            pesel="90051200009",
            birth_date=date(1990, 5, 13),
        )
    assert errors_of(caught) == {
        "birth_date": ["PESEL wskazuje datę urodzenia 1990-05-12, a podano 1990-05-13."]
    }
    assert not Person.objects.exists()


def test_a_sex_that_disagrees_with_the_pesel_is_an_error(project, caseworker):
    with pytest.raises(ValidationError) as caught:
        records.create_person(
            actor=caseworker,
            project=project,
            first_name="Ola",
            last_name="Nowa",
            pesel="90051200009",
            sex="M",
        )
    assert errors_of(caught) == {"sex": ["PESEL wskazuje płeć: kobieta, a podano: mężczyzna."]}
    assert not Person.objects.exists()


def test_an_invalid_pesel_is_an_error_next_to_the_pesel(project, caseworker):
    with pytest.raises(ValidationError) as caught:
        records.create_person(
            actor=caseworker, project=project, first_name="A", last_name="B", pesel="90051200008"
        )
    assert errors_of(caught) == {"pesel": ["Nieprawidłowy PESEL: cyfra kontrolna się nie zgadza."]}
    assert not Person.objects.exists()


def test_a_pesel_already_on_record_is_an_error(project, caseworker):
    make_person(project, actor=caseworker, pesel="90051200009")
    with pytest.raises(ValidationError) as caught:
        records.create_person(
            actor=caseworker, project=project, first_name="A", last_name="B", pesel="90051200009"
        )
    assert errors_of(caught) == {"pesel": ["Osoba z tym numerem PESEL jest już w rejestrze."]}
    assert Person.objects.count() == 1


def test_without_a_pesel_the_other_identifier_birth_date_and_sex_are_required(project, caseworker):
    with pytest.raises(ValidationError) as caught:
        records.create_person(
            actor=caseworker, project=project, first_name="Olena", last_name="K", no_pesel=True
        )
    assert errors_of(caught) == {
        "other_identifier": ["Bez numeru PESEL podaj inny identyfikator."],
        "birth_date": ["Bez numeru PESEL podaj datę urodzenia."],
        "sex": ["Podaj płeć."],
    }
    assert not Person.objects.exists()


def test_the_no_pesel_path_saves_a_person(project, caseworker):
    person = records.create_person(
        actor=caseworker,
        project=project,
        first_name="Olena",
        last_name="K",
        no_pesel=True,
        other_identifier="paszport FX123456",
        birth_date=date(1988, 3, 2),
        sex="K",
        third_country_national=True,
    )
    person.refresh_from_db()
    assert person.pesel is None
    assert (person.other_identifier, person.birth_date) == ("paszport FX123456", date(1988, 3, 2))
    # A second person without PESEL does not collide with the first under the unique index.
    make_person(project, actor=caseworker, no_pesel=True, other_identifier="karta pobytu 77")
    assert Person.objects.filter(pesel__isnull=True).count() == 2


def test_either_a_pesel_or_the_no_pesel_box(project, caseworker):
    with pytest.raises(ValidationError) as caught:
        records.create_person(
            actor=caseworker, project=project, first_name="A", last_name="B", sex="K"
        )
    assert errors_of(caught) == {"pesel": ["Podaj PESEL albo zaznacz „brak numeru PESEL”."]}


def test_a_pesel_with_the_no_pesel_box_ticked_is_an_error(project, caseworker):
    with pytest.raises(ValidationError) as caught:
        records.create_person(
            actor=caseworker,
            project=project,
            first_name="A",
            last_name="B",
            pesel="90051200009",
            no_pesel=True,
        )
    assert errors_of(caught) == {"no_pesel": ["Podano PESEL – odznacz „brak numeru PESEL”."]}


@pytest.mark.parametrize("postcode", ["45001", "45-0011", "4-5001", "ab-cde"])
def test_a_family_postcode_must_read_00_000(project, caseworker, postcode):
    with pytest.raises(ValidationError) as caught:
        records.create_family(actor=caseworker, project=project, label="R/1", postcode=postcode)
    assert "Podaj kod pocztowy w formacie 00-000." in errors_of(caught)["postcode"]
    assert not Family.objects.exists()


def test_a_family_with_a_full_address(project, caseworker):
    family = records.create_family(
        actor=caseworker,
        project=project,
        label="R/2025/017",
        street="ul. Testowa 1/2",
        postcode="45-001",
        town="Opole",
        municipality="Opole",
        county="Opole",
        voivodeship="opolskie",
    )
    assert Family.objects.get().pk == family.pk
    assert family.created_in_project == project


def test_a_consent_cannot_be_withdrawn_before_it_was_given(project, caseworker):
    person = make_person(project, actor=caseworker)
    with pytest.raises(ValidationError) as caught:
        records.record_consent(
            actor=caseworker,
            person=person,
            scope=Consent.Scope.DATA_PROCESSING,
            given_on=date(2025, 3, 1),
            withdrawn_on=date(2025, 2, 28),
        )
    assert errors_of(caught) == {
        "withdrawn_on": ["Zgody nie można wycofać przed dniem, w którym ją wyrażono."]
    }
    assert not Consent.objects.exists()


@pytest.mark.parametrize("role", [StaffRole.SPECIALIST, None])
def test_only_record_keepers_of_the_project_create_people(project, role):
    other = make_project("beta")
    user = make_staff(project if role else other, role or StaffRole.CASEWORKER)
    with pytest.raises(PermissionDenied):
        make_person(project, actor=user)
    assert not Person.objects.exists()


def test_a_person_is_kept_by_every_project_they_take_part_in(project, caseworker):
    from tests.factories import make_enrolment

    beta = make_project("beta")
    beta_caseworker = make_staff(beta, StaffRole.CASEWORKER)
    person = make_person(project, actor=caseworker)
    with pytest.raises(PermissionDenied):
        records.update_person(actor=beta_caseworker, person=person, phone="600100200")
    make_enrolment(actor=beta_caseworker, person=person, project=beta, known_pesel=person.pesel)
    records.update_person(actor=beta_caseworker, person=person, phone="600100200")
    person.refresh_from_db()
    assert person.phone == "600100200"
