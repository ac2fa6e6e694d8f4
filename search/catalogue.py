"""Searching the catalogue: `search_catalogue(query, language)` is the one entry point.

PostgreSQL: every query word must match the stored tsvector, either as a word form through
the `portal_search` configuration (hunspell: "psycholog" finds "psychologa", "psychologiem")
or as a prefix of an accent-folded word through `polish_unaccent` ("zywienie" finds
"żywienie"); ranked by ts_rank, with the matched words taken from ts_headline.
SQLite: every folded query word must begin a folded word of the text; ranked by a score
counting matches in the title and the body.
If no object matches every word, the objects matching any of them are shown, flagged.
One query (two when falling back to "any word"), whatever the catalogue's size.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Count, F, Q, TextField, Value, Window
from django.db.models.functions import Concat
from django.utils import translation
from django.utils.safestring import SafeString

from search import text
from search.configuration import FOLD_CONFIG, STEM_CONFIG, uses_postgresql_search
from search.index import LANGUAGES
from search.models import SearchDocument

MAX_HITS = 30
# Title matches count more than body matches in the SQLite score (as weights A/B do in
# PostgreSQL's ts_rank).
TITLE_WEIGHT, BODY_WEIGHT = 3, 1


@dataclass(frozen=True)
class SearchHit:
    kind: str
    url: str
    title: str
    title_html: SafeString
    snippet_html: SafeString
    matched_words: tuple[str, ...]
    city: str
    project_title: str
    # The project's status ("zakończony" marks the archive), as the page shows it.
    status: str
    score: float


@dataclass(frozen=True)
class SearchResults:
    query: str
    words: tuple[str, ...]
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    # False when no object had every word and `hits` are those with any of them.
    matched_all_words: bool = True

    def __bool__(self) -> bool:
        return bool(self.hits)


def search_catalogue(query: str, language: str, *, limit: int = MAX_HITS) -> SearchResults:
    """The projects and offers matching `query`, best first, in `language` (content falls back
    to Polish where it has no translation). Never raises for odd input: a query without
    words gives no results."""
    words = tuple(text.query_words(query or ""))
    if not words:
        return SearchResults(query=query, words=words)
    if language not in LANGUAGES:
        language = settings.LANGUAGE_CODE
    run = _postgresql if uses_postgresql_search() else _sqlite
    # Links and project titles in the language searched, whatever the active one.
    with translation.override(language):
        total, hits = run(words, language, limit, all_words=True)
        matched_all = True
        if not hits and len(words) > 1:
            total, hits = run(words, language, limit, all_words=False)
            matched_all = False
    return SearchResults(
        query=query, words=words, hits=hits, total=total, matched_all_words=matched_all
    )


def _documents(language: str):
    return (
        SearchDocument.objects.filter(language=language)
        .defer("folded", "vector")
        .select_related("project", "offer__project")
    )


def _hit(document: SearchDocument, matched: list[str], score: float) -> SearchHit:
    target = document.offer or document.project
    return SearchHit(
        kind=document.kind,
        url=target.get_absolute_url(),
        title=document.title,
        title_html=text.highlight(document.title, matched),
        snippet_html=text.highlight(text.snippet(document.body, matched), matched),
        matched_words=tuple(matched),
        city=document.project.city,
        project_title=document.project.title if document.offer_id else "",
        status=document.project.get_status_display(),
        score=score,
    )


# --- PostgreSQL -------------------------------------------------------------------------------


def _word_query(word: str) -> SearchQuery:
    """A word form (stemmed) or, accent-folded, a prefix (long words) or the whole word.

    `word` holds letters and digits only (text.WORD_RE), so quoting it is all the tsquery
    syntax it needs; a word the parser drops (e.g. "½") simply matches nothing.
    """
    prefix = ":*" if len(word) >= text.MIN_PREFIX_LENGTH else ""
    return SearchQuery(f"'{word}'", search_type="raw", config=STEM_CONFIG) | SearchQuery(
        f"'{word}'{prefix}", search_type="raw", config=FOLD_CONFIG
    )


def _postgresql(words, language, limit, *, all_words):
    query = _word_query(words[0])
    for word in words[1:]:
        query = (query & _word_query(word)) if all_words else (query | _word_query(word))
    searched = Concat("title", Value("\n"), "body", output_field=TextField())
    headline = {
        "highlight_all": True,
        "start_sel": text.MARK_START,
        "stop_sel": text.MARK_END,
    }
    documents = list(
        _documents(language)
        .filter(vector=query)
        .annotate(
            rank=SearchRank(F("vector"), query),
            total=Window(Count("pk")),
            # The same text parsed both ways, so both kinds of match are found and marked.
            stemmed=SearchHeadline(searched, query, config=STEM_CONFIG, **headline),
            folded_match=SearchHeadline(searched, query, config=FOLD_CONFIG, **headline),
        )
        .order_by("-rank", "kind", "title", "pk")[:limit]
    )
    hits = []
    for document in documents:
        marked = text.marked_words(document.stemmed) | text.marked_words(document.folded_match)
        matched = text.marked_in(f"{document.title}\n{document.body}", marked)
        hits.append(_hit(document, matched, float(document.rank)))
    return (documents[0].total if documents else 0), hits


# --- SQLite -----------------------------------------------------------------------------------


def _sqlite(words, language, limit, *, all_words):
    words = [text.fold(word) for word in words]
    condition = Q()
    for word in words:
        # `folded` has a space before every word: " word" is a word-prefix match; short
        # words must be whole (a space after too).
        needle = f" {word}" if len(word) >= text.MIN_PREFIX_LENGTH else f" {word} "
        term = Q(folded__contains=needle)
        condition = (condition & term) if all_words else (condition | term)
    scored = []
    for document in _documents(language).filter(condition):
        title_words = [text.fold(w) for w in text.words(document.title)]
        body_words = [text.fold(w) for w in text.words(document.body)]
        score = sum(
            TITLE_WEIGHT * sum(text.word_matches(w, q) for w in title_words)
            + BODY_WEIGHT * sum(text.word_matches(w, q) for w in body_words)
            for q in words
        )
        scored.append((score, document))
    scored.sort(key=lambda pair: (-pair[0], pair[1].kind, pair[1].title, pair[1].pk))
    hits = [
        _hit(document, text.matched_in(f"{document.title}\n{document.body}", words), score)
        for score, document in scored[:limit]
    ]
    return len(scored), hits
