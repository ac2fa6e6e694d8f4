"""PostgreSQL: the text-search configurations of `search.configuration` and the GIN index.

Each optional piece is tried inside a savepoint, so a database without the `unaccent`
extension or without the hunspell-pl files still migrates, with the fallback. SQLite: nothing.
"""

from django.db import migrations, transaction
from django.db.utils import DatabaseError

FOLD, HUNSPELL, DICTIONARY, STEM = (
    "polish_unaccent",
    "polish_hunspell",
    "polish_ispell",
    "portal_search",
)
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def _try(cursor, *statements) -> bool:
    try:
        with transaction.atomic(using=cursor.db.alias):
            for statement in statements:
                cursor.execute(statement)
    except DatabaseError:
        return False
    return True


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # `unaccent` is a trusted extension: the database owner may create it.
        has_unaccent = _try(cursor, "CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {FOLD} (COPY = simple)")
        if has_unaccent:
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {FOLD} "
                f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple"
            )
        # PostgreSQL has no Polish stop-word file, so the dictionary has none (queries drop a
        # few stop words themselves: search.text.STOP_WORDS).
        has_hunspell = _try(
            cursor,
            f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} "
            "(TEMPLATE = ispell, DictFile = pl_pl, AffFile = pl_pl)",
            f"CREATE TEXT SEARCH CONFIGURATION {HUNSPELL} (COPY = simple)",
            f"ALTER TEXT SEARCH CONFIGURATION {HUNSPELL} "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH {DICTIONARY}, simple",
        )
        source = HUNSPELL if has_hunspell else FOLD
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {STEM} (COPY = {source})")
        cursor.execute(
            f"COMMENT ON TEXT SEARCH CONFIGURATION {STEM} IS %s",
            [f"Portal search: copy of {source} (search/configuration.py)"],
        )
        cursor.execute(
            "CREATE INDEX search_doc_vector_gin ON search_searchdocument USING gin (vector)"
        )


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS search_doc_vector_gin")
        for config in (STEM, HUNSPELL, FOLD):
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY}")
        # The extension stays: other objects of the database may use it.


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
