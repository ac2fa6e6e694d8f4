"""Text helpers shared by both databases: folding, query words, highlighting.

Nothing here touches the database, so the rules (what a word is, which words a query keeps,
how a match is marked) are the same on PostgreSQL and SQLite.
"""

import re
import unicodedata
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A word: letters and digits only (no "_"), so a query word can never carry tsquery syntax.
WORD_RE = re.compile(r"[^\W_]+")

# What a query may hold. Longer input is refused by the form; these bound the work anyway.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 40
# Shorter words match only whole words: "do" must not find every "dom", "doradca" and "dobro".
MIN_PREFIX_LENGTH = 3

# Words a query drops when it has others: PostgreSQL ships no Polish stop-word list, and a
# search for "pomoc dla rodziny" should not demand the word "dla". Folded forms.
_STOP_WORDS_TEXT = """
    a aby ale albo bo by czy dla do gdy i ich jak jest jego jej juz ku lub na nad nie niz o od
    oraz po pod przez przy sa sie ta tak te to tu w we z za ze zeby
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Private-use characters mark a match in a PostgreSQL headline; stripped from indexed text.
MARK_START = "\ue000"
MARK_END = "\ue001"
_PRIVATE_OR_CONTROL = {"Co", "Cc", "Cs", "Cn"}


def fold(text: str) -> str:
    """Lower case without diacritics: "Żywienie, ŁÓDŹ" -> "zywienie, lodz".

    NFKD splits a letter from its accents, which are then dropped; "ł" has no decomposition
    in Unicode, so it is mapped by hand.
    """
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def clean_text(text: str) -> str:
    """Indexed text without control and private-use characters (newlines become spaces)."""
    return "".join(
        " " if unicodedata.category(ch) in _PRIVATE_OR_CONTROL else ch for ch in text
    ).strip()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def folded_words_text(text: str) -> str:
    """The folded words of `text`, each with a space before and after, for prefix matching."""
    return " " + " ".join(fold(word) for word in words(text)) + " "


def query_words(query: str) -> list[str]:
    """The words a search looks for: lower case (diacritics kept, so PostgreSQL's dictionary
    can stem them; each database folds them itself), de-duplicated, stop words dropped unless
    the query has nothing else, at most MAX_QUERY_WORDS of them."""
    found: dict[str, str] = {}
    for word in words(query[:MAX_QUERY_LENGTH]):
        word = word.casefold()[:MAX_WORD_LENGTH]
        found.setdefault(fold(word), word)
    meaningful = [word for key, word in found.items() if key not in STOP_WORDS]
    return (meaningful or list(found.values()))[:MAX_QUERY_WORDS]


def word_matches(folded_word: str, query_word: str) -> bool:
    """The SQLite rule, on folded words: a word matches a query word it starts with (word
    forms: "psycholog" -> "psychologa"), or equals it when the query word is short."""
    if len(query_word) < MIN_PREFIX_LENGTH:
        return folded_word == query_word
    return folded_word.startswith(query_word)


def matched_in(text: str, query: Iterable[str]) -> list[str]:
    """The words of `text` (as written, in order of first occurrence) that match a query word
    by the SQLite rule (`word_matches`)."""
    query = [fold(word) for word in query]
    return _first_occurrences(text, lambda word: any(word_matches(fold(word), q) for q in query))


def marked_in(text: str, marked: set[str]) -> list[str]:
    """The words of `text` (as written, in order of first occurrence) PostgreSQL marked."""
    return _first_occurrences(text, lambda word: word.casefold() in marked)


def _first_occurrences(text: str, matches) -> list[str]:
    seen: dict[str, str] = {}
    for word in words(text):
        key = word.casefold()
        if key not in seen and matches(word):
            seen[key] = word
    return list(seen.values())


def marked_words(headline: str) -> set[str]:
    """The words PostgreSQL marked in a headline, case-folded."""
    pattern = re.escape(MARK_START) + "(.*?)" + re.escape(MARK_END)
    return {match.casefold() for match in re.findall(pattern, headline or "")}


def highlight(text: str, matched: Iterable[str]) -> SafeString:
    """`text` escaped, with every occurrence of a matched word in a <mark> element."""
    matched = {word.casefold() for word in matched}
    parts: list[str] = []
    position = 0
    for match in WORD_RE.finditer(text):
        if match.group().casefold() in matched:
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    # Safe: every piece was escaped above; only our own <mark> tags are added.
    return mark_safe("".join(parts))


def snippet(text: str, matched: Iterable[str], *, size: int = 30) -> str:
    """About `size` words of `text` around the first matched word, with "…" where cut."""
    matched = {word.casefold() for word in matched}
    spans = list(WORD_RE.finditer(text))
    if not spans:
        return ""
    first = next((i for i, m in enumerate(spans) if m.group().casefold() in matched), 0)
    start_index = max(0, first - size // 3)
    end_index = min(len(spans), start_index + size)
    start = spans[start_index].start() if start_index else 0
    end = spans[end_index - 1].end() if end_index < len(spans) else len(text)
    piece = text[start:end].strip()
    return ("… " if start else "") + piece + (" …" if end < len(text) else "")
