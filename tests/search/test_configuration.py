"""PostgreSQL's text-search objects from migration search/0002 (the test database has them
because pytest-django builds it by running the migrations)."""

import importlib

import pytest
from django.db import connection

from search.configuration import FOLD_CONFIG, STEM_CONFIG, has_hunspell

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]

migration = importlib.import_module("search.migrations.0002_text_search_configuration")


def lexemes(config, word):
    with connection.cursor() as cursor:
        cursor.execute("SELECT strip(to_tsvector(%s::regconfig, %s))::text", [config, word])
        return cursor.fetchone()[0]


def test_the_folding_configuration_drops_diacritics():
    assert lexemes(FOLD_CONFIG, "Żywienie ŁÓDŹ") == "'lodz' 'zywienie'"


def test_the_search_configuration_stems_polish_where_hunspell_is_installed():
    if has_hunspell():
        assert lexemes(STEM_CONFIG, "psychologiem psychologa psycholodzy") == "'psycholog'"
        assert lexemes(STEM_CONFIG, "żywienie żywieniu") == "'żywić'"
    else:
        # The fallback is polish_unaccent itself.
        assert lexemes(STEM_CONFIG, "Żywienie") == "'zywienie'"


def test_a_missing_dictionary_file_leaves_the_migration_usable():
    # What a machine without hunspell-pl meets: the CREATE fails inside its savepoint and
    # the migration goes on with the fallback in the same transaction.
    with connection.cursor() as cursor:
        created = migration._try(
            cursor,
            "CREATE TEXT SEARCH DICTIONARY search_test_missing "
            "(TEMPLATE = ispell, DictFile = no_such_dictionary, AffFile = no_such_dictionary)",
        )
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert created is False
