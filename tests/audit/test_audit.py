"""The audit log: creates, changes and deletes (cascades and bulk deletes included) recorded
with who, what and the field diff — sensitive values masked — and a log nobody edits."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audit.log import acting_as, record
from audit.models import AuditEntry
from participants import records
from participants.models import Consent, Enrolment, Family, Person
from projects.models import StaffRole
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
def project():
    return make_project("alfa")


@pytest.fixture
def caseworker(project):
    return make_staff(project, StaffRole.CASEWORKER, username="kasia")


def entries_for(model, action=None):
    entries = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return entries.filter(action=action) if action else entries


def test_a_create_is_recorded_with_actor_project_and_masked_pesel(project, caseworker):
    with acting_as(caseworker):
        person = records.create_person(
            actor=caseworker,
            project=project,
            first_name="Ola",
            last_name="Nowa",
            pesel="90051200009",
            disability=True,
        )
    entry = entries_for(Person).get()
    assert (entry.action, entry.actor, entry.actor_username) == ("create", caseworker, "kasia")
    assert entry.object_repr == f"Osoba #{person.pk}"
    assert entry.object_id == str(person.pk)
    assert entry.project == project
    assert entry.changes["pesel"] == [None, "***"]
    assert entry.changes["disability"] == [None, "***"]
    assert entry.changes["first_name"] == [None, "Ola"]
    assert entry.changes["birth_date"] == [None, "1990-05-12"]
    assert "90051200009" not in str(entry.changes)


def test_a_change_records_only_the_fields_that_changed(project, caseworker):
    person = make_person(project, actor=caseworker, first_name="Ola")
    with acting_as(caseworker):
        records.update_person(
            actor=caseworker, person=person, first_name="Aleksandra", phone="600100200"
        )
        records.update_person(actor=caseworker, person=person, first_name="Aleksandra")
    change = entries_for(Person, "change").get()  # the second save changed nothing
    assert change.changes == {
        "first_name": ["Ola", "Aleksandra"],
        "phone": ["", "600100200"],
    }
    assert change.actor == caseworker


def test_a_changed_pesel_is_recorded_as_changed_without_its_values(project, caseworker):
    person = make_person(
        project, actor=caseworker, birth_date=date(1990, 5, 12), pesel="90051200009"
    )
    with acting_as(caseworker):
        records.update_person(actor=caseworker, person=person, pesel="90051299906")
    assert entries_for(Person, "change").get().changes == {"pesel": ["***", "***"]}


def test_deleting_a_person_records_every_cascaded_row(project, caseworker):
    person = make_person(project, actor=caseworker)
    enrolment = make_enrolment(actor=caseworker, person=person)
    consent = records.record_consent(
        actor=caseworker,
        person=person,
        scope=Consent.Scope.PARTICIPATION,
        given_on=date(2025, 3, 1),
    )
    consultation = make_consultation(actor=caseworker, project=project, person=person)
    person_pk = person.pk
    with acting_as(caseworker):
        person.delete()
    deleted = set(
        AuditEntry.objects.filter(action="delete").values_list("object_repr", "actor_username")
    )
    assert deleted == {
        (f"Osoba #{person_pk}", "kasia"),
        (f"Udział w projekcie #{enrolment.pk}", "kasia"),
        (f"Zgoda #{consent.pk}", "kasia"),
        (f"Konsultacja #{consultation.pk}", "kasia"),
    }
    assert set(AuditEntry.objects.filter(action="delete").values_list("project", flat=True)) == {
        project.pk
    }


def test_a_queryset_bulk_delete_records_each_row(project, caseworker):
    families = [make_family(project, actor=caseworker) for _ in range(3)]
    Family.objects.filter(pk__in=[f.pk for f in families[:2]]).delete()
    assert set(entries_for(Family, "delete").values_list("object_id", flat=True)) == {
        str(families[0].pk),
        str(families[1].pk),
    }


def test_an_admin_bulk_delete_is_attributed_to_the_signed_in_user(
    admin_client, superuser, project, caseworker
):
    families = [make_family(project, actor=caseworker) for _ in range(2)]
    response = admin_client.post(
        reverse("admin:participants_family_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [f.pk for f in families],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not Family.objects.exists()
    deleted = entries_for(Family, "delete")
    assert deleted.count() == 2
    assert set(deleted.values_list("actor_username", flat=True)) == {superuser.username}
    assert all(entry.request_id for entry in deleted)


def test_notes_of_a_consultation_are_logged_as_changed_only(project, caseworker):
    person = make_person(project, actor=caseworker)
    make_enrolment(actor=caseworker, person=person)
    consultation = make_consultation(
        actor=caseworker, project=project, person=person, notes="dziecko ma trudności"
    )
    entry = entries_for(Consultation, "create").get()
    assert entry.changes["notes"] == [None, "***"]
    assert "trudności" not in str(entry.changes)
    assert entry.object_repr == f"Konsultacja #{consultation.pk}"


def test_views_and_exports_are_recorded_explicitly(project, caseworker):
    family = make_family(project, actor=caseworker)
    with acting_as(caseworker):
        record(action=AuditEntry.Action.VIEW, obj=family, project=project)
        record(
            action=AuditEntry.Action.EXPORT,
            project=project,
            detail={"format": "csv", "rows": 12, "filters": {"subgroup": 3}},
        )
    view = AuditEntry.objects.for_object(family).get(action="view")
    assert (view.actor, view.object_repr) == (caseworker, f"Rodzina #{family.pk}")
    export = AuditEntry.objects.get(action="export")
    assert export.detail == {"format": "csv", "rows": 12, "filters": {"subgroup": 3}}


def test_a_failed_sign_in_is_recorded_without_the_password(client, caseworker):
    client.post(reverse("admin:login"), {"username": "kasia", "password": "zle-haslo", "next": "/"})
    entry = AuditEntry.objects.get(action="login_failed")
    assert entry.detail == {"username": "kasia"}
    assert "zle-haslo" not in str(entry.detail)


def test_writes_without_an_actor_are_still_recorded(project, caseworker):
    family = make_family(project, actor=caseworker)
    entry = entries_for(Family, "create").get()
    assert entry.actor is None and entry.actor_username == ""
    assert entry.object_id == str(family.pk)


@pytest.mark.parametrize(
    "url_name", ["admin:audit_auditentry_add", "admin:audit_auditentry_change"]
)
def test_nobody_edits_the_log_in_the_admin(admin_client, project, caseworker, url_name):
    make_family(project, actor=caseworker)
    entry = AuditEntry.objects.first()
    args = [] if url_name.endswith("_add") else [entry.pk]
    response = admin_client.post(reverse(url_name, args=args), {"action": "delete"})
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_log_is_not_deletable_in_the_admin(admin_client, project, caseworker):
    make_family(project, actor=caseworker)
    entry = AuditEntry.objects.first()
    response = admin_client.post(
        reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_an_enrolment_is_logged_in_its_project(project, caseworker):
    person = make_person(project, actor=caseworker)
    enrolment = make_enrolment(actor=caseworker, person=person)
    entry = entries_for(Enrolment, "create").get()
    assert entry.project == project
    assert entry.changes["subgroup_id"] == [None, enrolment.subgroup_id]
