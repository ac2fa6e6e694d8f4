"""Fixtures for the operations tests: a project of the seed data for admin change forms."""

import pytest


@pytest.fixture
def a_project(seeded):
    from projects.models import Project

    return Project.objects.order_by("pk").first()
