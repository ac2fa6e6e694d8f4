"""Run daily (cron or a systemd timer, see the README): anonymise the participants whose every
project ended more than PARTICIPANT_RETENTION_YEARS years ago."""

from django.core.management.base import BaseCommand, CommandError

from participants.retention import DEFAULT_BATCH_SIZE, anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise persons and families whose every project ended more than "
        "PARTICIPANT_RETENTION_YEARS years ago. Prints counts only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be anonymised; change nothing."
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args, dry_run: bool, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        run = anonymise_expired(dry_run=dry_run, batch_size=batch_size)
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(
            f"Retention {run.retention_years} years, projects ended before "
            f"{run.cutoff.isoformat()}: {run.persons} persons and {run.families} families {verb}."
        )
        for name, count in sorted(run.counts.items()):
            if name not in {"persons", "families"}:
                self.stdout.write(f"  {name}: {count}")
