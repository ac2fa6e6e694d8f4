"""Export everything about one person (GDPR art. 15) as JSON, for an operator answering a
data-subject access request outside the admin. Every run is audit-logged."""

import json
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from audit.log import acting_as
from participants.models import Person
from participants.subject_access import export_subject_data


class Command(BaseCommand):
    help = "Export one person's data (GDPR art. 15) as JSON to stdout or --output."

    def add_arguments(self, parser):
        parser.add_argument("--person-id", type=int, required=True)
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--output", help="Write to this file instead of stdout.")
        parser.add_argument(
            "--actor", help="Username of the staff member answering the request (for the log)."
        )

    def handle(self, *args, person_id: int, output: str | None, actor: str | None, **options):
        try:
            person = Person.objects.select_related("family", "created_in_project").get(pk=person_id)
        except Person.DoesNotExist:
            raise CommandError(f"No person with id {person_id}.") from None
        user = None
        if actor:
            try:
                user = get_user_model().objects.get_by_natural_key(actor)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user {actor!r}.") from None
        with acting_as(user):
            data = export_subject_data(person=person, actor=user, channel="command")
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if output:
            # Owner-only from the first byte: the file holds a person's whole record.
            descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Written to {output}.")
        else:
            self.stdout.write(text)
