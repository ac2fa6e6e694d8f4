"""Where one project's back office meets another's: what a person's page lets an Alfa user
change or remove in Beta, what the record's history, Django's own admin history and the GDPR
export show across projects, and what every opening and failed sign-in leaves on record.

Personas from the back-office world: Alfa's caseworker, coordinator and centre administrator;
Beta's caseworker; a superuser. Alfa's person is also enrolled in Beta below where it matters.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from audit.models import AuditEntry
from participants.models import Enrolment, Person
from tests.factories import make_enrolment, make_family, make_person, subgroup_of

pytestmark = pytest.mark.django_db


def enrolled_in_beta_too(people, sides) -> Enrolment:
    return make_enrolment(
        actor=people["superuser"], person=sides["a"].person, project=sides["b"].project
    )


def person_page_post(person, enrolment, **row):
    """The person's change form with one existing enrolment row, as the admin posts it."""
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "pesel": person.pesel,
        "birth_date": "",
        "sex": person.sex,
        "family": person.family_id or "",
        "relation_to_family": person.relation_to_family,
        "education": person.education,
        "labour_market_status": person.labour_market_status,
        "phone": "",
        "email": "",
        "consents-TOTAL_FORMS": "0",
        "consents-INITIAL_FORMS": "0",
        "enrolments-TOTAL_FORMS": "1",
        "enrolments-INITIAL_FORMS": "1",
        "enrolments-0-id": enrolment.pk,
        "enrolments-0-person": person.pk,
        "enrolments-0-project": enrolment.project_id,
        "enrolments-0-subgroup": enrolment.subgroup_id,
        "enrolments-0-start_date": enrolment.start_date.isoformat(),
        "enrolments-0-end_date": "",
        "enrolments-0-kind_of_support": enrolment.kind_of_support,
    }
    data.update({f"enrolments-0-{key}": value for key, value in row.items()})
    return data


def test_an_enrolment_keeps_its_project_whatever_the_person_page_posts(login, world):
    people, sides = world
    person, enrolment = sides["a"].person, sides["a"].enrolment
    # Alfa's caseworker also keeps records in Beta, so Beta is among her choices.
    from tests.factories import add_role

    add_role(people["caseworker_a"], sides["b"].project, "caseworker")
    client = login("caseworker_a")

    response = client.post(
        reverse("admin:participants_person_change", args=[person.pk]),
        person_page_post(
            person,
            enrolment,
            project=sides["b"].project.pk,
            subgroup=subgroup_of(sides["b"].project).pk,
        ),
    )

    enrolment.refresh_from_db()
    assert enrolment.project_id == sides["a"].project.pk
    assert response.status_code in (200, 302)


def test_removing_an_enrolment_on_the_person_page_needs_an_overseer(login, world):
    """Alfa's caseworker coordinates Beta, so her role groups let her delete enrolments: on
    Alfa's person she still may not."""
    from tests.factories import add_role

    people, sides = world
    add_role(people["caseworker_a"], sides["b"].project, "coordinator")
    person, enrolment = sides["a"].person, sides["a"].enrolment
    url = reverse("admin:participants_person_change", args=[person.pk])

    refused = login("caseworker_a").post(url, person_page_post(person, enrolment, DELETE="on"))

    assert refused.status_code == 200
    assert "Udział w projekcie może usunąć tylko koordynator" in refused.content.decode()
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
    login("coordinator_a").post(url, person_page_post(person, enrolment, DELETE="on"))
    assert not Enrolment.objects.filter(pk=enrolment.pk).exists()


def test_a_persons_family_from_another_project_shows_and_survives_a_save(login, world):
    """A Beta family card holds a person whose card Alfa keeps: Alfa sees the family on the
    person's page, and saving the page keeps the link."""
    people, sides = world
    beta_family = make_family(sides["b"].project, actor=people["caseworker_b"])
    person = make_person(sides["a"].project, actor=people["caseworker_a"])
    Person.objects.filter(pk=person.pk).update(family=beta_family)
    person.refresh_from_db()
    client = login("caseworker_a")

    page = client.get(reverse("admin:participants_person_change", args=[person.pk]))
    assert beta_family.label in page.content.decode()
    data = person_page_post(person, sides["a"].enrolment)
    data.update({"enrolments-TOTAL_FORMS": "0", "enrolments-INITIAL_FORMS": "0"})
    client.post(reverse("admin:participants_person_change", args=[person.pk]), data)

    person.refresh_from_db()
    assert person.family_id == beta_family.pk


