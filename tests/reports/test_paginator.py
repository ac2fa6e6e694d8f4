"""The big-table paginator: exact counts for small tables and other databases; on PostgreSQL a
big table's count comes from the planner (reltuples unfiltered, the row estimate filtered)."""

import pytest
from django.db import connection

from projects import paginators
from projects.models import Project
from projects.paginators import EstimatedCountPaginator
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def test_a_small_table_is_counted_exactly():
    make_project("a"), make_project("b")
    assert EstimatedCountPaginator(Project.objects.order_by("pk"), 10).count == 2


def test_a_big_table_takes_the_planners_estimate(monkeypatch):
    for slug in "abcdef":
        make_project(slug)
    monkeypatch.setattr(paginators, "EXACT_BELOW", 0)
    if connection.vendor != "postgresql":
        assert EstimatedCountPaginator(Project.objects.order_by("pk"), 10).count == 6
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE projects_project")
    unfiltered = Project.objects.order_by("pk")
    assert EstimatedCountPaginator(unfiltered, 10).count == paginators.estimated_rows(unfiltered)
    filtered = Project.objects.filter(slug__in=["a", "b"]).order_by("pk")
    assert EstimatedCountPaginator(filtered, 10).count == paginators.planned_rows(filtered) >= 1
