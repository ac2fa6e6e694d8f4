"""Bad input in the project admin gets a clear Polish error next to the field; nothing is saved."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from participants.models import ParticipantSubgroup
from projects.models import Funding, Project

INLINE_PREFIXES = ["funding", "partnerships", "contacts", "subgroups", "activities", "deliverables"]


def project_form(**overrides) -> dict:
    """A valid "add project" submission with one funding form and one subgroup form."""
    data = {
        "title_pl": "Rodzina w centrum",
        "slug": "rodzina-w-centrum",
        "city": "Lublin",
        "voivodeship": "lubelskie",
        "start_date": "2024-01-01",
        "end_date": "2025-12-31",
        "programming_period": "2021-2027",
        "fund": "EFS+",
        "summary_pl": "Wsparcie rodzin w Lublinie.",
        "funding-0-total_value": "1000000.00",
        "funding-0-co_financing": "950000.00",
        "funding-0-eu_share": "800000.00",
        "subgroups-0-name_pl": "Rodziny z dziećmi",
        "subgroups-0-target_families": "40",
        "subgroups-0-target_participants": "120",
        "subgroups-0-order": "0",
    }
    for prefix in INLINE_PREFIXES:
        data[f"{prefix}-TOTAL_FORMS"] = "1" if prefix in ("funding", "subgroups") else "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    data.update(overrides)
    return data


ADD_URL = reverse("admin:projects_project_add")


def test_a_valid_project_is_saved_with_its_funding_and_subgroup(admin_client):
    response = admin_client.post(ADD_URL, project_form())

    assert response.status_code == 302, response.context["adminform"].errors
    project = Project.objects.get(slug="rodzina-w-centrum")
    assert project.funding.co_financing == Decimal("950000.00")
    assert project.subgroups.get().target_participants == 120


BAD_INPUT = [
    # (what is wrong, overrides, field with the error, the Polish message)
    (
        "co-financing above the value",
        {"funding-0-co_financing": "1000000.01"},
        "Dofinansowanie nie może być wyższe niż wartość projektu.",
    ),
    (
        "EU share above the co-financing",
        {"funding-0-eu_share": "950000.01"},
        "Wkład UE nie może być wyższy niż dofinansowanie.",
    ),
    (
        "EU share and state subsidy together above the co-financing",
        {"funding-0-state_subsidy": "150000.01"},
        "Wkład UE i dotacja celowa razem nie mogą przekroczyć dofinansowania.",
    ),
    (
        "end before start",
        {"end_date": "2023-12-31"},
        "Koniec realizacji nie może być przed jej początkiem.",
    ),
    (
        "negative target of families",
        {"subgroups-0-target_families": "-1"},
        "Upewnij się, że ta wartość jest większa lub równa 0.",
    ),
    (
        "negative amount",
        {"funding-0-total_value": "-5.00"},
        "Upewnij się, że ta wartość jest większa lub równa 0.",
    ),
]


@pytest.mark.parametrize(
    ("case", "overrides", "message"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT]
)
def test_bad_input_is_refused_with_a_polish_message_and_nothing_is_saved(
    admin_client, case, overrides, message
):
    response = admin_client.post(ADD_URL, project_form(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Project.objects.exists()
    assert not Funding.objects.exists()
    assert not ParticipantSubgroup.objects.exists()


def test_a_duplicate_slug_is_refused(admin_client):
    admin_client.post(ADD_URL, project_form())

    response = admin_client.post(ADD_URL, project_form(title_pl="Inny projekt"))

    assert response.status_code == 200
    assert "Projekt o takim adresie już istnieje." in response.content.decode()
    assert Project.objects.count() == 1


def test_the_error_is_shown_next_to_its_field(admin_client):
    response = admin_client.post(ADD_URL, project_form(**{"funding-0-co_financing": "2000000"}))

    inline_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert inline_form.errors == {
        "co_financing": ["Dofinansowanie nie może być wyższe niż wartość projektu."]
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "amounts",
    [
        {"total_value": Decimal("100"), "co_financing": Decimal("100.01")},
        {"co_financing": Decimal("100"), "eu_share": Decimal("100.01")},
        {"co_financing": Decimal("100"), "eu_share": Decimal("90"), "state_subsidy": Decimal("11")},
        {
            "total_value": Decimal("100"),
            "co_financing": Decimal("90"),
            "own_contribution": Decimal("11"),
        },
    ],
)
def test_the_database_itself_refuses_parts_larger_than_the_whole(amounts):
    project = Project.objects.create(
        title="P",
        slug="p",
        city="Opole",
        voivodeship="opolskie",
        start_date="2024-01-01",
        end_date="2024-12-31",
        programming_period="2021-2027",
        summary="s",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Funding.objects.create(project=project, **amounts)


@pytest.mark.django_db
def test_the_database_refuses_a_project_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(
            title="P",
            slug="p",
            city="Opole",
            voivodeship="opolskie",
            start_date="2024-01-02",
            end_date="2024-01-01",
            programming_period="2021-2027",
            summary="s",
        )
