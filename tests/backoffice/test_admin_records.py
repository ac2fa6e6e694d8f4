"""Keeping records through the admin: each save goes through the write functions, bad input
gets a Polish error next to its field with nothing saved, consultation notes stay with their
readers, and every look at a person's or a family's page is on record."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from audit.models import AuditEntry
from participants.models import Family, Person
from participants.pesel import FEMALE, MALE, synthetic_pesel
from projects.models import ProjectMembership, StaffRole
from projects.roles import GROUP_NAMES
from services.models import Consultation
from tests.factories import make_staff, place_kind, specialist_kind, subgroup_of

pytestmark = pytest.mark.django_db

NO_INLINES = {
    "consents-TOTAL_FORMS": "0",
    "consents-INITIAL_FORMS": "0",
    "enrolments-TOTAL_FORMS": "0",
    "enrolments-INITIAL_FORMS": "0",
}


def person_form(project, **fields):
    data = {
        "first_name": "Zofia",
        "last_name": "Przykładowa",
        "created_in_project": project.pk,
        "pesel": synthetic_pesel(date(1988, 7, 14), FEMALE, 321),
        "birth_date": "",
        "sex": "",
        "family": "",
        **NO_INLINES,
    }
    data.update(fields)
    return data


def form_errors(response):
    assert response.status_code == 200, "the form should come back with its errors"
    return response.context["adminform"].form.errors


# --- Saving through the write functions -----------------------------------------------


def test_a_caseworker_adds_a_person_with_birth_date_and_sex_from_the_pesel(login, world):
    _, sides = world
    response = login("caseworker_a").post(
        reverse("admin:participants_person_add"), person_form(sides["a"].project)
    )
    assert response.status_code == 302
    person = Person.objects.get(last_name="Przykładowa")
    assert (person.birth_date, person.sex) == (date(1988, 7, 14), FEMALE)
    entry = AuditEntry.objects.get(
        action="create", object_id=str(person.pk), content_type__model="person"
    )
    assert (entry.actor_username, entry.project_id) == ("caseworker_a", sides["a"].project.pk)


def test_a_person_added_with_a_consent_and_an_enrolment_inline(login, world):
    _, sides = world
    project = sides["a"].project
    data = person_form(
        project,
        **{
            "consents-TOTAL_FORMS": "1",
            "consents-0-scope": "participation",
            "consents-0-given_on": "2025-03-01",
            "enrolments-TOTAL_FORMS": "1",
            "enrolments-0-project": project.pk,
            "enrolments-0-subgroup": subgroup_of(project).pk,
            "enrolments-0-start_date": "2025-03-01",
        },
    )
    response = login("caseworker_a").post(reverse("admin:participants_person_add"), data)
    assert response.status_code == 302
    person = Person.objects.get(last_name="Przykładowa")
    assert person.consents.get().scope == "participation"
    enrolment = person.enrolments.get()
    assert (enrolment.project, enrolment.created_by.username) == (project, "caseworker_a")


def test_a_specialist_may_not_add_people(login, world):
    _, sides = world
    response = login("specialist_a").post(
        reverse("admin:participants_person_add"), person_form(sides["a"].project)
    )
    assert response.status_code == 403
    assert not Person.objects.filter(last_name="Przykładowa").exists()


def test_a_caseworker_cannot_open_a_card_in_another_project(login, world):
    _, sides = world
    response = login("caseworker_a").post(
        reverse("admin:participants_person_add"), person_form(sides["b"].project)
    )
    assert "created_in_project" in form_errors(response)
    assert not Person.objects.filter(last_name="Przykładowa").exists()


def test_granting_a_role_in_the_admin_puts_the_user_in_its_group(login, world):
    _, sides = world
    newcomer = make_staff(None, StaffRole.CASEWORKER, username="nowa")
    newcomer.groups.clear()
    response = login("centre_admin_a").post(
        reverse("admin:projects_projectmembership_add"),
        {"user": newcomer.pk, "project": sides["a"].project.pk, "role": StaffRole.SPECIALIST},
    )
    assert response.status_code == 302
    assert ProjectMembership.objects.get(user=newcomer).role == StaffRole.SPECIALIST
    assert list(newcomer.groups.values_list("name", flat=True)) == [GROUP_NAMES["specialist"]]


def test_a_centre_admin_cannot_grant_roles_in_another_project(login, world):
    _, sides = world
    newcomer = make_staff(None, StaffRole.CASEWORKER, username="nowa")
    response = login("centre_admin_a").post(
        reverse("admin:projects_projectmembership_add"),
        {"user": newcomer.pk, "project": sides["b"].project.pk, "role": StaffRole.COORDINATOR},
    )
    assert "project" in form_errors(response)
    assert not ProjectMembership.objects.filter(user=newcomer).exists()


def test_revoking_the_last_role_leaves_the_group(login, world):
    people, sides = world
    membership = sides["a"].projectmembership  # caseworker_a's only role
    response = login("centre_admin_a").post(
        reverse("admin:projects_projectmembership_delete", args=[membership.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not people["caseworker_a"].groups.filter(name=GROUP_NAMES["caseworker"]).exists()
    assert Group.objects.filter(name=GROUP_NAMES["caseworker"]).exists()


# --- Bad input (issue 4, point 8) through the admin forms --------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"pesel": "88071412345"}, "pesel", "PESEL"),
        (
            {"birth_date": "1988-07-15"},
            "birth_date",
            "PESEL wskazuje datę urodzenia 1988-07-14, a podano 1988-07-15.",
        ),
        ({"sex": MALE}, "sex", "PESEL wskazuje płeć: kobieta, a podano: mężczyzna."),
        ({"pesel": "", "sex": FEMALE}, "pesel", "Podaj PESEL albo zaznacz „brak numeru PESEL”."),
    ],
)
def test_a_wrong_pesel_is_an_error_next_to_its_field(login, world, fields, field, message):
    _, sides = world
    before = Person.objects.count()
    response = login("caseworker_a").post(
        reverse("admin:participants_person_add"), person_form(sides["a"].project, **fields)
    )
    errors = form_errors(response)
    assert list(errors) == [field]
    assert message in " ".join(errors[field])
    assert Person.objects.count() == before


def enrolment_form(project, person, **fields):
    data = {
        "project": project.pk,
        "subgroup": subgroup_of(project).pk,
        "person": person.pk,
        "family": "",
        "start_date": "2025-05-01",
        "end_date": "",
        "kind_of_support": "",
    }
    data.update(fields)
    return data


@pytest.fixture
def newcomer(world):
    """A person of Alfa not yet enrolled."""
    people, sides = world
    from tests.factories import make_person

    return make_person(sides["a"].project, actor=people["caseworker_a"], last_name="Nowa")


@pytest.mark.parametrize(
    ("persona", "fields", "field", "message"),
    [
        (
            "caseworker_a",
            {"end_date": "2025-04-30"},
            "end_date",
            "Data zakończenia udziału nie może być przed jego rozpoczęciem.",
        ),
        # Another project's subgroup: not even offered to Alfa's caseworker…
        ("caseworker_a", {"subgroup": "beta"}, "subgroup", "Wybierz poprawną wartość."),
        # …and refused by the rule for someone who sees both projects.
        ("superuser", {"subgroup": "beta"}, "subgroup", "Ta podgrupa należy do innego projektu."),
    ],
)
def test_a_bad_enrolment_is_an_error_next_to_its_field(
    login, world, newcomer, persona, fields, field, message
):
    _, sides = world
    if fields.get("subgroup") == "beta":
        fields = {"subgroup": subgroup_of(sides["b"].project).pk}
    response = login(persona).post(
        reverse("admin:participants_enrolment_add"),
        enrolment_form(sides["a"].project, newcomer, **fields),
    )
    errors = form_errors(response)
    assert list(errors) == [field]
    assert message in " ".join(errors[field])
    assert not newcomer.enrolments.exists()


def test_a_duplicate_enrolment_is_an_error_next_to_the_person(login, world):
    _, sides = world
    person = sides["a"].person  # already enrolled in Alfa
    response = login("caseworker_a").post(
        reverse("admin:participants_enrolment_add"), enrolment_form(sides["a"].project, person)
    )
    assert form_errors(response) == {"person": ["Ta osoba jest już uczestnikiem tego projektu."]}
    assert person.enrolments.count() == 1


def test_an_enrolment_added_in_the_admin_is_saved_by_its_author(login, world, newcomer):
    _, sides = world
    response = login("caseworker_a").post(
        reverse("admin:participants_enrolment_add"), enrolment_form(sides["a"].project, newcomer)
    )
    assert response.status_code == 302
    assert newcomer.enrolments.get().created_by.username == "caseworker_a"


def consultation_form(side, **fields):
    data = {
        "person": side.person.pk,
        "family": "",
        "project": side.project.pk,
        "specialist_kind": specialist_kind().pk,
        "specialist": side.consultation.specialist_id,
        "date": "2025-05-06",
        "start_time": "10:30",
        "duration_minutes": "50",
        "place_kind": place_kind().pk,
        "hospital_name": "",
        "form": Consultation.Form.INDIVIDUAL,
        "topic": "Karmienie piersią",
        "notes": "",
        "submission_key": "",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        ("0", "Czas trwania musi wynosić co najmniej 1 minutę."),
        ("481", "Konsultacja nie może trwać dłużej niż 8 godzin (480 minut)."),
    ],
)
def test_a_consultation_of_zero_minutes_or_over_8_hours_is_refused(login, world, minutes, message):
    _, sides = world
    before = Consultation.objects.count()
    response = login("specialist_a").post(
        reverse("admin:services_consultation_add"),
        consultation_form(sides["a"], duration_minutes=minutes),
    )
    assert form_errors(response) == {"duration_minutes": [message]}
    assert Consultation.objects.count() == before


def test_a_consultation_for_a_person_outside_the_project_is_refused(login, world):
    people, sides = world
    from tests.factories import make_person

    outsider = make_person(sides["a"].project, actor=people["caseworker_a"], last_name="Poza")
    response = login("specialist_a").post(
        reverse("admin:services_consultation_add"),
        consultation_form(sides["a"], person=outsider.pk),
    )
    assert form_errors(response) == {"person": ["Ta osoba nie jest uczestnikiem tego projektu."]}


# --- Logging a consultation quickly --------------------------------------------------------


def test_the_persons_page_links_to_a_prefilled_consultation_form(login, world):
    _, sides = world
    person, project = sides["a"].person, sides["a"].project
    response = login("specialist_a").get(
        reverse("admin:participants_person_change", args=[person.pk])
    )
    expected = (
        f"{reverse('admin:services_consultation_add')}?person={person.pk}&amp;project={project.pk}"
    )
    assert expected.encode() in response.content
    assert "Zarejestruj konsultację".encode() in response.content


def test_the_familys_page_links_to_a_prefilled_consultation_form(login, world):
    _, sides = world
    family, project = sides["a"].family, sides["a"].project
    response = login("caseworker_a").get(
        reverse("admin:participants_family_change", args=[family.pk])
    )
    expected = f"?family={family.pk}&amp;project={project.pk}"
    assert expected.encode() in response.content


def test_the_prefilled_form_defaults_to_today_now_the_user_and_their_kind(
    login, world, monkeypatch
):
    import datetime as dt

    from django.utils import timezone

    people, sides = world
    fixed = timezone.make_aware(dt.datetime(2025, 6, 2, 9, 43), timezone.get_default_timezone())
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    response = login("specialist_a").get(
        reverse("admin:services_consultation_add"), {"person": sides["a"].person.pk}
    )
    initial = response.context["adminform"].form.initial
    assert initial["date"] == date(2025, 6, 2)
    assert initial["start_time"] == dt.time(9, 45)  # rounded to 5 minutes
    assert initial["specialist"] == people["specialist_a"].pk
    assert initial["project"] == sides["a"].project.pk  # their only project
    assert initial["specialist_kind"] == sides["a"].consultation.specialist_kind_id
    assert initial["person"] == str(sides["a"].person.pk)
    assert response.context["adminform"].form.fields["submission_key"].initial


def test_the_same_consultation_form_sent_twice_is_recorded_once(login, world):
    _, sides = world
    client = login("specialist_a")
    data = consultation_form(sides["a"], submission_key="5b0c8f3e-2a3e-4f7a-9d55-0c1d3e5f7a9b")
    before = Consultation.objects.count()
    first = client.post(reverse("admin:services_consultation_add"), data)
    second = client.post(reverse("admin:services_consultation_add"), data)
    assert (first.status_code, second.status_code) == (302, 302)
    assert Consultation.objects.count() == before + 1
    logged = Consultation.objects.get(idempotency_key="5b0c8f3e-2a3e-4f7a-9d55-0c1d3e5f7a9b")
    assert (logged.created_by.username, logged.duration_minutes) == ("specialist_a", 50)


def test_two_different_forms_record_two_consultations(login, world):
    _, sides = world
    client = login("specialist_a")
    before = Consultation.objects.count()
    for key in ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"):
        client.post(
            reverse("admin:services_consultation_add"),
            consultation_form(sides["a"], submission_key=key),
        )
    assert Consultation.objects.count() == before + 2


# --- Notes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "reads_notes"),
    [
        ("specialist_a", True),  # wrote them
        ("coordinator_a", True),
        ("centre_admin_a", True),
        ("superuser", True),
        ("caseworker_a", False),
        ("other_specialist_a", False),
    ],
)
def test_consultation_notes_are_read_by_their_author_and_the_overseers(
    login, world, persona, reads_notes
):
    people, sides = world
    if persona == "other_specialist_a":
        people[persona] = make_staff(sides["a"].project, StaffRole.SPECIALIST)
    consultation = sides["a"].consultation
    response = login(persona).get(
        reverse("admin:services_consultation_change", args=[consultation.pk])
    )
    assert response.status_code == 200
    assert (b"Notatka poufna alfa" in response.content) is reads_notes
    assert ("notes" in response.context["adminform"].form.fields) is (
        reads_notes and persona != "caseworker_a"
    )


def test_notes_are_not_searchable_from_the_list(login, world):
    response = login("caseworker_a").get(
        reverse("admin:services_consultation_changelist"), {"q": "poufna"}
    )
    assert list(response.context["cl"].result_list) == []


def test_saving_someone_elses_consultation_keeps_its_hidden_notes(login, world):
    _, sides = world
    consultation = sides["a"].consultation
    data = consultation_form(sides["a"], duration_minutes="55")
    data.pop("notes")
    data.pop("submission_key")
    response = login("coordinator_a").post(
        reverse("admin:services_consultation_change", args=[consultation.pk]),
        {**data, "notes": "Notatka poufna alfa"},
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert (consultation.duration_minutes, consultation.notes) == (55, "Notatka poufna alfa")


# --- Audit through the admin ---------------------------------------------------------------


@pytest.mark.parametrize("model", ["person", "family"])
def test_opening_a_persons_or_familys_page_is_recorded(login, world, model):
    _, sides = world
    obj = getattr(sides["a"], model)
    client = login("specialist_a")
    client.get(reverse(f"admin:participants_{model}_change", args=[obj.pk]))
    client.get(reverse(f"admin:participants_{model}_changelist"))  # lists are not views of a record
    views = AuditEntry.objects.filter(action="view", content_type__model=model)
    assert [(e.actor_username, e.object_id, e.project_id) for e in views] == [
        ("specialist_a", str(obj.pk), sides["a"].project.pk)
    ]


def test_a_refused_page_is_not_recorded_as_a_view(login, world):
    _, sides = world
    login("caseworker_b").get(
        reverse("admin:participants_person_change", args=[sides["a"].person.pk])
    )
    assert not AuditEntry.objects.filter(action="view").exists()


def test_the_history_page_shows_the_records_audit_log(login, world):
    _, sides = world
    person = sides["a"].person
    login("caseworker_a").get(reverse("admin:participants_person_change", args=[person.pk]))
    response = login("coordinator_a").get(
        reverse("admin:participants_person_history", args=[person.pk])
    )
    entries = response.context["audit_entries"]
    assert [(e.action, e.actor_username) for e in entries] == [
        ("create", "caseworker_a"),
        ("view", "caseworker_a"),
    ]
    content = response.content.decode()
    assert "Rejestr zdarzeń tego rekordu" in content
    assert "wyświetlenie" in content
    assert "PESEL: None → ***" not in content and "***" in content  # masked, never the value
    assert person.pesel not in content


def test_a_bulk_delete_of_consultations_records_every_row(login, world):
    _, sides = world
    consultation = sides["a"].consultation
    response = login("coordinator_a").post(
        reverse("admin:services_consultation_changelist"),
        {"action": "delete_selected", "_selected_action": [consultation.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Consultation.objects.filter(pk=consultation.pk).exists()
    deleted = {
        (e.content_type.model, int(e.object_id))
        for e in AuditEntry.objects.filter(action="delete", actor_username="coordinator_a")
    }
    assert deleted == {("consultation", consultation.pk)}


def test_a_participants_card_is_not_deleted_in_bulk_either(login, world):
    """A person with enrolments and consultations: the GDPR erasure is the way, not delete."""
    _, sides = world
    person = sides["a"].person
    response = login("coordinator_a").post(
        reverse("admin:participants_person_changelist"),
        {"action": "delete_selected", "_selected_action": [person.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Person.objects.filter(pk=person.pk).exists()
    assert not AuditEntry.objects.filter(action="delete").exists()


def test_a_card_opened_by_mistake_is_deleted_with_its_cascade_on_record(login, world):
    """A family card with a member but no enrolment or consultation yet: deleting it removes
    the card and leaves the member without a family, both on record."""
    from tests.factories import make_family, make_person

    people, sides = world
    keeper = people["caseworker_a"]
    family = make_family(sides["a"].project, actor=keeper)
    member = make_person(sides["a"].project, actor=keeper, family=family)
    response = login("centre_admin_a").post(
        reverse("admin:participants_family_delete", args=[family.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Family.objects.filter(pk=family.pk).exists()
    member.refresh_from_db()
    assert member.family_id is None
    logged = AuditEntry.objects.filter(actor_username="centre_admin_a", content_type__isnull=False)
    assert {(e.action, e.content_type.model) for e in logged} == {
        ("delete", "family"),
        ("change", "person"),  # the member stays, without a family
    }


def test_deleting_needs_an_overseer_of_every_project_of_the_record(login, world):
    """Alfa's caseworker is a coordinator elsewhere (so her role groups hold delete rights):
    she still cannot delete Alfa's consultation."""
    from tests.factories import add_role

    people, sides = world
    add_role(people["caseworker_a"], sides["b"].project, StaffRole.COORDINATOR)
    client = login("caseworker_a")
    consultation = sides["a"].consultation

    page = client.get(reverse("admin:services_consultation_delete", args=[consultation.pk]))
    bulk = client.post(
        reverse("admin:services_consultation_changelist"),
        {"action": "delete_selected", "_selected_action": [consultation.pk], "post": "yes"},
    )

    assert page.status_code == 403
    assert bulk.status_code == 403
    assert Consultation.objects.filter(pk=consultation.pk).exists()


def test_nobody_deletes_the_log_even_in_bulk(login, world):
    response = login("superuser").get(reverse("admin:audit_auditentry_changelist"))
    assert response.context["action_form"] is None  # no actions at all, so no bulk delete


# --- Activities actually held ----------------------------------------------------------------


def test_a_caseworker_records_a_held_activity_with_its_attendance(login, world):
    _, sides = world
    activity = sides["a"].activitysession.activity
    response = login("caseworker_a").post(
        reverse("admin:services_activitysession_add"),
        {"activity": activity.pk, "date": "2025-05-17", "attendance": "9", "notes": ""},
    )
    assert response.status_code == 302
    session = activity.sessions.get(date=date(2025, 5, 17))
    assert (session.attendance, session.created_by.username) == (9, "caseworker_a")


def test_another_projects_activity_is_not_offered(login, world):
    _, sides = world
    response = login("caseworker_a").post(
        reverse("admin:services_activitysession_add"),
        {
            "activity": sides["b"].activitysession.activity_id,
            "date": "2025-05-17",
            "attendance": "9",
        },
    )
    assert list(form_errors(response)) == ["activity"]
    assert not sides["b"].activitysession.activity.sessions.filter(date=date(2025, 5, 17)).exists()
