"""Who may open which back-office page: personas × admin URLs × expected status, pretix-style.

Every record of project Alfa is checked for every persona; a record of another project (or an
id nobody has) is a 404 — never Django's redirect to the index, which would confirm the id
exists. Staff of Beta see Alfa's records as if they did not exist. Superusers see all.
"""

import pytest
from django.urls import reverse

from projects.models import StaffRole
from tests.factories import add_role, make_project

pytestmark = pytest.mark.django_db

MODELS = [
    ("participants", "family"),
    ("participants", "person"),
    ("participants", "enrolment"),
    ("services", "consultation"),
    ("services", "activitysession"),
    ("projects", "projectmembership"),
    ("audit", "auditentry"),
    ("services", "enquiry"),
]
PAGES = ["changelist", "change", "history", "delete"]

ALL_OK = (200, 200, 200, 200)
READ_ONLY = (200, 200, 403, 403)  # list and page, no history (not an overseer), no delete
DENIED = (403, 403, 403, 403)  # in scope, but the role grants nothing
LOG_READER = (200, 200, 200, 403)  # the audit log: read, never deleted
# A participant's card (it has enrolments and consultations) is never hard-deleted in the
# admin, by anyone: the GDPR erasure removes their data and keeps the statistics.
PARTICIPANT_CARD = (200, 200, 200, 403)

# Status of (changelist, change, history, delete) for the records of the persona's own project.
OWN_PROJECT = {
    "superuser": {
        "family": PARTICIPANT_CARD,
        "person": PARTICIPANT_CARD,
        "enrolment": ALL_OK,
        "consultation": ALL_OK,
        "activitysession": ALL_OK,
        "projectmembership": ALL_OK,
        "auditentry": LOG_READER,
        "enquiry": ALL_OK,
    },
    "caseworker": {
        "family": READ_ONLY,
        "person": READ_ONLY,
        "enrolment": READ_ONLY,
        "consultation": READ_ONLY,  # someone else's consultation: view only
        "activitysession": READ_ONLY,
        "projectmembership": DENIED,
        "auditentry": (403, 404, 404, 404),  # the log is scoped to overseers: nothing in scope
        "enquiry": READ_ONLY,  # handles enquiries: status and assignee, no delete
    },
    "specialist": {
        "family": READ_ONLY,
        "person": READ_ONLY,
        "enrolment": READ_ONLY,
        "consultation": READ_ONLY,  # their own, but specialists delete nothing
        "activitysession": DENIED,
        "projectmembership": DENIED,
        "auditentry": (403, 404, 404, 404),
        # Families' contact data is not for specialists: no list, and no enquiry in scope.
        "enquiry": (403, 404, 404, 404),
    },
    "coordinator": {
        "family": PARTICIPANT_CARD,
        "person": PARTICIPANT_CARD,
        "enrolment": ALL_OK,
        "consultation": ALL_OK,
        "activitysession": ALL_OK,
        "projectmembership": (200, 200, 200, 403),  # sees the team, only admins change it
        "auditentry": LOG_READER,
        "enquiry": ALL_OK,
    },
    "centre_admin": {
        "family": PARTICIPANT_CARD,
        "person": PARTICIPANT_CARD,
        "enrolment": ALL_OK,
        "consultation": ALL_OK,
        "activitysession": ALL_OK,
        "projectmembership": ALL_OK,
        "auditentry": LOG_READER,
        "enquiry": ALL_OK,
    },
}

PERSONAS_ON_ALFA = {
    # persona: (role table, whether Alfa is their project)
    "superuser": ("superuser", True),
    "caseworker_a": ("caseworker", True),
    "specialist_a": ("specialist", True),
    "coordinator_a": ("coordinator", True),
    "centre_admin_a": ("centre_admin", True),
    "caseworker_b": ("caseworker", False),
    "specialist_b": ("specialist", False),
}


def expected_status(persona, model, page):
    if persona == "anonymous":
        return 302  # to the sign-in page
    if persona == "no_membership":
        # Staff without a role: no list; any record is outside their (empty) scope.
        return 403 if page == "changelist" else 404
    role, own = PERSONAS_ON_ALFA[persona]
    status = OWN_PROJECT[role][model][PAGES.index(page)]
    if not own and page != "changelist":
        return 404  # another project's record by URL: as if it did not exist
    return status


