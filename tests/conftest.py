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


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """The seed projects loaded once for a whole module of read-only tests.

    Loading them takes a second or two on PostgreSQL; a module with sixty parametrised checks
    would spend most of its time reloading. The load runs inside a transaction that is rolled
    back when the module ends; each test still gets its own savepoint through `db`.
    """
    from django.db import transaction

    from services.seed.loader import load_seed_projects

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_seed_projects()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


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
