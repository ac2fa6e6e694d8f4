"""A small synthetic catalogue whose words and word forms the search tests know exactly."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone, translation

from search import index
from services.models import SpecialistKind, SupportOffer
from tests.factories import make_project


def make_offer(project, slug, **fields):
    return SupportOffer.objects.create(project=project, slug=slug, **fields)


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """Three projects and two offers; the comments name the word forms each one carries.

    Built once per module inside a transaction rolled back at the module's end (like
    `seeded_once`); each test still runs in its own savepoint, so a test's edits vanish.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _build_catalogue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _build_catalogue():
    with translation.override("pl"):
        parents = make_project(
            "wsparcie-rodzicow",
            title="Wsparcie rodziców małych dzieci",
            city="Opole",
            # Ongoing whenever the suite runs.
            end_date=timezone.localdate() + timedelta(days=365),
            # "psychologa" (genitive)
            summary="Poradnictwo psychologa dla rodziców po narodzinach dziecka.",
        )
        foster = make_project(
            "piecza-zastepcza",
            title="Rodzinna piecza zastępcza",
            city="Gdańsk",
            summary="Szkolenia dla kandydatów na rodziny zastępcze.",
            # "psychologiem" (instrumental)
            description="Rozmowy z psychologiem i prawnikiem.",
        )
        nutrition = make_project(
            "zdrowe-zywienie",
            title="Zdrowe żywienie niemowląt",
            city="Kraków",
            # "psycholodzy" (nominative plural): only a dictionary knows it is "psycholog"
            summary="Porady o żywieniu niemowląt. Nasi psycholodzy pomagają rodzicom.",
        )
        dietitian = make_offer(
            parents,
            "konsultacje-dietetyka",
            title="Konsultacje dietetyka",
            description="Żywienie kobiet w ciąży i małych dzieci.",
            who_for="Rodzice niemowląt.",
        )
        hotline = make_offer(
            nutrition,
            "infolinia",
            title="Infolinia dla rodziców",
            description='Zadzwoń, gdy sprawa jest <b>pilna</b> & "ważna".',
            who_for="Rodzice i opiekunowie.",
        )
        dietitian.specialist_kinds.add(
            SpecialistKind.objects.create(slug="dietitian", name="dietetyk")
        )
    index.rebuild()
    return {
        "parents": parents,
        "foster": foster,
        "nutrition": nutrition,
        "dietitian": dietitian,
        "hotline": hotline,
    }