def admin_url(app_label, model, page, obj):
    name = f"admin:{app_label}_{model}_{page}"
    return reverse(name) if page == "changelist" else reverse(name, args=[obj.pk])


@pytest.mark.parametrize("persona", [*PERSONAS_ON_ALFA, "no_membership", "anonymous"])
def test_alfas_records_by_persona(login, world, persona):
    _, sides = world
    client = login(persona)
    expected, answered = {}, {}
    for app_label, model in MODELS:
        for page in PAGES:
            url = admin_url(app_label, model, page, getattr(sides["a"], model))
            expected[url] = expected_status(persona, model, page)
            answered[url] = client.get(url).status_code
    assert answered == expected


@pytest.mark.parametrize(("app_label", "model"), MODELS)
@pytest.mark.parametrize("page", ["change", "history", "delete"])
def test_a_guessed_id_is_a_404_for_everyone(login, app_label, model, page):
    name = f"admin:{app_label}_{model}_{page}"
    for persona in ("superuser", "coordinator_a"):
        assert login(persona).get(reverse(name, args=[987654])).status_code == 404
        assert login(persona).get(reverse(name, args=["not-a-number"])).status_code == 404


@pytest.mark.parametrize(("app_label", "model"), MODELS)
def test_a_superuser_opens_betas_records_too(login, world, app_label, model):
    _, sides = world
    client = login("superuser")
    for page in ("change", "history"):
        assert (
            client.get(admin_url(app_label, model, page, getattr(sides["b"], model))).status_code
            == 200
        )


def rows(response):
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("superuser", {"a", "b"}),
        ("caseworker_a", {"a"}),
        ("specialist_a", {"a"}),
        ("coordinator_a", {"a"}),
        ("centre_admin_a", {"a"}),
        ("caseworker_b", {"b"}),
    ],
)
@pytest.mark.parametrize("model", ["family", "person", "enrolment", "consultation"])
def test_the_changelist_shows_exactly_the_personas_rows(login, world, persona, visible, model):
    _, sides = world
    app_label = "services" if model == "consultation" else "participants"
    response = login(persona).get(reverse(f"admin:{app_label}_{model}_changelist"))
    assert rows(response) == {getattr(sides[side], model).pk for side in visible}


def test_the_audit_log_lists_only_the_overseen_projects_entries(login, world):
    _, sides = world
    response = login("coordinator_a").get(reverse("admin:audit_auditentry_changelist"))
    projects = {entry.project_id for entry in response.context["cl"].result_list}
    assert projects == {sides["a"].project.pk}


def test_a_list_filter_offers_only_the_users_projects(login, world):
    people, sides = world
    gamma = make_project("gamma")
    add_role(people["caseworker_a"], gamma, StaffRole.CASEWORKER)
    response = login("caseworker_a").get(reverse("admin:participants_person_changelist"))
    project_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if spec.field_path == "created_in_project"
    )
    assert [pk for pk, _ in project_filter.lookup_choices] == [sides["a"].project.pk, gamma.pk]


@pytest.mark.parametrize(
    ("url_name", "querystring"),
    [
        ("admin:participants_person_changelist", "created_in_project__id__exact"),
        ("admin:participants_family_changelist", "created_in_project__id__exact"),
        ("admin:participants_enrolment_changelist", "project__id__exact"),
        ("admin:services_consultation_changelist", "project__id__exact"),
        ("admin:services_activitysession_changelist", "activity__project__id__exact"),
        ("admin:services_enquiry_changelist", "project__id__exact"),
    ],
)
def test_filtering_by_another_projects_id_shows_nothing(login, world, url_name, querystring):
    _, sides = world
    client = login("caseworker_a")
    response = client.get(reverse(url_name), {querystring: sides["b"].project.pk})
    assert response.status_code == 200
    assert rows(response) == set()
    assert b"Betowska" not in response.content


