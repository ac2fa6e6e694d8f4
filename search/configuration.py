"""PostgreSQL text-search objects of the portal, created by migration 0002.

- `polish_unaccent`: `unaccent` then `simple` (lower case, no diacritics, no stemming); only
  `simple` where the `unaccent` extension is not available. It makes "zywienie" find
  "żywienie" and carries the prefix matches ("psycholog:*").
- `polish_hunspell`: the Polish hunspell dictionary of Debian's `hunspell-pl` (as an ispell
  dictionary `polish_ispell`), then `simple` for words it does not know. Created only where
  PostgreSQL finds the dictionary files (`tsearch_data/pl_pl.dict` and `.affix`, installed by
  `pg_updatedicts` with hunspell-pl).
- `portal_search`: what the index and the queries use for stemming: a copy of
  `polish_hunspell` where it exists, else of `polish_unaccent`. One stable name, so the code
  never asks the database which configuration it got.
"""

from django.db import connection

FOLD_CONFIG = "polish_unaccent"
HUNSPELL_CONFIG = "polish_hunspell"
HUNSPELL_DICTIONARY = "polish_ispell"
STEM_CONFIG = "portal_search"

# The parser's token types that are words (the others, numbers, e-mails, URLs, stay `simple`).
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def uses_postgresql_search() -> bool:
    return connection.vendor == "postgresql"


def has_hunspell() -> bool:
    """Whether this database got the Polish hunspell dictionary (for tests and diagnostics)."""
    if not uses_postgresql_search():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [HUNSPELL_DICTIONARY])
        return cursor.fetchone() is not None
