"""The offer list's filters: a GET form (django-filter) whose state lives in the URL."""

import django_filters
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Project
from services.models import PlaceKind, Situation, SpecialistKind, SupportOffer


class ProjectStatus(models.TextChoices):
    ONGOING = "ongoing", _("trwające")
    PLANNED = "planned", _("planowane")
    COMPLETED = "completed", _("zakończone (archiwum)")


def city_choices():
    cities = Project.objects.order_by("city").values_list("city", flat=True).distinct()
    return [(city, city) for city in cities]


def status_ordered(queryset, today=None):
    """Offers of ongoing projects first, then planned ones, then the archive, newest first."""
    today = today or timezone.localdate()
    rank = models.Case(
        models.When(project__start_date__lte=today, project__end_date__gte=today, then=0),
        models.When(project__start_date__gt=today, then=1),
        default=2,
        output_field=models.IntegerField(),
    )
    return queryset.alias(status_rank=rank).order_by(
        "status_rank", "-project__start_date", "project__title", "order", "pk"
    )


class OfferFilter(django_filters.FilterSet):
    city = django_filters.ChoiceFilter(
        field_name="project__city",
        label=_("Miasto"),
        choices=city_choices,
        empty_label=_("wszystkie"),
    )
    situation = django_filters.ModelChoiceFilter(
        field_name="situations",
        to_field_name="slug",
        queryset=Situation.objects.all(),
        label=_("Sytuacja rodziny"),
        empty_label=_("wszystkie"),
    )
    specialist = django_filters.ModelChoiceFilter(
        field_name="specialist_kinds",
        to_field_name="slug",
        queryset=SpecialistKind.objects.all(),
        label=_("Specjalista"),
        empty_label=_("wszyscy"),
    )
    place = django_filters.ModelChoiceFilter(
        field_name="place_kinds",
        to_field_name="slug",
        queryset=PlaceKind.objects.all(),
        label=_("Gdzie"),
        empty_label=_("wszędzie (także infolinia i internet)"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Stan projektu"),
        choices=ProjectStatus.choices,
        method="filter_status",
        empty_label=_("wszystkie, trwające najpierw"),
    )

    class Meta:
        model = SupportOffer
        fields = ["city", "situation", "specialist", "place", "status"]

    def filter_status(self, queryset, name, value):
        projects = {
            ProjectStatus.ONGOING: Project.objects.ongoing(),
            ProjectStatus.PLANNED: Project.objects.planned(),
            ProjectStatus.COMPLETED: Project.objects.completed(),
        }[value]
        return queryset.filter(project__in=projects)

    @property
    def qs(self):
        # Ongoing projects' offers come first; completed ones stay listed, as the archive.
        return status_ordered(super().qs)
