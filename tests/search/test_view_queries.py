"""The search page costs the same number of queries for 5 and for 200 projects.

A module of its own: the shared catalogue of the other modules would add to the counts.
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from search import index
from services.models import SupportOffer

pytestmark = pytest.mark.django_db


def add_catalogue(count):
    # Bulk inserts: the catalogue's size is what matters here, not how it was written.
    with translation.override("pl"):
        projects = Project.objects.bulk_create(
            Project(
                slug=f"projekt-{number}",
                title=f"Projekt {number}",
                city="Opole",
                voivodeship="opolskie",
                start_date=date(2024, 1, 1),
                end_date=date(2027, 12, 31),
                programming_period=Project.ProgrammingPeriod.P2021_2027,
                summary=f"Wsparcie psychologa nr {number}.",
            )
            for number in range(count)
        )
        SupportOffer.objects.bulk_create(
            SupportOffer(
                project=project,
                slug="konsultacje",
                title="Konsultacje psychologa",
                description="Rozmowa z psychologiem.",
                who_for="Rodzice.",
            )
            for project in projects
        )
    index.rebuild()


@pytest.mark.parametrize("projects", [5, 200])
def test_the_same_number_of_queries_for_5_and_200_projects(
    client, db, projects, django_assert_num_queries
):
    add_catalogue(projects)

    # One query: the page of hits with their total (a window count), projects and offers
    # joined; no session, user or per-hit query.
    with django_assert_num_queries(1):
        response = client.get(reverse("search:results"), {"q": "psycholog"})
    assert response.context["results"].total == 2 * projects
    assert len(response.context["results"].hits) == min(30, 2 * projects)
