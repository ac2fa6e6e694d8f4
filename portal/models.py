"""The accessibility statement (deklaracja dostępności) the law on digital accessibility of
public bodies' websites (ustawa z 4 kwietnia 2019 r., art. 10) requires, with every element of
the statutory template, edited in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityStatementQuerySet(models.QuerySet):
    def current(self):
        """The statement the portal shows: the one most recently published."""
        return self.order_by("-site_updated_on", "-pk").first()


class AccessibilityStatement(models.Model):
    class Compliance(models.TextChoices):
        FULL = "full", _("zgodna")
        PARTIAL = "partial", _("częściowo zgodna")
        NONE = "none", _("niezgodna")

    class Method(models.TextChoices):
        SELF_ASSESSMENT = "self", _("samoocena przeprowadzona przez podmiot publiczny")
        EXTERNAL = "external", _("badanie przeprowadzone przez podmiot zewnętrzny")

    entity_name = models.CharField(
        _("nazwa podmiotu publicznego"),
        max_length=255,
        help_text=_("Podmiot, który zobowiązuje się zapewnić dostępność strony."),
    )
    site_name = models.CharField(_("nazwa strony internetowej"), max_length=255)
    site_url = models.URLField(_("adres strony internetowej"))
    site_published_on = models.DateField(_("data publikacji strony"))
    site_updated_on = models.DateField(_("data ostatniej istotnej aktualizacji strony"))
    compliance = models.CharField(
        _("status zgodności z ustawą"), max_length=8, choices=Compliance.choices
    )
    inaccessible_content = models.TextField(
        _("treści niedostępne"),
        blank=True,
        help_text=_("Co nie jest dostępne i dlaczego (w tym wyłączenia z art. 3 ustawy)."),
    )
    prepared_on = models.DateField(_("data sporządzenia deklaracji"))
    reviewed_on = models.DateField(_("data ostatniego przeglądu deklaracji"), null=True, blank=True)
    method = models.CharField(
        _("metoda przygotowania deklaracji"), max_length=8, choices=Method.choices
    )
    assessor = models.CharField(
        _("podmiot zewnętrzny, który zbadał stronę"), max_length=255, blank=True
    )
    contact_person = models.CharField(_("osoba kontaktowa"), max_length=200)
    contact_email = models.EmailField(_("e-mail osoby kontaktowej"))
    contact_phone = models.CharField(_("telefon osoby kontaktowej"), max_length=40)
    architectural_accessibility = models.TextField(
        _("dostępność architektoniczna"),
        help_text=_(
            "Wejścia, windy, toalety, miejsca parkingowe, pies asystujący, pętle indukcyjne, "
            "tłumacz PJM – dla każdego budynku."
        ),
    )
    additional_information = models.TextField(
        _("informacje dodatkowe"),
        blank=True,
        help_text=_("Np. skróty klawiaturowe, aplikacje mobilne, dostępność językowa."),
    )
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = AccessibilityStatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("deklaracja dostępności")
        verbose_name_plural = _("deklaracje dostępności")

    def __str__(self) -> str:
        return f"{self.site_name} ({self.site_updated_on:%Y-%m-%d})"
