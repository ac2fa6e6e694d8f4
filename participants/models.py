"""Participant subgroups written into a project's funding agreement, with their targets.

Participant records (families, persons, enrolments) build on these.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.models import Project


class ParticipantSubgroup(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="subgroups", verbose_name=_("projekt")
    )
    name = models.CharField(_("nazwa"), max_length=300)
    description = models.TextField(_("opis"), blank=True)
    target_families = models.PositiveIntegerField(
        _("docelowa liczba rodzin"), null=True, blank=True
    )
    target_participants = models.PositiveIntegerField(
        _("docelowa liczba uczestników"), null=True, blank=True
    )
    target_note = models.CharField(
        _("uwaga o celu"),
        max_length=200,
        blank=True,
        help_text=_("Np. „ok. 20 rodzin”, gdy umowa podaje wartość przybliżoną."),
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("podgrupa uczestników")
        verbose_name_plural = _("podgrupy uczestników")
        ordering = ["project", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "name"],
                name="subgroup_unique_name_per_project",
                violation_error_message=_("Projekt ma już podgrupę o tej nazwie."),
            )
        ]

    def __str__(self) -> str:
        return self.name
