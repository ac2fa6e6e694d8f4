from django.conf import settings
from django.core.management.base import BaseCommand

from audit.log import acting_as
from services.enquiries import delete_expired_enquiries


class Command(BaseCommand):
    help = (
        "Delete families' enquiries answered (enrolled or closed) more than "
        "ENQUIRY_RETENTION_DAYS ago. Run daily; idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, dry_run=False, **options):
        with acting_as(None):
            count = delete_expired_enquiries(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            f"Enquiries answered more than {settings.ENQUIRY_RETENTION_DAYS} days ago: "
            f"{verb} {count}."
        )
