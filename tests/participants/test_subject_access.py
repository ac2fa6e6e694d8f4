"""Data-subject access (art. 15): everything about one person and nobody else, as JSON (a
command and an admin download) and as a readable admin page, for the coordinators and centre
administrators of the person's projects only; every export audited."""

import json
import os
from datetime import date
from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditEntry
from participants import records
from participants.admin_gdpr import PersonGdprAdminMixin
from participants.models import Consent, Person
from participants.subject_access import build_subject_data
from projects.models import StaffRole
from tests.factories import make_consultation, make_staff

pytestmark = pytest.mark.django_db

OTHER_PEOPLES_DATA = ["Piotr", "Zieliński", "Obcy", "Długa", "Bieżący", "PASZPORT-EX123"]
NOTES = ["Notatka psychologa", "Notatka poufna o rodzinie"]


def page_url(person):
    return reverse("admin:participants_person_subject_access", kwargs={"object_id": person.pk})


def json_url(person):
    return reverse("admin:participants_person_subject_access_json", kwargs={"object_id": person.pk})


@pytest.fixture
def consent(world):
    return records.record_consent(
        actor=world.keeper,
        person=world.ola,
        scope=Consent.Scope.DATA_PROCESSING,
        given_on=date(2013, 3, 1),
    )


def test_the_export_holds_the_persons_record_family_consents_enrolments_consultations(
    world, consent
):
    data = build_subject_data(Person.objects.get(pk=world.ola.pk))

    json.dumps(data)  # serialisable as it is
    person = data["person"]
    assert (person["first_name"], person["last_name"], person["pesel"]) == (
        "Ola",
        "Zielińska",
        world.ola.pesel,
    )
    assert (person["birth_date"], person["sex"], person["phone"]) == (
        "1985-06-15",
        "kobieta",
        "600100200",
    )
    assert person["education"] == "ISCED 3 (ponadgimnazjalne / średnie)"
    assert person["created_in_project"] == {"id": world.old.pk, "title": "Projekt stary"}
    assert data["family"]["label"] == "F1/2013"
    assert data["family"]["street"] == "ul. Wiosenna 5"
    assert data["family"]["has_notes"] is True
    assert data["consents"] == [
        {
            "scope": "przetwarzanie danych osobowych",
            "given_on": "2013-03-01",
            "withdrawn_on": None,
        }
    ]
    assert [(e["start_date"], e["concerns"]) for e in data["enrolments"]] == [
        ("2013-03-01", "osoba"),
        ("2013-05-10", "rodzina"),
    ]
    own, of_family = data["consultations"]
    assert (own["date"], own["topic"], own["has_notes"], own["duration_minutes"]) == (
        "2013-04-02",
        "Temat: dieta malucha",
        True,
        50,
    )
    assert (own["specialist_kind"], own["concerns"]) == ("psycholog", "osoba")
    assert (of_family["date"], of_family["topic"], of_family["concerns"]) == (
        "2013-06-01",
        "",
        "rodzina",
    )
    assert [entry["action"] for entry in data["audit"]] == [
        "utworzenie",  # the person
        "utworzenie",  # her own enrolment
        "utworzenie",  # the consent
    ]
    assert "first_name" in data["audit"][0]["fields"]


def test_the_export_contains_nobody_elses_data_and_no_notes(world, consent):
    text = json.dumps(build_subject_data(world.ola), ensure_ascii=False)

    for other in [*OTHER_PEOPLES_DATA, *NOTES, world.piotr.pesel, world.ewa.pesel]:
        assert other not in text
    assert "art. 15 ust. 4" in text  # the notes policy is stated


PERSONAS = [
    # (persona, expected status of the page and of the JSON download)
    ("superuser", 200),
    ("coordinator of the project", 200),
    ("centre admin of the project", 200),
    ("caseworker of the project", 404),
    ("specialist of the project", 404),
    ("coordinator of another project", 404),
]


def persona_user(world, persona, django_user_model):
    return {
        "superuser": lambda: django_user_model.objects.create_superuser("root", password="x"),
        "coordinator of the project": lambda: world.coordinator_old,
        "centre admin of the project": lambda: make_staff(world.old, StaffRole.CENTRE_ADMIN),
        "caseworker of the project": lambda: world.keeper,
        "specialist of the project": lambda: make_staff(world.old, StaffRole.SPECIALIST),
        "coordinator of another project": lambda: make_staff(world.ongoing, StaffRole.COORDINATOR),
    }[persona]()


