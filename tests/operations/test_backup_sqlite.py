"""On SQLite the backup commands refuse clearly and name the sqlite3 alternative."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite refusal")
def test_backup_on_sqlite_points_to_the_sqlite3_backup_command(tmp_path):
    with pytest.raises(
        CommandError, match=r"PostgreSQL only .* For SQLite use: sqlite3 .*\.backup"
    ):
        call_command("backup_database", str(tmp_path / "x.dump"))
