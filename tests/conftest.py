"""Shared fixtures: the seed projects, an admin persona, a clean cache, and the database in use."""

import pytest
from django.core.cache import cache
from django.db import connection


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put back what the migrations wrote after a transactional test has flushed it.

    A transactional test ends with a flush that empties every table, the content types,
    permissions and role groups the migrations created included (and post_migrate recreates the
    first two under new ids, which the ContentType cache does not know). pytest-django runs
    such tests last, but with two xdist workers a worker may still run ordinary tests after
    one. So the flush is redone without post_migrate and the contents Django serialised when it
    created the test database are loaded back: the next test finds the database as migrated.
    """
    result = yield
    marker = item.get_closest_marker("django_db")
    # After the last test the test database is already gone (nothing to restore, nobody needs it).
    if nextitem is not None and marker is not None and marker.kwargs.get("transaction"):
        _restore_migrated_contents(item.config)
    return result


def _restore_migrated_contents(config):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    with config.stash[blocking_manager_key].unblock():
        if contents:
            call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(contents)
        ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _polish_by_default():
    """Each test starts in Polish, the site's default: a request in /uk/ or /en/ leaves its
    language active on the thread, and `reverse()` in the next test would follow it."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


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
