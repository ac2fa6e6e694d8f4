from django.conf import settings
from django.core.management.base import BaseCommand

# Imported for its DEMO_STEPS entry: the demo enquiries.
from services.seed import demo_enquiries  # noqa: F401
from services.seed.demo_people import DEMO_PASSWORD, SUPERUSER, load_demo_people
from services.seed.loader import load_seed_projects


class Command(BaseCommand):
    help = (
        "Load the five seed projects (facts from their public pages) and, with DEBUG on, demo "
        "staff sign-ins and a small synthetic caseload. Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-users",
            action="store_true",
            help="Create the demo sign-ins even with DEBUG off (a demo server; never production).",
        )
        parser.add_argument(
            "--no-demo-users",
            action="store_true",
            help="Load the projects only.",
        )

    def handle(self, *args, **options):
        report = load_seed_projects()
        self.stdout.write(self.style.SUCCESS(f"Seed projects: {report.summary()}."))
        if options["no_demo_users"]:
            return
        if not settings.DEBUG and not options["allow_demo_users"]:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is off: demo sign-ins with a published password were not created "
                    "(use --allow-demo-users on a demo server)."
                )
            )
            return
        cast = load_demo_people()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo staff and caseload: created {cast.created} rows. Sign in as {SUPERUSER} "
                f"or e.g. opole-koordynator, password {DEMO_PASSWORD!r} (see the README)."
            )
        )
