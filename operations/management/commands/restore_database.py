from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import restore_database


class Command(BaseCommand):
    help = (
        "Restores a pg_dump custom-format archive with pg_restore --clean --if-exists, "
        "into --target or the configured database (see docs/runbook.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--target", help="database name (default: the configured one)")
        parser.add_argument(
            "--no-clean", action="store_true", help="do not drop existing objects first"
        )
        parser.add_argument(
            "--yes", action="store_true", help="confirm overwriting the configured database"
        )

    def handle(self, *args, archive, target=None, no_clean=False, yes=False, **options):
        if not target and not yes:
            raise CommandError(
                "Restoring over the configured database replaces its data: "
                "pass --yes to confirm, or --target NAME for another database."
            )
        name = restore_database(archive=Path(archive), target=target, clean=not no_clean)
        self.stdout.write(self.style.SUCCESS(f"Restored {archive} into {name}"))