def autocomplete(client, app_label, model_name, field_name, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    return response


@pytest.mark.parametrize(
    ("persona", "term", "expected"),
    [
        ("caseworker_a", "owska", {"a"}),
        ("caseworker_a", "Betowska", set()),
        ("specialist_a", "owska", {"a"}),
        ("caseworker_b", "owska", {"b"}),
        ("superuser", "owska", {"a", "b"}),
    ],
)
def test_the_person_autocomplete_of_the_consultation_form_is_scoped(
    login, world, persona, term, expected
):
    _, sides = world
    response = autocomplete(login(persona), "services", "consultation", "person", term)
    assert response.status_code == 200
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert ids == {sides[side].person.pk for side in expected}


def test_the_family_autocomplete_is_scoped(login, world):
    _, sides = world
    response = autocomplete(login("caseworker_a"), "participants", "person", "family", "R/")
    assert {int(r["id"]) for r in response.json()["results"]} == {sides["a"].family.pk}


def test_autocomplete_is_closed_to_anonymous_and_roleless_staff(login, world):
    assert (
        autocomplete(login("anonymous"), "services", "consultation", "person", "a").status_code
        == 302
    )
    assert (
        autocomplete(login("no_membership"), "services", "consultation", "person", "a").status_code
        == 403
    )


@pytest.mark.parametrize(
    ("params", "status"),
    [
        (lambda s: {"person": s["a"].person.pk, "project": s["a"].project.pk}, 200),
        (lambda s: {"person": s["b"].person.pk, "project": s["a"].project.pk}, 404),
        (lambda s: {"person": s["a"].person.pk, "project": s["b"].project.pk}, 404),
        (lambda s: {"family": s["b"].family.pk}, 404),
        (lambda s: {"person": "drop table"}, 404),
    ],
)
def test_a_prefilled_consultation_form_accepts_only_the_users_records(login, world, params, status):
    _, sides = world
    response = login("specialist_a").get(reverse("admin:services_consultation_add"), params(sides))
    assert response.status_code == status


def test_a_prefilled_enrolment_form_refuses_another_projects_person(login, world):
    _, sides = world
    url = reverse("admin:participants_enrolment_add")
    client = login("caseworker_a")
    assert client.get(url, {"person": sides["a"].person.pk}).status_code == 200
    assert client.get(url, {"person": sides["b"].person.pk}).status_code == 404


def test_a_bulk_action_ignores_another_projects_ids(login, world):
    from participants.models import Person

    _, sides = world
    response = login("coordinator_a").post(
        reverse("admin:participants_person_changelist"),
        {"action": "delete_selected", "_selected_action": [sides["b"].person.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert Person.objects.filter(pk=sides["b"].person.pk).exists()


def test_the_person_form_offers_only_the_users_projects_and_families(login, world):
    _, sides = world
    response = login("caseworker_a").get(reverse("admin:participants_person_add"))
    form = response.context["adminform"].form
    assert list(form.fields["created_in_project"].queryset) == [sides["a"].project]
    assert list(form.fields["family"].queryset) == [sides["a"].family]


def test_the_consultation_form_offers_only_the_users_projects_and_team(login, world):
    people, sides = world
    response = login("specialist_a").get(reverse("admin:services_consultation_add"))
    form = response.context["adminform"].form
    assert list(form.fields["project"].queryset) == [sides["a"].project]
    team = {people[p] for p in ("caseworker_a", "specialist_a", "coordinator_a", "centre_admin_a")}
    assert set(form.fields["specialist"].queryset) == team


def test_a_persons_page_lists_only_the_users_projects_enrolments(login, world):
    from participants.enrolment import enrol
    from tests.factories import subgroup_of

    people, sides = world
    person = sides["a"].person
    enrol(
        actor=people["caseworker_b"],
        subgroup=subgroup_of(sides["b"].project),
        person=person,
        start_date=sides["a"].enrolment.start_date,
        known_pesel=person.pesel,
    )
    response = login("caseworker_a").get(
        reverse("admin:participants_person_change", args=[person.pk])
    )
    inline = next(
        f
        for f in response.context["inline_admin_formsets"]
        if f.opts.model._meta.model_name == "enrolment"
    )
    assert [form.instance.project_id for form in inline.formset.forms if form.instance.pk] == [
        sides["a"].project.pk
    ]
    assert b"Projekt beta" not in response.content
