"""What families can get: support offers, the specialists and places behind them, activities
and the outputs (deliverables) a project promised."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from participants.models import Enrolment, Family, ParticipantSubgroup, Person
from projects.constraints import ConstraintErrorsOnFields
from projects.models import Project, ProjectMembership
from projects.scoping import RECORD_KEEPING_ROLES, scope_to_projects
from services.phone import validate_polish_phone

MATERNITY_WARD_SLUG = "maternity-ward"
HOTLINE_SLUG = "hotline"
MAX_CONSULTATION_MINUTES = 480


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
    def hotlines(self):
        """Offers given over a hotline, with their project."""
        return self.filter(place_kinds__slug=HOTLINE_SLUG).select_related("project")

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


class ConsultationQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_to_projects(self, user)

    def for_listing(self):
        return self.select_related("project", "specialist_kind", "place_kind", "specialist")


class Consultation(ConstraintErrorsOnFields, models.Model):
    """One specialist consultation given to a person and/or a family of a project."""

    constraint_error_fields = {"no_participant": "person", "duration_range": "duration_minutes"}

    class Form(models.TextChoices):
        INDIVIDUAL = "individual", _("indywidualna")
        GROUP = "group", _("grupowa")

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("projekt")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("osoba"),
    )
    family = models.ForeignKey(
        Family,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("rodzina"),
    )
    specialist_kind = models.ForeignKey(
        SpecialistKind,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("rodzaj specjalisty"),
    )
    specialist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="consultations_given",
        verbose_name=_("specjalista"),
    )
    date = models.DateField(_("data"))
    start_time = models.TimeField(_("godzina rozpoczęcia"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("czas trwania (min)"),
        validators=[
            MinValueValidator(1, _("Czas trwania musi wynosić co najmniej 1 minutę.")),
            MaxValueValidator(
                MAX_CONSULTATION_MINUTES,
                _("Konsultacja nie może trwać dłużej niż 8 godzin (480 minut)."),
            ),
        ],
    )
    place_kind = models.ForeignKey(
        PlaceKind,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("miejsce"),
    )
    hospital_name = models.CharField(
        _("szpital"), max_length=200, blank=True, help_text=_("Wymagany na oddziale położniczym.")
    )
    form = models.CharField(
        _("forma"), max_length=12, choices=Form.choices, default=Form.INDIVIDUAL
    )
    topic = models.CharField(_("temat"), max_length=300, blank=True)
    notes = models.TextField(
        _("notatki"),
        blank=True,
        help_text=_("Czytają je tylko autor, koordynatorzy i administratorzy ośrodka."),
    )
    # Set by the form that submits it, so a double submission is recorded once.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wprowadził(a)"),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("konsultacja")
        verbose_name_plural = _("konsultacje")
        ordering = ["-date", "-start_time", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(family__isnull=False),
                name="consultation_has_participant",
                violation_error_code="no_participant",
                violation_error_message=_("Wskaż osobę albo rodzinę."),
            ),
            models.CheckConstraint(
                condition=Q(
                    duration_minutes__gte=1, duration_minutes__lte=MAX_CONSULTATION_MINUTES
                ),
                name="consultation_duration_range",
                violation_error_code="duration_range",
                violation_error_message=_("Czas trwania musi wynosić od 1 do 480 minut."),
            ),
        ]
        indexes = [
            models.Index(fields=["project", "date"], name="consultation_project_date_idx"),
            models.Index(fields=["specialist_kind", "date"], name="consultation_kind_date_idx"),
            models.Index(fields=["place_kind"], name="consultation_place_idx"),
            models.Index(fields=["specialist"], name="consultation_specialist_idx"),
            # Reports: the admin's "form" filter.
            models.Index(fields=["form", "date"], name="consultation_form_date_idx"),
            # The changelist's order (Meta.ordering), for all projects and for one project:
            # its first page without sorting the table.
            models.Index(
                fields=["-date", "-start_time", "-id"], name="consultation_list_order_idx"
            ),
            models.Index(
                fields=["project", "-date", "-start_time", "-id"],
                name="consultation_project_order_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"

    def validate_constraints(self, exclude=None):
        # The range validators already put the message next to the field.
        exclude = set(exclude or ())
        if self.duration_minutes is not None and not (
            1 <= self.duration_minutes <= MAX_CONSULTATION_MINUTES
        ):
            exclude.add("duration_minutes")
        super().validate_constraints(exclude=exclude)

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.place_kind_id
            and self.place_kind.slug == MATERNITY_WARD_SLUG
            and not self.hospital_name.strip()
        ):
            errors["hospital_name"] = _("Podaj nazwę szpitala, w którym odbyła się konsultacja.")
        if self.project_id:
            if self.person_id and not self._person_in_project():
                errors["person"] = _("Ta osoba nie jest uczestnikiem tego projektu.")
            if self.family_id and not self._family_in_project():
                errors["family"] = _("Ta rodzina nie jest uczestnikiem tego projektu.")
            if self.specialist_id and not self._specialist_in_project():
                errors["specialist"] = _("Ta osoba nie należy do zespołu projektu.")
        if errors:
            raise ValidationError(errors)

    def _person_in_project(self) -> bool:
        in_project = Enrolment.objects.filter(project_id=self.project_id)
        family_id = self.person.family_id
        return in_project.filter(
            Q(person_id=self.person_id) | Q(family_id=family_id, family__isnull=False)
        ).exists()

    def _family_in_project(self) -> bool:
        return Enrolment.objects.filter(
            Q(family_id=self.family_id) | Q(person__family_id=self.family_id),
            project_id=self.project_id,
        ).exists()

    def _specialist_in_project(self) -> bool:
        if self.specialist.is_superuser:
            return True
        return ProjectMembership.objects.filter(
            user_id=self.specialist_id, project_id=self.project_id
        ).exists()


class ActivitySessionQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_to_projects(self, user, project_field="activity__project")


class ActivitySession(models.Model):
    """An activity actually held on a day, with how many people came."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("działanie")
    )
    date = models.DateField(_("data"))
    attendance = models.PositiveIntegerField(_("liczba uczestników"))
    notes = models.TextField(_("uwagi"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wprowadził(a)"),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)

    objects = ActivitySessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("zrealizowane zajęcia")
        verbose_name_plural = _("zrealizowane zajęcia")
        ordering = ["activity", "-date", "pk"]
        indexes = [models.Index(fields=["activity", "date"], name="activity_session_date_idx")]

    def __str__(self) -> str:
        return f"{self.activity} – {self.date:%Y-%m-%d}"


# --- Enquiries from families --------------------------------------------------------------------
# No 0/O, 1/I/L, U: a reference is read out over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8  # 30**8 ≈ 6.6e11: not guessable, and nothing personal in it
MAX_ENQUIRY_MESSAGE = 1000


def new_enquiry_reference() -> str:
    """ "ZG-4K7M-Q2XP": random (secrets), no personal data, no sequence to guess from."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"ZG-{chars[:4]}-{chars[4:]}"


class EnquiryQuerySet(models.QuerySet):
    def for_user(self, user):
        """The enquiries of the user's projects, for the roles that handle them (caseworkers,
        coordinators, centre administrators); superusers all. Specialists get none: contact
        data of people asking for help is not theirs to read."""
        return scope_to_projects(self, user, roles=RECORD_KEEPING_ROLES)

    def for_listing(self):
        return self.select_related("project", "offer", "assignee")


class Enquiry(models.Model):
    """A family's "ask for contact / sign up" from the public pages of a project or offer."""

    class Status(models.TextChoices):
        NEW = "new", _("nowe")
        CONTACTED = "contacted", _("nawiązano kontakt")
        ENROLLED = "enrolled", _("zapisano do projektu")
        CLOSED = "closed", _("zamknięte")

    class ContactTime(models.TextChoices):
        ANY = "any", _("o dowolnej porze")
        MORNING = "morning", _("rano (8–12)")
        AFTERNOON = "afternoon", _("po południu (12–16)")
        EVENING = "evening", _("wieczorem (16–19)")

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="enquiries", verbose_name=_("projekt")
    )
    offer = models.ForeignKey(
        SupportOffer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("oferta"),
    )
    name = models.CharField(_("imię lub pseudonim"), max_length=80)
    phone = models.CharField(
        _("telefon"), max_length=20, blank=True, validators=[validate_polish_phone]
    )
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    preferred_contact_time = models.CharField(
        _("kiedy najlepiej zadzwonić"),
        max_length=12,
        choices=ContactTime.choices,
        default=ContactTime.ANY,
    )
    message = models.TextField(
        _("wiadomość"),
        max_length=MAX_ENQUIRY_MESSAGE,
        blank=True,
        validators=[MaxLengthValidator(MAX_ENQUIRY_MESSAGE)],
    )
    # What the person agreed to, and when: the text is versioned in services.enquiries.
    consent_text_version = models.CharField(_("wersja treści zgody"), max_length=20)
    consented_at = models.DateTimeField(_("zgoda wyrażona"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_enquiries",
        verbose_name=_("osoba prowadząca"),
    )
    reference = models.CharField(
        _("numer zgłoszenia"),
        max_length=16,
        unique=True,
        editable=False,
        default=new_enquiry_reference,
    )
    created_at = models.DateTimeField(_("wpłynęło"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("zgłoszenie rodziny")
        verbose_name_plural = _("zgłoszenia rodzin")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email=""),
                name="enquiry_has_contact",
                violation_error_code="no_contact",
                violation_error_message=_("Podaj numer telefonu albo adres e-mail."),
            ),
        ]
        indexes = [
            models.Index(fields=["project", "status", "created_at"], name="enquiry_project_idx"),
            models.Index(fields=["assignee", "status"], name="enquiry_assignee_idx"),
        ]

    def __str__(self) -> str:
        # The reference, never the name: this label appears in lists, logs and e-mails.
        return self.reference

    def clean(self):
        super().clean()
        errors = {}
        if not self.phone and not self.email:
            errors["phone"] = _("Podaj numer telefonu albo adres e-mail.")
        if self.offer_id and self.project_id and self.offer.project_id != self.project_id:
            errors["offer"] = _("Ta oferta należy do innego projektu.")
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # clean() already put the "phone or e-mail" message next to the phone field.
        exclude = set(exclude or ())
        if not self.phone and not self.email:
            exclude.update({"phone", "email"})
        super().validate_constraints(exclude=exclude)


