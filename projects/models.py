"""Organisations, EU-funded projects, their funding agreements and partnerships."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.money import percent_of

postcode_validator = RegexValidator(r"^\d{2}-\d{3}$", _("Podaj kod pocztowy w formacie 00-000."))


class Voivodeship(models.TextChoices):
    DOLNOSLASKIE = "dolnośląskie", _("dolnośląskie")
    KUJAWSKO_POMORSKIE = "kujawsko-pomorskie", _("kujawsko-pomorskie")
    LUBELSKIE = "lubelskie", _("lubelskie")
    LUBUSKIE = "lubuskie", _("lubuskie")
    LODZKIE = "łódzkie", _("łódzkie")
    MALOPOLSKIE = "małopolskie", _("małopolskie")
    MAZOWIECKIE = "mazowieckie", _("mazowieckie")
    OPOLSKIE = "opolskie", _("opolskie")
    PODKARPACKIE = "podkarpackie", _("podkarpackie")
    PODLASKIE = "podlaskie", _("podlaskie")
    POMORSKIE = "pomorskie", _("pomorskie")
    SLASKIE = "śląskie", _("śląskie")
    SWIETOKRZYSKIE = "świętokrzyskie", _("świętokrzyskie")
    WARMINSKO_MAZURSKIE = "warmińsko-mazurskie", _("warmińsko-mazurskie")
    WIELKOPOLSKIE = "wielkopolskie", _("wielkopolskie")
    ZACHODNIOPOMORSKIE = "zachodniopomorskie", _("zachodniopomorskie")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("gmina / miasto")
        SOCIAL_ASSISTANCE_CENTRE = "social_assistance_centre", _("ośrodek pomocy społecznej")
        CITY_OFFICE_DEPARTMENT = "city_office_department", _("wydział / biuro urzędu miasta")
        CENTRAL_PUBLIC_BODY = "central_public_body", _("instytucja centralna")
        NGO = "ngo", _("organizacja pozarządowa")
        FOREIGN_PUBLIC_BODY = "foreign_public_body", _("zagraniczna instytucja publiczna")

    name = models.CharField(_("nazwa"), max_length=255, unique=True)
    kind = models.CharField(_("rodzaj"), max_length=32, choices=Kind.choices)
    street = models.CharField(_("ulica i numer"), max_length=255, blank=True)
    postcode = models.CharField(
        _("kod pocztowy"), max_length=6, blank=True, validators=[postcode_validator]
    )
    town = models.CharField(_("miejscowość"), max_length=100, blank=True)
    country = models.CharField(_("kraj"), max_length=100, blank=True, default="Polska")
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("strona internetowa"), blank=True)

    class Meta:
        verbose_name = _("organizacja")
        verbose_name_plural = _("organizacje")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        town = " ".join(part for part in (self.postcode, self.town) if part)
        return ", ".join(part for part in (self.street, town) if part)


class ProjectQuerySet(models.QuerySet):
    """Status is derived from the dates, so these filters take `today` (Europe/Warsaw)."""

    def planned(self, today: date | None = None):
        return self.filter(start_date__gt=today or timezone.localdate())

    def ongoing(self, today: date | None = None):
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today, end_date__gte=today)

    def completed(self, today: date | None = None):
        return self.filter(end_date__lt=today or timezone.localdate())

    def with_status_order(self, today: date | None = None):
        """Ongoing first, then planned, then the archive of completed projects, newest first."""
        today = today or timezone.localdate()
        rank = models.Case(
            models.When(start_date__lte=today, end_date__gte=today, then=0),
            models.When(start_date__gt=today, then=1),
            default=2,
            output_field=models.IntegerField(),
        )
        return self.alias(status_rank=rank).order_by("status_rank", "-start_date", "title")

    def for_user(self, user):
        """The projects a staff user works in: all for a superuser, none for anyone inactive."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        # (user, project) is unique, so the join adds no duplicates.
        return self.filter(memberships__user=user)


