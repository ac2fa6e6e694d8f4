from django.core.management.base import BaseCommand

from search.index import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index of projects and offers from scratch (after QuerySet.update() "
        "on catalogue rows, a bulk import, or after installing hunspell-pl and re-creating the "
        "text-search configuration)."
    )

    def handle(self, *args, **options):
        rows = rebuild()
        self.stdout.write(f"Search index rebuilt: {rows} documents.")
