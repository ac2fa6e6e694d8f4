"""The index follows the catalogue: changes reach it when their transaction commits."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from search import signals
from search.catalogue import search_catalogue
from search.models import SearchDocument
from services.models import Situation, SpecialistKind, SupportOffer
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def titles(query, language="pl"):
    return [hit.title for hit in search_catalogue(query, language).hits]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what would run at commit (the test's own transaction never commits)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True), translation.override("pl"):
            return change()

    return run


def test_a_new_project_and_offer_are_found_after_commit(committed):
    def create():
        project = make_project("logopedia", title="Logopedia dla dzieci", city="Opole")
        SupportOffer.objects.create(
            project=project,
            slug="zajecia",
            title="Zajęcia z logopedą",
            description="Ćwiczenia mowy.",
            who_for="Dzieci.",
        )

    committed(create)

    assert titles("logopeda") == ["Zajęcia z logopedą"]
    assert titles("logopedia") == ["Logopedia dla dzieci", "Zajęcia z logopedą"]
    # One row per language for each object.
    assert SearchDocument.objects.count() == 2 * 3


def test_an_edit_replaces_the_old_words(committed):
    project = committed(lambda: make_project("alfa", title="Warsztaty kulinarne"))

    def rename():
        project.title = "Warsztaty plastyczne"
        project.save()

    committed(rename)

    assert titles("kulinarne") == []
    assert titles("plastyczne") == ["Warsztaty plastyczne"]


def test_a_rolled_back_change_never_reaches_the_index(committed):
    project = committed(lambda: make_project("beta", title="Klub rodzica"))

    def rename_then_fail():
        with transaction.atomic():
            project.title = "Klub seniora"
            project.save()
            transaction.set_rollback(True)

    committed(rename_then_fail)

    assert titles("seniora") == []
    assert titles("rodzica") == ["Klub rodzica"]


def test_offer_vocabulary_changes_reindex_the_offers(committed):
    def create():
        project = make_project("gamma", title="Projekt gamma")
        offer = SupportOffer.objects.create(
            project=project,
            slug="porady",
            title="Porady",
            description="Porady.",
            who_for="Rodzice.",
        )
        kind = SpecialistKind.objects.create(slug="mediator", name="mediator rodzinny")
        offer.specialist_kinds.add(kind)
        return offer, kind

    offer, kind = committed(create)
    assert titles("mediator") == ["Porady"]

    def rename_kind():
        kind.name = "terapeuta rodzinny"
        kind.save()

    committed(rename_kind)
    assert titles("mediator") == []
    assert titles("terapeuta") == ["Porady"]

    def link_a_situation_from_its_side():
        situation = Situation.objects.create(slug="kryzys", name="Kryzys w rodzinie")
        situation.offers.add(offer)

    committed(link_a_situation_from_its_side)
    assert titles("kryzys") == ["Porady"]

    committed(lambda: offer.specialist_kinds.clear())
    assert titles("terapeuta") == []


def test_deleting_a_project_removes_its_rows(committed):
    project = committed(lambda: make_project("delta", title="Projekt delta"))

    committed(project.delete)

    assert not SearchDocument.objects.exists()
    assert titles("delta") == []


def test_the_first_migrate_and_the_rebuild_command_index_the_seed(seeded):
    # The seed was loaded in this test's transaction, so no commit has indexed it yet: like a
    # database that had its catalogue before the search app came. `migrate` fills it.
    assert not SearchDocument.objects.exists()
    signals.build_index_if_empty(sender=None)
    # 5 projects and 11 offers, in 3 languages.
    assert SearchDocument.objects.count() == 48
    # Filled once: a second migrate leaves a non-empty index to the signals.
    first_ids = set(SearchDocument.objects.values_list("pk", flat=True))
    signals.build_index_if_empty(sender=None)
    assert set(SearchDocument.objects.values_list("pk", flat=True)) == first_ids

    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)

    assert out.getvalue() == "Search index rebuilt: 48 documents.\n"
    assert SearchDocument.objects.filter(language="pl").count() == 16
    assert titles("Kokon") == ["Praski Kokon", "Wsparcie całej rodziny w jej sąsiedztwie"]
    hits = {hit.title: hit.matched_words for hit in search_catalogue("psycholog", "pl").hits}
    assert set(hits) == {
        "Rodzicu, nie jesteś sam!",
        "Sukces Gdańskiej Rodziny",
        "Konsultacje specjalistów na oddziale położniczym i w szkole rodzenia",
        "Poradnictwo specjalistyczne dla rodzin",
        "Praca socjalna z rodziną z dziećmi",
    }
    # "…poradnictwo psychologa…" (Kraków) and "…z psychologiem lub prawnikiem" (Gdańsk).
    assert hits["Rodzicu, nie jesteś sam!"] == ("psychologa", "Psycholog")
    assert hits["Sukces Gdańskiej Rodziny"] == ("psycholog", "psychologiem")
    # The examples the page gives find something.
    for example in ("piecza zastępcza", "asystent rodziny", "Opole"):
        results = search_catalogue(example, "pl")
        assert results.matched_all_words and results.hits, example
