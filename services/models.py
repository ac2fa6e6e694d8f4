"""What families can get: support offers, the specialists and places behind them, activities
and the outputs (deliverables) a project promised."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from participants.models import ParticipantSubgroup
from projects.models import Project


class Vocabulary(models.Model):
    """A small, admin-editable list of named kinds, addressed by a stable slug."""

    slug = models.SlugField(_("identyfikator"), max_length=50, unique=True)
    name = models.CharField(_("nazwa"), max_length=100)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class SpecialistKind(Vocabulary):
    """Psychologist, dietitian, career counsellor, paediatric nurse, lawyer, …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("rodzaj specjalisty")
        verbose_name_plural = _("rodzaje specjalistów")


class PlaceKind(Vocabulary):
    """Maternity ward, birthing school, office, home visit, hotline, online."""

    is_remote = models.BooleanField(
        _("na odległość"), default=False, help_text=_("Infolinia, czat, wideorozmowa.")
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("rodzaj miejsca")
        verbose_name_plural = _("rodzaje miejsc")


class Situation(Vocabulary):
    """A family's situation, the way a parent would look for help ("we just had a baby")."""

    description = models.TextField(_("opis"), blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("sytuacja rodziny")
        verbose_name_plural = _("sytuacje rodzin")


class SupportOfferQuerySet(models.QuerySet):
    def for_listing(self):
        """What a list of offers shows, fetched in a fixed number of queries."""
        return self.select_related("project").prefetch_related(
            "specialist_kinds", "place_kinds", "situations"
        )


class SupportOffer(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="offers", verbose_name=_("projekt")
    )
    subgroup = models.ForeignKey(
        ParticipantSubgroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("podgrupa uczestników"),
    )
    title = models.CharField(_("nazwa"), max_length=200)
    slug = models.SlugField(_("adres w portalu"), max_length=80)
    description = models.TextField(_("na czym polega"))
    who_for = models.TextField(_("dla kogo"))
    how_to_get = models.TextField(_("jak skorzystać"), blank=True)
    specialist_kinds = models.ManyToManyField(
        SpecialistKind, blank=True, related_name="offers", verbose_name=_("specjaliści")
    )
    place_kinds = models.ManyToManyField(
        PlaceKind, blank=True, related_name="offers", verbose_name=_("miejsca")
    )
    situations = models.ManyToManyField(
        Situation, blank=True, related_name="offers", verbose_name=_("sytuacje rodzin")
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    objects = SupportOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("oferta wsparcia")
        verbose_name_plural = _("oferty wsparcia")
        ordering = ["project", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "slug"],
                name="offer_unique_slug_per_project",
                violation_error_message=_("Projekt ma już ofertę o takim adresie."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "services:offer-detail", kwargs={"project_slug": self.project.slug, "slug": self.slug}
        )


class Activity(models.Model):
    """An activity the project planned (camps, workshops, meetings…), with its planned count."""

    class Kind(models.TextChoices):
        SUMMER_CAMP = "summer_camp", _("kolonie letnie")
        WINTER_TRIP = "winter_trip", _("wyjazd w ferie zimowe")
        WORKSHOP = "workshop", _("warsztaty")
        ART_CONTEST = "art_contest", _("konkurs plastyczny")
        INTEGRATION_MEETING = "integration_meeting", _("spotkanie integracyjne")
        INTEGRATION_TRIP = "integration_trip", _("wyjazd integracyjny")
        CONFERENCE = "conference", _("konferencja")
        PICNIC = "picnic", _("piknik")
        TRAINING = "training", _("szkolenie")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="activities", verbose_name=_("projekt")
    )
    kind = models.CharField(_("rodzaj"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("nazwa"), max_length=200, blank=True)
    description = models.TextField(_("opis"), blank=True)
    planned_count = models.PositiveIntegerField(_("planowana liczba"), null=True, blank=True)
    start_date = models.DateField(_("od"), null=True, blank=True)
    end_date = models.DateField(_("do"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("działanie")
        verbose_name_plural = _("działania")
        ordering = ["project", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date"))
                | models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True),
                name="activity_ends_after_start",
                violation_error_message=_("Data końcowa nie może być przed początkową."),
            )
        ]

    def __str__(self) -> str:
        return self.name or self.get_kind_display()


class Deliverable(models.Model):
    """A named output the project promised: a model element, a guide, a website, a hotline."""

    class Kind(models.TextChoices):
        MODEL_ELEMENT = "model_element", _("element modelu")
        MODEL = "model", _("model")
        STANDARD = "standard", _("standard")
        GUIDE = "guide", _("poradnik")
        PROGRAMME = "programme", _("program")
        DIAGNOSIS = "diagnosis", _("diagnoza")
        REPORT = "report", _("raport")
        WEBSITE = "website", _("strona internetowa")
        HOTLINE = "hotline", _("infolinia")
        PUBLICATION = "publication", _("publikacja")
        RECOMMENDATIONS = "recommendations", _("rekomendacje")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="deliverables", verbose_name=_("projekt")
    )
    kind = models.CharField(_("rodzaj"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("nazwa"), max_length=500)
    description = models.TextField(_("opis"), blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("produkt projektu")
        verbose_name_plural = _("produkty projektu")
        ordering = ["project", "order", "pk"]

    def __str__(self) -> str:
        return self.name