class Project(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planowany")
        ONGOING = "ongoing", _("w trakcie realizacji")
        COMPLETED = "completed", _("zakończony")

    class ProgrammingPeriod(models.TextChoices):
        P2007_2013 = "2007-2013", "2007–2013"
        P2014_2020 = "2014-2020", "2014–2020"
        P2021_2027 = "2021-2027", "2021–2027"

    class Programme(models.TextChoices):
        PO_KL = "PO KL", _("Program Operacyjny Kapitał Ludzki 2007–2013")
        PO_WER = "PO WER", _("Program Operacyjny Wiedza Edukacja Rozwój 2014–2020")
        RPO_WO = (
            "RPO WO 2014-2020",
            _("Regionalny Program Operacyjny Województwa Opolskiego 2014–2020"),
        )
        RPO_WM = (
            "RPO WM 2014-2020",
            _("Regionalny Program Operacyjny Województwa Małopolskiego 2014–2020"),
        )
        FERS = "FERS", _("Fundusze Europejskie dla Rozwoju Społecznego 2021–2027")

    class Fund(models.TextChoices):
        EFS = "EFS", _("Europejski Fundusz Społeczny")
        EFS_PLUS = "EFS+", _("Europejski Fundusz Społeczny Plus")

    title = models.CharField(_("tytuł"), max_length=255)
    slug = models.SlugField(
        _("adres w portalu"),
        max_length=80,
        unique=True,
        error_messages={"unique": _("Projekt o takim adresie już istnieje.")},
    )
    city = models.CharField(_("miasto"), max_length=100, db_index=True)
    voivodeship = models.CharField(_("województwo"), max_length=32, choices=Voivodeship.choices)
    start_date = models.DateField(_("początek realizacji"))
    end_date = models.DateField(_("koniec realizacji"))
    period_note = models.CharField(
        _("uwaga o okresie"),
        max_length=200,
        blank=True,
        help_text=_("Np. gdy źródło podaje tylko miesiące realizacji."),
    )
    programming_period = models.CharField(
        _("okres programowania"), max_length=9, choices=ProgrammingPeriod.choices
    )
    programme = models.CharField(_("program"), max_length=32, choices=Programme.choices, blank=True)
    priority_axis = models.CharField(_("oś priorytetowa"), max_length=200, blank=True)
    measure = models.CharField(_("działanie"), max_length=200, blank=True)
    call_number = models.CharField(_("numer naboru"), max_length=100, blank=True)
    fund = models.CharField(_("fundusz"), max_length=4, choices=Fund.choices, default=Fund.EFS)
    programme_specific_objective = models.TextField(_("cel szczegółowy programu"), blank=True)
    category = models.CharField(_("kategoria"), max_length=100, blank=True)
    topic = models.CharField(_("temat"), max_length=100, blank=True)
    area = models.CharField(_("obszar realizacji"), max_length=200, blank=True)
    summary = models.TextField(_("streszczenie"))
    description = models.TextField(_("opis"), blank=True)
    main_goal = models.TextField(_("cel główny"), blank=True)
    target_groups = models.TextField(_("grupy docelowe"), blank=True)
    expected_results = models.TextField(_("rezultaty"), blank=True)
    target_participants = models.PositiveIntegerField(
        _("docelowa liczba uczestników projektu"), null=True, blank=True
    )
    easy_to_read = models.TextField(
        _("tekst łatwy do czytania (ETR)"),
        blank=True,
        help_text=_("Krótkie zdania, proste słowa: co to za projekt, dla kogo, jak dostać pomoc."),
    )
    sign_language_video_url = models.URLField(
        _("nagranie w polskim języku migowym (PJM)"), blank=True
    )
    funding_statement = models.TextField(
        _("informacja o współfinansowaniu"),
        blank=True,
        help_text=_("Jeśli puste, portal pokaże standardową informację dla funduszu projektu."),
    )
    logo_strip = models.FileField(
        _("zestawienie logotypów"),
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "svg", "webp"])],
    )
    logo_strip_alt = models.CharField(
        _("tekst alternatywny logotypów"),
        max_length=300,
        blank=True,
        help_text=_(
            "Wymień znaki widoczne na obrazku, np. „Fundusze Europejskie, …, Unia Europejska”."
        ),
    )
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekty")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="project_ends_after_start",
                violation_error_message=_("Koniec realizacji nie może być przed jej początkiem."),
            ),
        ]
        indexes = [models.Index(fields=["start_date", "end_date"], name="project_period_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Koniec realizacji nie może być przed jej początkiem.")}
            )

    def status_on(self, today: date) -> str:
        if today < self.start_date:
            return self.Status.PLANNED
        if today > self.end_date:
            return self.Status.COMPLETED
        return self.Status.ONGOING

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def default_funding_statement(self) -> str:
        if self.fund == self.Fund.EFS_PLUS:
            return _(
                "Projekt współfinansowany ze środków Unii Europejskiej w ramach "
                "Europejskiego Funduszu Społecznego Plus."
            )
        return _(
            "Projekt współfinansowany przez Unię Europejską w ramach środków "
            "Europejskiego Funduszu Społecznego."
        )

    @property
    def effective_funding_statement(self) -> str:
        return self.funding_statement or self.default_funding_statement