@pytest.mark.parametrize(
    ("model", "url_name"),
    [
        ("consultation", "admin:services_consultation_change"),
        ("enrolment", "admin:participants_enrolment_change"),
        ("activitysession", "admin:services_activitysession_change"),
    ],
)
def test_opening_any_record_page_is_on_record(login, world, model, url_name):
    _, sides = world
    obj = getattr(sides["a"], model)

    assert login("coordinator_a").get(reverse(url_name, args=[obj.pk])).status_code == 200

    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_id=str(obj.pk), actor_username="coordinator_a"
    ).exists()


def test_djangos_admin_history_keeps_the_records_label_not_the_name(login, world):
    _, sides = world
    person = sides["a"].person
    data = person_page_post(person, sides["a"].enrolment, kind_of_support="poradnictwo")

    login("caseworker_a").post(reverse("admin:participants_person_change", args=[person.pk]), data)

    entries = list(LogEntry.objects.filter(object_id=str(person.pk)))
    assert entries
    assert {entry.object_repr for entry in entries} == {f"Osoba #{person.pk}"}
    client = login("caseworker_a")
    client.get(reverse("admin:index"))  # shows (and so uses up) the "saved" message
    recent_actions = client.get(reverse("admin:index")).content.decode()
    assert f"Osoba #{person.pk}" in recent_actions
    assert "Alfowska" not in recent_actions


def test_the_record_history_shows_only_the_overseen_projects_entries(login, world):
    people, sides = world
    enrolled_in_beta_too(people, sides)
    person = sides["a"].person
    login("caseworker_b").get(reverse("admin:participants_person_change", args=[person.pk]))
    beta_views = AuditEntry.objects.filter(actor_username="caseworker_b", object_id=str(person.pk))
    assert beta_views.exists()

    history = login("coordinator_a").get(
        reverse("admin:participants_person_history", args=[person.pk])
    )

    shown = {entry.pk for entry in history.context["audit_entries"]}
    assert shown and not shown & set(beta_views.values_list("pk", flat=True))


def test_the_record_history_shows_the_newest_entries_oldest_first(login, world, monkeypatch):
    from audit import admin as audit_admin

    _, sides = world
    person = sides["a"].person
    client = login("coordinator_a")
    for _ in range(3):
        client.get(reverse("admin:participants_person_change", args=[person.pk]))
    monkeypatch.setattr(audit_admin, "HISTORY_LIMIT", 2)

    history = client.get(reverse("admin:participants_person_history", args=[person.pk]))

    newest = list(AuditEntry.objects.for_object(person).order_by("-timestamp", "-pk")[:2])
    assert [e.pk for e in history.context["audit_entries"]] == [e.pk for e in reversed(newest)]


def test_the_gdpr_export_needs_an_overseer_of_every_project_of_the_person(login, world):
    people, sides = world
    enrolled_in_beta_too(people, sides)
    person = sides["a"].person
    url = reverse("admin:participants_person_subject_access", kwargs={"object_id": person.pk})

    assert login("coordinator_a").get(url).status_code == 404
    assert login("superuser").get(url).status_code == 200


def test_a_failed_sign_in_keeps_the_name_only_when_it_is_an_account(client, world):
    for typed in ("coordinator_a", "90010112345"):
        client.post(reverse("admin:login"), {"username": typed, "password": "wrong"})

    details = list(
        AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED)
        .order_by("pk")
        .values_list("detail", flat=True)
    )
    assert details == [{"username": "coordinator_a"}, {"username_known": False}]


def test_audit_entries_carry_the_request_id_the_response_names(login, world):
    _, sides = world
    response = login("coordinator_a").get(
        reverse("admin:participants_person_change", args=[sides["a"].person.pk]),
        headers={"X-Request-ID": "bad id with spaces"},
    )

    entry = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).latest("pk")
    assert entry.request_id == response["X-Request-ID"] != "bad id with spaces"
