"""Shared fixtures: the seed projects, an admin persona, a clean cache, and the database in use."""

import pytest
from django.core.cache import cache
from django.db import connection


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded(db):
    """The five projects from the seed pages, loaded the way `make run` loads them."""
    from services.seed.loader import load_seed_projects

    return load_seed_projects()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="administrator", email="admin@example.invalid", password="correct horse battery"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def on_postgresql():
    return connection.vendor == "postgresql"