class ProjectContactQuerySet(models.QuerySet):
    def reachable(self):
        """Contacts a family can call or write to, in the project's order."""
        return self.exclude(phone="", email="").order_by("order", "pk")

    def with_phone(self):
        return self.exclude(phone="").order_by("order", "pk")


class ProjectContact(models.Model):
    """A place to reach the project: its office, the implementing unit, a hotline."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("projekt")
    )
    label = models.CharField(_("nazwa"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    street = models.CharField(_("ulica i numer"), max_length=255, blank=True)
    postcode = models.CharField(
        _("kod pocztowy"), max_length=6, blank=True, validators=[postcode_validator]
    )
    town = models.CharField(_("miejscowość"), max_length=100, blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    objects = ProjectContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontakt projektu")
        verbose_name_plural = _("kontakty projektu")
        ordering = ["project", "order", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def address(self) -> str:
        town = " ".join(part for part in (self.postcode, self.town) if part)
        return ", ".join(part for part in (self.street, town) if part)

    @property
    def phone_uri(self) -> str:
        """The number as a `tel:` URI: digits only, with Poland's country code."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if not digits:
            return ""
        if len(digits) == 9:
            digits = "48" + digits
        return f"tel:+{digits}"


money_field_options = {
    "max_digits": 14,
    "decimal_places": 2,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal("0"))],
}


