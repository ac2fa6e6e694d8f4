"""Enquiries in the back office: the scoped list, its filters, the status and assignee form,
the two actions, and the audit of every look and change. Uses the Alfa/Beta `world`."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from services.models import Enquiry

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:services_enquiry_changelist"


def change_url(enquiry):
    return reverse("admin:services_enquiry_change", args=[enquiry.pk])


def rows(response):
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("superuser", {"a", "b"}),
        ("caseworker_a", {"a"}),
        ("coordinator_a", {"a"}),
        ("centre_admin_a", {"a"}),
        ("caseworker_b", {"b"}),
    ],
)
def test_the_list_shows_the_enquiries_of_the_personas_projects(login, world, persona, visible):
    _, sides = world
    response = login(persona).get(reverse(CHANGELIST))
    assert rows(response) == {sides[side].enquiry.pk for side in visible}


def test_the_assignee_filter_offers_only_the_users_team(login, world):
    people, _ = world
    response = login("caseworker_a").get(reverse(CHANGELIST))
    spec = next(s for s in response.context["cl"].filter_specs if s.field_path == "assignee")
    team = {
        people[p].pk for p in ("caseworker_a", "specialist_a", "coordinator_a", "centre_admin_a")
    }
    assert {pk for pk, _ in spec.lookup_choices} == team


def test_the_status_filter_narrows_the_list(login, world):
    _, sides = world
    client = login("caseworker_a")
    assert rows(client.get(reverse(CHANGELIST), {"status__exact": "new"})) == {
        sides["a"].enquiry.pk
    }
    assert rows(client.get(reverse(CHANGELIST), {"status__exact": "closed"})) == set()


def test_the_form_offers_the_allowed_statuses_and_the_projects_handlers(login, world):
    people, sides = world
    response = login("caseworker_a").get(change_url(sides["a"].enquiry))
    form = response.context["adminform"].form
    assert [value for value, _ in form.fields["status"].choices] == ["new", "contacted", "closed"]
    handlers = {people[p] for p in ("caseworker_a", "coordinator_a", "centre_admin_a")}
    assert set(form.fields["assignee"].queryset) == handlers
    # The family's data is shown, not editable.
    assert "name" not in form.fields and "phone" not in form.fields
    assert "+48 600 123 456" in response.content.decode()


def test_a_caseworker_takes_an_enquiry_and_marks_it_contacted_in_the_form(login, world):
    people, sides = world
    enquiry = sides["a"].enquiry
    client = login("caseworker_a")
    response = client.post(
        change_url(enquiry), {"status": "contacted", "assignee": people["caseworker_a"].pk}
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.assignee) == ("contacted", people["caseworker_a"])
    changes = [
        entry.changes
        for entry in AuditEntry.objects.for_object(enquiry)
        .filter(action=AuditEntry.Action.CHANGE)
        .order_by("pk")
    ]
    assert changes == [
        {"assignee_id": [None, people["caseworker_a"].pk]},
        {"status": ["new", "contacted"]},
    ]


def test_a_step_the_rules_refuse_is_explained_next_to_the_field(login, world):
    _, sides = world
    enquiry = sides["a"].enquiry
    response = login("caseworker_a").post(change_url(enquiry), {"status": "enrolled"})
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    enquiry.refresh_from_db()
    assert enquiry.status == "new"


def test_assigning_beyond_the_team_is_refused_next_to_the_field(login, world):
    people, sides = world
    enquiry = sides["a"].enquiry
    for outsider in ("specialist_a", "caseworker_b"):
        response = login("coordinator_a").post(
            change_url(enquiry), {"status": "new", "assignee": people[outsider].pk}
        )
        assert response.status_code == 200
        assert "assignee" in response.context["adminform"].form.errors
    enquiry.refresh_from_db()
    assert enquiry.assignee is None


def test_mark_contacted_goes_through_the_rules_and_skips_foreign_ids(login, world):
    _, sides = world
    mine, theirs = sides["a"].enquiry, sides["b"].enquiry
    response = login("caseworker_a").post(
        reverse(CHANGELIST),
        {"action": "mark_contacted", "_selected_action": [mine.pk, theirs.pk]},
        follow=True,
    )
    assert response.status_code == 200
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == ("contacted", "new")
    assert "Zmienione zgłoszenia: 1." in response.content.decode()
    # A second time: the step is refused, and the refusal is shown with the reference.
    response = login("caseworker_a").post(
        reverse(CHANGELIST),
        {"action": "mark_contacted", "_selected_action": [mine.pk]},
        follow=True,
    )
    assert f"{mine.reference}: Zgłoszenia o statusie" in response.content.decode()


def test_assign_to_me(login, world):
    people, sides = world
    enquiry = sides["a"].enquiry
    login("coordinator_a").post(
        reverse(CHANGELIST), {"action": "assign_to_me", "_selected_action": [enquiry.pk]}
    )
    enquiry.refresh_from_db()
    assert enquiry.assignee == people["coordinator_a"]


def test_opening_an_enquiry_is_logged_as_a_view(login, world):
    people, sides = world
    enquiry = sides["a"].enquiry
    login("caseworker_a").get(change_url(enquiry))
    view = AuditEntry.objects.for_object(enquiry).get(action=AuditEntry.Action.VIEW)
    assert (view.actor, view.project) == (people["caseworker_a"], sides["a"].project)


def test_a_coordinator_deletes_an_enquiry_and_the_delete_is_logged(login, world):
    _, sides = world
    enquiry = sides["a"].enquiry
    response = login("coordinator_a").post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [enquiry.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Enquiry.objects.filter(pk=enquiry.pk).exists()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.DELETE, object_id=str(enquiry.pk), content_type__model="enquiry"
    ).exists()


def test_staff_cannot_file_an_enquiry_in_the_admin(login, world):
    assert login("superuser").get(reverse("admin:services_enquiry_add")).status_code == 403


def test_from_the_public_form_to_the_back_office(
    client, login, world, django_capture_on_commit_callbacks
):
    """The whole flow: a family writes in; Alfa's caseworker finds it, opens it, marks it
    contacted; the coordinator reads the history: created (no actor), viewed, changed."""
    _, sides = world
    alfa = sides["a"].project
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("services:enquiry-create", kwargs={"project_slug": alfa.slug}),
            {
                "name": "Basia",
                "email": "basia@example.invalid",
                "preferred_contact_time": "any",
                "consent": "on",
            },
        )
    enquiry = Enquiry.objects.get(name="Basia")
    client.logout()

    caseworker = login("caseworker_a")
    assert enquiry.pk in rows(caseworker.get(reverse(CHANGELIST)))
    assert caseworker.get(change_url(enquiry)).status_code == 200
    caseworker.post(change_url(enquiry), {"status": "contacted", "assignee": ""})
    enquiry.refresh_from_db()
    assert enquiry.status == "contacted"

    client.logout()
    history = login("coordinator_a").get(
        reverse("admin:services_enquiry_history", args=[enquiry.pk])
    )
    entries = [(e.action, e.actor_username) for e in history.context["audit_entries"]]
    assert entries == [
        ("create", ""),
        ("view", "caseworker_a"),
        ("change", "caseworker_a"),
    ]
    assert "basia" not in history.content.decode().lower()
