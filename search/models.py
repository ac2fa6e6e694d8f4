"""The search index: one row per public object (project or support offer) and language.

It is derived data, rebuilt from the catalogue by `search.index`; never edit it by hand.
A row holds the texts a family reads in that language (Polish where a translation is missing),
so a search reads one table with one query whatever the catalogue's size.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        PROJECT = "project", _("projekt")
        OFFER = "offer", _("oferta wsparcia")

    kind = models.CharField(_("rodzaj"), max_length=8, choices=Kind.choices)
    language = models.CharField(_("język"), max_length=8)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="+", verbose_name=_("projekt")
    )
    offer = models.ForeignKey(
        "services.SupportOffer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oferta wsparcia"),
    )
    title = models.CharField(_("tytuł"), max_length=255)
    body = models.TextField(_("treść"))
    # SQLite: the title and body folded (lower case, no diacritics, "ł" as "l"), one space
    # before and after every word, so `LIKE '% word%'` is a case- and accent-insensitive word
    # prefix match. A stored column rather than a registered SQLite function: the folding
    # then runs once per save in Python instead of on every row of every search, and the
    # same `contains` lookup works without a per-connection hook.
    folded = models.TextField(_("tekst do wyszukiwania"), blank=True)
    # PostgreSQL: the weighted tsvector of title and body, filled in SQL by `search.index`
    # (stemmed with the `portal_search` configuration, and accent-folded with
    # `polish_unaccent`); GIN-indexed by migration 0002. Always empty on SQLite.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("dokument wyszukiwarki")
        verbose_name_plural = _("dokumenty wyszukiwarki")
        constraints = [
            # One row per object and language (partial: a project's own row has no offer).
            models.UniqueConstraint(
                fields=["project", "language"],
                condition=models.Q(offer__isnull=True),
                name="search_project_doc_unique",
            ),
            models.UniqueConstraint(
                fields=["offer", "language"],
                condition=models.Q(offer__isnull=False),
                name="search_offer_doc_unique",
            ),
        ]
        indexes = [models.Index(fields=["language", "kind"], name="search_doc_language_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"
