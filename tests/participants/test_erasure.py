"""Erasure on request (art. 17): `erase_person` anonymises one person where the law allows
it, refuses with a Polish message while their participation lasts or the EFS documentation
must be kept (unless a legal basis is documented), and logs the decision without personal
data."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEntry
from participants.anonymisation import MARKER
from participants.enrolment import end_enrolment
from participants.erasure import erase_person
from participants.models import Person
from projects.models import StaffRole
from services.models import Consultation
from tests.factories import add_role, make_staff
from tests.participants.conftest import TODAY, audit_log_text

pytestmark = pytest.mark.django_db

REASON = "Wniosek z 2.12.2026, złożony osobiście w ośrodku"


def test_a_person_of_an_expired_project_is_erased_like_retention_does(world):
    counts = erase_person(person=world.ola, actor=world.coordinator_old, reason=REASON, today=TODAY)

    assert (counts["persons"], counts["families"], counts["consultations"]) == (1, 0, 1)
    world.reload()
    assert (world.ola.first_name, world.ola.pesel, world.ola.phone) == (MARKER, None, "")
    assert world.ola.birth_date == date(1985, 5, 11)
    assert world.ola.sex == "K"
    assert Consultation.objects.get(person=world.ola).notes == ""
    # Only her: the household's card and her son stay as they were.
    assert (world.family.label, world.family.street) == ("F1/2013", "ul. Wiosenna 5")
    assert world.piotr.first_name == "Piotr"


def test_the_erasure_is_logged_with_the_reason_and_no_personal_data(world):
    erase_person(person=world.ola, actor=world.coordinator_old, reason=REASON, today=TODAY)

    entry = AuditEntry.objects.get(detail__operation="erasure")
    assert (entry.actor, entry.action, entry.object_repr, entry.project) == (
        world.coordinator_old,
        "change",
        f"Osoba #{world.ola.pk}",
        world.old,
    )
    assert entry.detail == {
        "operation": "erasure",
        "reason": REASON,
        "legal_basis_override": "",
        "within_retention_period": False,
        "persons": 1,
        "families": 0,
        "history_entries": 1,
        "consultations": 1,
    }
    assert "Zielińska" not in audit_log_text()
    assert "600100200" not in audit_log_text()


def test_erasure_is_refused_while_the_person_takes_part_in_an_ongoing_project(world):
    coordinator = make_staff(world.ongoing, StaffRole.COORDINATOR)
    before = Person.objects.filter(pk=world.tomasz.pk).values().get()

    with pytest.raises(ValidationError) as caught:
        erase_person(
            person=world.tomasz,
            actor=coordinator,
            reason=REASON,
            legal_basis_override="Decyzja IOD",
            today=TODAY,
        )

    assert caught.value.messages == [
        "Osoba uczestniczy w trwającym projekcie „Projekt trwa”. Najpierw zakończ jej udział; "
        "do końca okresu przechowywania dokumentacji dane można usunąć tylko z udokumentowaną "
        "podstawą prawną."
    ]
    assert Person.objects.filter(pk=world.tomasz.pk).values().get() == before
    assert not AuditEntry.objects.filter(detail__operation="erasure").exists()


def test_within_the_retention_period_erasure_needs_a_documented_legal_basis(world):
    coordinator = make_staff(world.old, StaffRole.COORDINATOR)
    add_role(coordinator, world.recent, StaffRole.COORDINATOR)

    with pytest.raises(ValidationError) as caught:
        erase_person(person=world.ewa, actor=coordinator, reason=REASON, today=TODAY)

    assert caught.value.message_dict == {
        "legal_basis_override": [
            "Dokumentację projektu „Projekt nowy” trzeba przechowywać do 31.12.2031 (okres "
            "archiwizacji projektów EFS). Dane można usunąć wcześniej tylko z udokumentowaną "
            "podstawą prawną."
        ]
    }
    assert Person.objects.get(pk=world.ewa.pk).anonymised_at is None

    erase_person(
        person=world.ewa,
        actor=coordinator,
        reason=REASON,
        legal_basis_override="Osoba nie została uczestnikiem; opinia IOD z 1.12.2026",
        today=TODAY,
    )
    assert Person.objects.get(pk=world.ewa.pk).last_name == MARKER
    entry = AuditEntry.objects.get(detail__operation="erasure")
    assert entry.detail["within_retention_period"] is True
    assert entry.detail["legal_basis_override"].startswith("Osoba nie została uczestnikiem")


def test_after_the_participation_ended_an_ongoing_project_still_needs_the_legal_basis(world):
    coordinator = make_staff(world.ongoing, StaffRole.COORDINATOR)
    end_enrolment(
        actor=coordinator, enrolment=world.tomasz.enrolments.get(), end_date=date(2026, 6, 30)
    )

    with pytest.raises(ValidationError) as caught:
        erase_person(person=world.tomasz, actor=coordinator, reason=REASON, today=TODAY)
    assert list(caught.value.message_dict) == ["legal_basis_override"]

    erase_person(
        person=world.tomasz,
        actor=coordinator,
        reason=REASON,
        legal_basis_override="Decyzja IOD",
        today=TODAY,
    )
    assert Person.objects.get(pk=world.tomasz.pk).anonymised_at is not None


@pytest.mark.parametrize(
    "persona",
    [
        "caseworker of the project",
        "coordinator of another project",
        "coordinator of only one of her projects",
    ],
)
def test_only_coordinators_of_every_project_of_the_person_may_erase(world, persona):
    if persona == "caseworker of the project":
        actor = world.keeper
        person = world.ola
    elif persona == "coordinator of another project":
        actor = make_staff(world.ongoing, StaffRole.COORDINATOR)
        person = world.ola
    else:
        actor = world.coordinator_old  # Ewa is also in "nowy"
        person = world.ewa

    with pytest.raises(PermissionDenied):
        erase_person(
            person=person, actor=actor, reason=REASON, legal_basis_override="x", today=TODAY
        )
    assert Person.objects.get(pk=person.pk).anonymised_at is None


def test_a_reason_is_required_and_a_second_erasure_is_refused(world):
    with pytest.raises(ValidationError) as caught:
        erase_person(person=world.ola, actor=world.coordinator_old, reason="  ", today=TODAY)
    assert caught.value.message_dict == {
        "reason": ["Podaj podstawę wniosku (np. datę i sposób złożenia)."]
    }

    erase_person(person=world.ola, actor=world.coordinator_old, reason=REASON, today=TODAY)
    with pytest.raises(ValidationError) as caught:
        erase_person(person=world.ola, actor=world.coordinator_old, reason=REASON, today=TODAY)
    assert caught.value.messages == ["Dane tej osoby zostały już zanonimizowane."]
    assert AuditEntry.objects.filter(detail__operation="erasure").count() == 1


# --- the admin page over erase_person -----------------------------------------------------------


def erasure_url(person):
    return reverse("admin:participants_person_erasure", kwargs={"object_id": person.pk})


def test_the_erasure_page_anonymises_after_confirmation(client, world):
    client.force_login(world.coordinator_old)
    assert client.get(erasure_url(world.ola)).status_code == 200

    unconfirmed = client.post(erasure_url(world.ola), {"reason": REASON})
    assert unconfirmed.status_code == 200
    assert unconfirmed.context["form"].errors == {"confirm": ["To pole jest wymagane."]}
    assert Person.objects.get(pk=world.ola.pk).anonymised_at is None

    done = client.post(erasure_url(world.ola), {"reason": REASON, "confirm": "on"})

    assert done.status_code == 302
    assert done["Location"] == reverse("admin:participants_person_change", args=[world.ola.pk])
    assert Person.objects.get(pk=world.ola.pk).last_name == MARKER


def test_a_refusal_is_shown_next_to_the_legal_basis_field(client, world):
    coordinator = make_staff(world.old, StaffRole.COORDINATOR)
    add_role(coordinator, world.recent, StaffRole.COORDINATOR)
    client.force_login(coordinator)

    response = client.post(erasure_url(world.ewa), {"reason": REASON, "confirm": "on"})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["legal_basis_override"]
    assert "trzeba przechowywać do 31.12.2031" in errors["legal_basis_override"][0]
    assert Person.objects.get(pk=world.ewa.pk).anonymised_at is None


def test_a_coordinator_of_only_some_of_the_persons_projects_is_told_why_not(client, world):
    client.force_login(world.coordinator_old)  # Ewa is also in "nowy"

    response = client.post(
        erasure_url(world.ewa), {"reason": REASON, "legal_basis_override": "x", "confirm": "on"}
    )

    assert response.status_code == 200
    assert (
        response.context["form"]
        .non_field_errors()[0]
        .startswith(
            "Usunąć dane osoby może tylko koordynator lub administrator ośrodka każdego projektu"
        )
    )
    assert Person.objects.get(pk=world.ewa.pk).anonymised_at is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_erasure_page_is_404_for_staff_who_may_not_erase(client, world, method):
    client.force_login(world.keeper)  # a caseworker of the project
    response = getattr(client, method)(erasure_url(world.ola), {"reason": REASON, "confirm": "on"})
    assert response.status_code == 404
    assert Person.objects.get(pk=world.ola.pk).anonymised_at is None
