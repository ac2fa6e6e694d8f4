from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backup import backup_database


class Command(BaseCommand):
    help = "Writes a pg_dump custom-format (-Fc) backup of the database (see docs/runbook.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "output",
            nargs="?",
            help="archive path (default: portal-YYYYmmdd-HHMMSS.dump in the current folder)",
        )

    def handle(self, *args, output=None, **options):
        path = Path(output or timezone.localtime().strftime("portal-%Y%m%d-%H%M%S.dump"))
        backup_database(output=path)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