class ConsultationMonthlyTotal(models.Model):
    """Consultations and minutes per project, specialist kind, place kind and month.

    Pre-aggregated so the reports stay as fast at a million consultations as at a thousand.
    Kept by `services.consultation_totals` from the write functions (log, update) and a delete
    signal; rebuilt from the consultations by `rebuild()` (the load-data generator, a repair).
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="+", verbose_name=_("projekt")
    )
    specialist_kind = models.ForeignKey(
        SpecialistKind, on_delete=models.CASCADE, related_name="+", verbose_name=_("specjalista")
    )
    place_kind = models.ForeignKey(
        PlaceKind, on_delete=models.CASCADE, related_name="+", verbose_name=_("miejsce")
    )
    month = models.DateField(_("miesiąc"), help_text=_("Pierwszy dzień miesiąca."))
    consultations = models.PositiveIntegerField(_("liczba konsultacji"), default=0)
    minutes = models.PositiveBigIntegerField(_("minuty"), default=0)

    class Meta:
        verbose_name = _("miesięczna suma konsultacji")
        verbose_name_plural = _("miesięczne sumy konsultacji")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "month", "specialist_kind", "place_kind"],
                name="consultation_total_unique_key",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.project_id} {self.month:%Y-%m} {self.specialist_kind_id}/{self.place_kind_id}"
        )
