"""Backups and restores of the PostgreSQL database with pg_dump/pg_restore (custom format).

The connection parameters come from Django's DATABASES (i.e. DATABASE_URL); the password goes
to the child process through PGPASSWORD, never on its command line.
"""

import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError


def postgresql_settings(alias: str = "default") -> dict:
    database = settings.DATABASES[alias]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise CommandError(
            "backup_database and restore_database work on PostgreSQL only "
            f"(this database: {database['ENGINE'].rsplit('.', 1)[-1]}). For SQLite use: "
            f'sqlite3 {database["NAME"]} ".backup portal-backup.sqlite3"'
        )
    return database


def _connection_args(database: dict) -> tuple[list[str], dict[str, str]]:
    args = []
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise CommandError(
            f"{command[0]} is not installed (Debian package postgresql-client)."
        ) from error
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed:\n{result.stderr.strip()}")


def backup_database(*, output: Path, alias: str = "default") -> Path:
    """Writes a pg_dump custom-format archive of the database to `output`."""
    database = postgresql_settings(alias)
    args, env = _connection_args(database)
    output.parent.mkdir(parents=True, exist_ok=True)
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-acl",
            *args,
            "--file",
            str(output),
            "--dbname",
            database["NAME"],
        ],
        env,
    )
    return output


def restore_database(
    *, archive: Path, target: str | None = None, clean: bool = True, alias: str = "default"
) -> str:
    """Restores a custom-format archive into `target` (default: the configured database)."""
    if not archive.is_file():
        raise CommandError(f"No such backup file: {archive}")
    database = postgresql_settings(alias)
    args, env = _connection_args(database)
    target = target or database["NAME"]
    options = ["--clean", "--if-exists"] if clean else []
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            "--single-transaction",
            *options,
            *args,
            "--dbname",
            target,
            str(archive),
        ],
        env,
    )
    return target
