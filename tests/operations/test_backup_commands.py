"""The backup commands' refusals, on any database."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from operations.backup import restore_database


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite refusal")
def test_backup_on_sqlite_points_to_the_sqlite3_backup_command(tmp_path):
    with pytest.raises(
        CommandError, match=r"PostgreSQL only .* For SQLite use: sqlite3 .*\.backup"
    ):
        call_command("backup_database", str(tmp_path / "x.dump"))


def test_restore_over_the_configured_database_needs_a_confirmation(tmp_path):
    with pytest.raises(CommandError, match="pass --yes to confirm"):
        call_command("restore_database", str(tmp_path / "portal.dump"))


def test_a_missing_archive_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="No such backup file"):
        restore_database(archive=tmp_path / "missing.dump", target="anything")
