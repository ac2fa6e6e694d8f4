"""Backup and restore: the seed data survives a pg_dump/pg_restore round trip, row for row."""

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from operations.backup import backup_database, restore_database

# Every table of our apps, found from the models, so a new table is covered without an edit.
OUR_APPS = ("projects", "participants", "services", "operations")

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump/pg_restore need PostgreSQL"
)


def our_tables() -> list[tuple[str, str]]:
    """(table, primary-key column) for every model, m2m tables included, of our apps."""
    return sorted(
        (model._meta.db_table, model._meta.pk.column)
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in OUR_APPS and model._meta.managed
    )


def fingerprint(conninfo: str) -> dict[str, tuple[int, str | None]]:
    """Row count and md5 of the ordered rows of each table."""
    result = {}
    with psycopg.connect(conninfo) as conn:
        for table, pk in our_tables():
            row = conn.execute(
                f"SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t.\"{pk}\")) "
                f'FROM "{table}" t'
            ).fetchone()
            result[table] = (row[0], row[1])
    return result


def conninfo_for(name: str) -> str:
    settings_dict = connection.settings_dict
    parts = {
        "host": settings_dict["HOST"],
        "port": settings_dict["PORT"],
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"],
        "dbname": name,
    }
    return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in parts.items() if v})


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    with psycopg.connect(conninfo_for("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(conninfo_for("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_has_the_same_rows_in_every_table(tmp_path, fresh_database):
    from services.seed.loader import load_seed_projects

    load_seed_projects()  # committed, so pg_dump (another connection) sees it
    archive = tmp_path / "portal.dump"

    call_command("backup_database", str(archive))
    restore_database(archive=archive, target=fresh_database)

    original = fingerprint(conninfo_for(connection.settings_dict["NAME"]))
    restored = fingerprint(conninfo_for(fresh_database))
    assert "projects_project" in original
    assert sum(count for count, _ in original.values()) > 50  # the seed data is really there
    assert restored == original


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restoring_twice_with_clean_replaces_rather_than_duplicates(tmp_path, fresh_database):
    from services.seed.loader import load_seed_projects

    load_seed_projects()
    archive = backup_database(output=tmp_path / "portal.dump")

    restore_database(archive=archive, target=fresh_database)
    restore_database(archive=archive, target=fresh_database)

    assert fingerprint(conninfo_for(fresh_database)) == fingerprint(
        conninfo_for(connection.settings_dict["NAME"])
    )
