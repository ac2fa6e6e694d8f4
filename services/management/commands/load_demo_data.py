from django.core.management.base import BaseCommand

from services.seed.loader import load_seed_projects


class Command(BaseCommand):
    help = (
        "Load the five seed projects (facts from their public pages). Idempotent: a second run "
        "changes nothing."
    )

    def handle(self, *args, **options):
        report = load_seed_projects()
        self.stdout.write(self.style.SUCCESS(f"Seed projects: {report.summary()}."))
