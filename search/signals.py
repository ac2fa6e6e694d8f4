"""Catalogue changes mark objects for reindexing; the index is written once per commit.

Saves, deletes and many-to-many changes of projects, their subgroups, offers and the
vocabularies offers name are caught here. `QuerySet.update()` sends no signal: after one,
run `manage.py rebuild_search_index`.
"""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save

from participants.models import ParticipantSubgroup
from projects.models import Project
from services.models import PlaceKind, Situation, SpecialistKind, SupportOffer

_pending = threading.local()


def _state() -> dict[str, set[int]]:
    if not hasattr(_pending, "ids"):
        _pending.ids = {"projects": set(), "offers": set()}
    return _pending.ids


def mark(*, project_ids=(), offer_ids=()) -> None:
    """Reindex these objects when the current transaction commits (at once in autocommit).

    Every call registers a flush; the first flush of a commit writes everything marked and
    the others find nothing left. Ids marked in a transaction that was rolled back stay
    marked until the next flush, which then reindexes them once more, or skips them if they
    no longer exist: harmless either way, never lost.
    """
    state = _state()
    state["projects"].update(project_ids)
    state["offers"].update(offer_ids)
    # robust: the catalogue change is committed by now; a failing reindex is logged (and
    # mended by `rebuild_search_index`) instead of turning a saved change into an error page.
    transaction.on_commit(flush, robust=True)


def flush() -> None:
    from search.index import reindex

    state = _state()
    project_ids, offer_ids = set(state["projects"]), set(state["offers"])
    state["projects"].clear()
    state["offers"].clear()
    reindex(project_ids=project_ids, offer_ids=offer_ids)


def _project_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark(project_ids=[instance.pk])


def _subgroup_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark(project_ids=[instance.project_id])


def _subgroup_deleted(sender, instance, **kwargs):
    mark(project_ids=[instance.project_id])


def _offer_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark(offer_ids=[instance.pk])


def _vocabulary_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark(offer_ids=instance.offers.values_list("pk", flat=True))


def _offer_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if not reverse:
        mark(offer_ids=[instance.pk])
    elif action == "pre_clear":
        # A kind losing all its offers: they are known only before the clear.
        mark(offer_ids=instance.offers.values_list("pk", flat=True))
    else:
        mark(offer_ids=pk_set or ())


def build_index_if_empty(sender, using="default", **kwargs):
    """After `migrate`: fill the index of a database that has a catalogue but no index yet
    (the first migrate after the search app was added). Later changes go through signals."""
    from django.db import connections

    from search.index import rebuild
    from search.models import SearchDocument

    # Migrating backwards may leave either table missing.
    tables = set(connections[using].introspection.table_names())
    if not {Project._meta.db_table, SearchDocument._meta.db_table} <= tables:
        return
    if Project.objects.using(using).exists() and not SearchDocument.objects.using(using).exists():
        rebuild()


def connect() -> None:
    from django.db.models.signals import post_delete

    post_save.connect(_project_saved, sender=Project, dispatch_uid="search-project")
    post_save.connect(_subgroup_saved, sender=ParticipantSubgroup, dispatch_uid="search-subgroup")
    post_delete.connect(
        _subgroup_deleted, sender=ParticipantSubgroup, dispatch_uid="search-subgroup-delete"
    )
    post_save.connect(_offer_saved, sender=SupportOffer, dispatch_uid="search-offer")
    for vocabulary in (SpecialistKind, PlaceKind, Situation):
        post_save.connect(
            _vocabulary_saved, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}"
        )
    for field in ("specialist_kinds", "place_kinds", "situations"):
        m2m_changed.connect(
            _offer_links_changed,
            sender=getattr(SupportOffer, field).through,
            dispatch_uid=f"search-offer-{field}",
        )