class Funding(models.Model):
    """The funding agreement's figures, in PLN. Blank where the public source gives none.

    Co-financing is part of the total value; the EU share and the state subsidy (dotacja
    celowa) are parts of the co-financing; the own contribution is the rest of the value.
    """

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="funding", verbose_name=_("projekt")
    )
    total_value = models.DecimalField(_("wartość projektu (zł)"), **money_field_options)
    co_financing = models.DecimalField(_("dofinansowanie (zł)"), **money_field_options)
    eu_share = models.DecimalField(_("w tym ze środków UE (zł)"), **money_field_options)
    state_subsidy = models.DecimalField(
        _("w tym dotacja celowa z budżetu państwa (zł)"), **money_field_options
    )
    own_contribution = models.DecimalField(_("wkład własny (zł)"), **money_field_options)

    class Meta:
        verbose_name = _("finansowanie")
        verbose_name_plural = _("finansowanie")
        constraints = [
            models.CheckConstraint(
                condition=Q(co_financing__lte=F("total_value"))
                | Q(co_financing__isnull=True)
                | Q(total_value__isnull=True),
                name="funding_co_financing_within_value",
                violation_error_message=_(
                    "Dofinansowanie nie może być wyższe niż wartość projektu."
                ),
            ),
            models.CheckConstraint(
                condition=Q(eu_share__lte=F("co_financing"))
                | Q(eu_share__isnull=True)
                | Q(co_financing__isnull=True),
                name="funding_eu_share_within_co_financing",
                violation_error_message=_("Wkład UE nie może być wyższy niż dofinansowanie."),
            ),
            models.CheckConstraint(
                condition=Q(state_subsidy__lte=F("co_financing") - F("eu_share"))
                | Q(state_subsidy__isnull=True)
                | Q(co_financing__isnull=True)
                | Q(eu_share__isnull=True),
                name="funding_subsidy_within_co_financing",
                violation_error_message=_(
                    "Wkład UE i dotacja celowa razem nie mogą przekroczyć dofinansowania."
                ),
            ),
            models.CheckConstraint(
                condition=Q(own_contribution__lte=F("total_value") - F("co_financing"))
                | Q(own_contribution__isnull=True)
                | Q(total_value__isnull=True)
                | Q(co_financing__isnull=True),
                name="funding_parts_within_value",
                violation_error_message=_(
                    "Dofinansowanie i wkład własny razem nie mogą przekroczyć wartości projektu."
                ),
            ),
            models.CheckConstraint(
                condition=Q(own_contribution__lte=F("total_value"))
                | Q(own_contribution__isnull=True)
                | Q(total_value__isnull=True),
                name="funding_own_contribution_within_value",
                violation_error_message=_("Wkład własny nie może być wyższy niż wartość projektu."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.project)

    def clean(self):
        super().clean()
        errors = {}
        value, co_financing = self.total_value, self.co_financing
        if value is not None and co_financing is not None and co_financing > value:
            errors["co_financing"] = _("Dofinansowanie nie może być wyższe niż wartość projektu.")
        if co_financing is not None and self.eu_share is not None:
            if self.eu_share > co_financing:
                errors["eu_share"] = _("Wkład UE nie może być wyższy niż dofinansowanie.")
            elif (
                self.state_subsidy is not None and self.eu_share + self.state_subsidy > co_financing
            ):
                errors["state_subsidy"] = _(
                    "Wkład UE i dotacja celowa razem nie mogą przekroczyć dofinansowania."
                )
        if value is not None and self.own_contribution is not None:
            if self.own_contribution > value:
                errors["own_contribution"] = _(
                    "Wkład własny nie może być wyższy niż wartość projektu."
                )
            elif co_financing is not None and co_financing + self.own_contribution > value:
                errors["own_contribution"] = _(
                    "Dofinansowanie i wkład własny razem nie mogą przekroczyć wartości projektu."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def co_financing_percent(self) -> Decimal | None:
        return percent_of(self.co_financing, self.total_value)

    @property
    def eu_share_percent(self) -> Decimal | None:
        """The EU share as a percentage of the total value, as funding notices give it."""
        return percent_of(self.eu_share, self.total_value)

    @property
    def eu_share_of_co_financing_percent(self) -> Decimal | None:
        return percent_of(self.eu_share, self.co_financing)

    @property
    def remaining_co_financing(self) -> Decimal | None:
        """Co-financing not from the EU (usually the state budget), when the source omits it."""
        if self.co_financing is None or self.eu_share is None:
            return None
        return self.co_financing - self.eu_share - (self.state_subsidy or Decimal("0"))

    @property
    def derived_own_contribution(self) -> Decimal | None:
        if self.own_contribution is not None:
            return self.own_contribution
        if self.total_value is None or self.co_financing is None:
            return None
        return self.total_value - self.co_financing


class Partnership(models.Model):
    class Role(models.TextChoices):
        LEADER = "leader", _("lider / beneficjent")
        IMPLEMENTING_UNIT = "implementing_unit", _("jednostka realizująca")
        NATIONAL_PARTNER = "national_partner", _("partner krajowy")
        TRANSNATIONAL_PARTNER = "transnational_partner", _("partner ponadnarodowy")
        CONTRACTED_NGO = "contracted_ngo", _("organizacja pozarządowa – zlecenie")
        INITIATOR = "initiator", _("inicjator projektu")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("projekt")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("organizacja"),
    )
    role = models.CharField(_("rola"), max_length=32, choices=Role.choices)
    note = models.CharField(_("uwagi"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("partnerstwo")
        verbose_name_plural = _("partnerzy i realizatorzy")
        ordering = ["project", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"],
                name="partnership_unique_role",
                violation_error_message=_("Ta organizacja ma już tę rolę w projekcie."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.get_role_display()}"


# --- Staff: organisations, project roles ---------------------------------------------------


class StaffRole(models.TextChoices):
    CASEWORKER = "caseworker", _("pracownik socjalny")
    SPECIALIST = "specialist", _("specjalista")
    COORDINATOR = "coordinator", _("koordynator")
    CENTRE_ADMIN = "centre_admin", _("administrator ośrodka")


class StaffProfile(models.Model):
    """Which organisation a staff user works for; one per user, kept deliberately small."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("użytkownik"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="staff", verbose_name=_("organizacja")
    )
    job_title = models.CharField(_("stanowisko"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("profil pracownika")
        verbose_name_plural = _("profile pracowników")

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class ProjectMembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(user__is_active=True)


class ProjectMembership(models.Model):
    """A staff user's role in one project; the single source of row-level scoping."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="project_memberships",
        verbose_name=_("użytkownik"),
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("projekt")
    )
    role = models.CharField(_("rola"), max_length=20, choices=StaffRole.choices)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)

    objects = ProjectMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("członkostwo w projekcie")
        verbose_name_plural = _("członkostwa w projektach")
        ordering = ["project", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "project"],
                name="membership_unique_user_project",
                violation_error_message=_("Ten użytkownik ma już rolę w tym projekcie."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.project} ({self.get_role_display()})"