@pytest.mark.parametrize("url_of", [page_url, json_url], ids=["page", "json"])
@pytest.mark.parametrize(("persona", "status"), PERSONAS, ids=[p for p, _ in PERSONAS])
def test_who_may_export(client, world, django_user_model, persona, status, url_of):
    client.force_login(persona_user(world, persona, django_user_model))

    response = client.get(url_of(world.ola))

    assert response.status_code == status
    exports = AuditEntry.objects.filter(action="export", detail__operation="subject_access")
    assert exports.count() == (1 if status == 200 else 0)


def test_anonymous_visitors_are_sent_to_the_sign_in_page(client, world):
    for url in (page_url(world.ola), json_url(world.ola)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_an_unknown_person_is_404(client, world):
    client.force_login(world.coordinator_old)
    url = reverse("admin:participants_person_subject_access", kwargs={"object_id": 999999})
    assert client.get(url).status_code == 404


def test_the_page_is_readable_and_audited_without_personal_data(client, world, consent):
    client.force_login(world.coordinator_old)

    response = client.get(page_url(world.ola))

    html = response.content.decode()
    assert "<h1>Eksport danych osoby (RODO art. 15)</h1>" in html
    assert "Zielińska" in html and world.ola.pesel in html
    assert "Temat: dieta malucha" in html
    for other in [*OTHER_PEOPLES_DATA, *NOTES]:
        assert other not in html
    assert json_url(world.ola) in html
    assert "<script>" not in html and "style=" not in html
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="export")
    assert (entry.actor, entry.object_repr, entry.project) == (
        world.coordinator_old,
        f"Osoba #{world.ola.pk}",
        world.old,
    )
    assert entry.detail == {
        "operation": "subject_access",
        "format": "rodo-art15/1",
        "channel": "admin_html",
    }


def test_the_json_download_is_an_attachment_named_by_id(client, world):
    client.force_login(world.coordinator_old)

    response = client.get(json_url(world.ola))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="osoba-{world.ola.pk}-rodo-art15.json"'
    )
    assert json.loads(response.content)["person"]["last_name"] == "Zielińska"


def test_the_page_costs_the_same_queries_however_many_consultations(client, world):
    client.force_login(world.coordinator_old)
    client.get(page_url(world.ola))  # warm the session and content-type caches
    with CaptureQueriesContext(connection) as few:
        client.get(page_url(world.ola))
    for day in (5, 6, 7):
        make_consultation(
            actor=world.keeper, project=world.old, person=world.ola, date=date(2013, 4, day)
        )
    with CaptureQueriesContext(connection) as more:
        client.get(page_url(world.ola))
    assert len(more) == len(few)


def test_the_command_prints_the_json_and_logs_the_export(world):
    out = StringIO()

    call_command(
        "export_subject_data", "--person-id", str(world.ola.pk), "--format", "json", stdout=out
    )

    data = json.loads(out.getvalue())
    assert data["person_id"] == world.ola.pk
    assert data["person"]["first_name"] == "Ola"
    entry = AuditEntry.objects.get(action="export")
    assert (entry.actor, entry.detail["channel"]) == (None, "command")


def test_the_command_writes_an_owner_only_file_and_names_the_actor(world, tmp_path):
    target = tmp_path / "ola.json"

    call_command(
        "export_subject_data",
        f"--person-id={world.ola.pk}",
        f"--output={target}",
        "--actor=koordynatorka-stary",
        stderr=StringIO(),
    )

    assert json.loads(target.read_text(encoding="utf-8"))["person_id"] == world.ola.pk
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert AuditEntry.objects.get(action="export").actor == world.coordinator_old


def test_the_command_refuses_an_unknown_person(db):
    with pytest.raises(CommandError, match="No person with id 424242"):
        call_command("export_subject_data", "--person-id", "424242")


def test_the_mixin_adds_the_export_and_erasure_to_a_person_admin():
    class PersonAdminWithExport(PersonGdprAdminMixin, admin.ModelAdmin):
        pass

    names = [url.name for url in PersonAdminWithExport(Person, admin.site).get_urls()]
    assert names[:3] == [
        "participants_person_subject_access",
        "participants_person_subject_access_json",
        "participants_person_erasure",
    ]


@pytest.mark.parametrize(
    ("persona", "shows_links"),
    [("coordinator of the project", True), ("caseworker of the project", False)],
)
def test_the_person_page_links_the_gdpr_pages_for_those_who_may_use_them(
    client, world, django_user_model, persona, shows_links
):
    client.force_login(persona_user(world, persona, django_user_model))

    page = client.get(reverse("admin:participants_person_change", args=[world.ola.pk]))

    assert page.status_code == 200
    html = page.content.decode()
    assert (page_url(world.ola) in html) is shows_links
    assert (
        reverse("admin:participants_person_erasure", kwargs={"object_id": world.ola.pk}) in html
    ) is shows_links
