import time

from django.core.management.base import BaseCommand, CommandError

from reports import load_data


class Command(BaseCommand):
    help = (
        "Synthetic load data over the demo projects (default 100 000 participants and "
        "1 000 000 consultations): COPY on PostgreSQL, bulk inserts elsewhere. For benchmarks "
        "only: the rows are not audit-logged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=100_000)
        parser.add_argument("--consultations", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--reset", action="store_true", help="Remove earlier load data first.")

    def handle(self, *args, participants, consultations, seed, reset, **options):
        if participants < 0 or consultations < 0:
            raise CommandError("Sizes must not be negative.")
        if consultations and not participants:
            raise CommandError("Consultations need participants (--participants > 0).")
        started = time.monotonic()
        if reset:
            load_data.reset()
        made = load_data.generate(participants=participants, consultations=consultations, seed=seed)
        load_data.analyze()
        self.stdout.write(
            f"families={made.families} persons={made.persons} enrolments={made.enrolments} "
            f"consultations={made.consultations} monthly_totals={made.totals} "
            f"seconds={time.monotonic() - started:.1f}"
        )
