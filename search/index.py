"""Keeping the search index (`SearchDocument`) in step with the catalogue.

One function writes the index: `reindex(projects=…, offers=…)`. The signals in
`search.signals` collect what changed during a transaction and call it once when the
transaction commits (so a seed load or an admin save with inlines reindexes each object once,
and a rolled-back change never reaches the index); `rebuild()` (the `rebuild_search_index`
command) rewrites everything.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from projects.models import Project
from search.configuration import FOLD_CONFIG, STEM_CONFIG, uses_postgresql_search
from search.models import SearchDocument
from search.text import clean_text, folded_words_text
from services.models import SupportOffer

LANGUAGES = [code for code, _name in settings.LANGUAGES]

PROJECT_FIELDS = (
    "summary",
    "description",
    "main_goal",
    "target_groups",
    "expected_results",
    "easy_to_read",
)
OFFER_FIELDS = ("description", "who_for", "how_to_get")


def _join(parts: Iterable[str]) -> str:
    return "\n".join(clean_text(part) for part in parts if part and part.strip())


def _project_texts(project: Project) -> tuple[str, str]:
    """Title and body in the active language; modeltranslation falls back to Polish."""
    parts = [getattr(project, name) for name in PROJECT_FIELDS]
    parts.append(project.city)
    for subgroup in project.subgroups.all():
        parts += [subgroup.name, subgroup.description]
    return clean_text(project.title), _join(parts)


def _offer_texts(offer: SupportOffer) -> tuple[str, str]:
    parts = [getattr(offer, name) for name in OFFER_FIELDS]
    for related in ("situations", "specialist_kinds", "place_kinds"):
        parts += [item.name for item in getattr(offer, related).all()]
    # The project's title and city, so "psycholog Kraków" finds the offers made in Kraków.
    parts += [offer.project.title, offer.project.city]
    return clean_text(offer.title), _join(parts)


def _documents(projects: Iterable[Project], offers: Iterable[SupportOffer]):
    projects, offers = list(projects), list(offers)
    for language in LANGUAGES:
        with translation.override(language):
            for project in projects:
                title, body = _project_texts(project)
                yield SearchDocument(
                    kind=SearchDocument.Kind.PROJECT,
                    language=language,
                    project=project,
                    title=title[:255],
                    body=body,
                    folded=folded_words_text(f"{title} {body}"),
                )
            for offer in offers:
                title, body = _offer_texts(offer)
                yield SearchDocument(
                    kind=SearchDocument.Kind.OFFER,
                    language=language,
                    project_id=offer.project_id,
                    offer=offer,
                    title=title[:255],
                    body=body,
                    folded=folded_words_text(f"{title} {body}"),
                )


def _vector():
    """Stemmed words weigh more (A title, B body) than accent-folded ones (C, D), so an exact
    word form ranks above a prefix or accent-free match."""
    return (
        SearchVector("title", config=STEM_CONFIG, weight="A")
        + SearchVector("body", config=STEM_CONFIG, weight="B")
        + SearchVector("title", config=FOLD_CONFIG, weight="C")
        + SearchVector("body", config=FOLD_CONFIG, weight="D")
    )


@transaction.atomic
def reindex(*, project_ids: Iterable[int] = (), offer_ids: Iterable[int] = ()) -> int:
    """Rewrite the index rows of these projects (with all their offers) and offers.

    Ids of objects deleted meanwhile are skipped (their rows went with them: CASCADE).
    Returns the number of rows written. A fixed number of queries, whatever the counts.
    """
    project_ids, offer_ids = set(project_ids), set(offer_ids)
    if not project_ids and not offer_ids:
        return 0
    projects = Project.objects.filter(pk__in=project_ids).prefetch_related("subgroups")
    offers = SupportOffer.objects.filter(
        Q(pk__in=offer_ids) | Q(project_id__in=project_ids)
    ).for_listing()
    SearchDocument.objects.filter(
        Q(project_id__in=project_ids) | Q(offer_id__in=offer_ids)
    ).delete()
    rows = SearchDocument.objects.bulk_create(list(_documents(projects, offers)))
    if rows and uses_postgresql_search():
        SearchDocument.objects.filter(pk__in=[row.pk for row in rows]).update(vector=_vector())
    return len(rows)


@transaction.atomic
def rebuild() -> int:
    """The whole index from scratch."""
    SearchDocument.objects.all().delete()
    return reindex(
        project_ids=Project.objects.values_list("pk", flat=True),
        offer_ids=SupportOffer.objects.values_list("pk", flat=True),
    )
