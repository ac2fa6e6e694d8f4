"""Participant subgroups written into a project's funding agreement, with their targets, and
the participant records: families, persons, their consents and enrolments.

Scoping: a family or person is visible to the staff of the project it was created in
(`created_in_project`, so a new record is scoped before any enrolment) and of every project it
is enrolled in (directly, or — for a person — through their family's enrolment, and for a
family through a member's enrolment).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from participants import pesel as pesel_rules
from participants.ages import age_on
from projects.constraints import ConstraintErrorsOnFields
from projects.models import Project, Voivodeship, postcode_validator
from projects.scoping import scope_to_projects

# What an anonymised record holds instead of a name or a family's label (not translated: it is
# data, and the same in every language's view of it).
ANONYMISED_MARKER = "[zanonimizowano]"


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


class FamilyQuerySet(models.QuerySet):
    def for_user(self, user):
        if user is not None and user.is_active and user.is_superuser:
            return self
        visible_projects = Project.objects.for_user(user).values("pk")
        return self.filter(
            Q(created_in_project__in=visible_projects)
            | Q(pk__in=Enrolment.objects.filter(project__in=visible_projects).values("family_id"))
            | Q(
                pk__in=Person.objects.filter(
                    enrolments__project__in=visible_projects, family__isnull=False
                ).values("family_id")
            )
            # The household of a person whose card the user's project keeps: without it the
            # person's page could not show (and a save would blank) their family.
            | Q(
                pk__in=Person.objects.filter(
                    created_in_project__in=visible_projects, family__isnull=False
                ).values("family_id")
            )
        )

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)

    def all_projects_ended_before(self, cutoff):
        """Families none of whose projects ended on or after `cutoff`: the project the card
        was created in, the family's enrolments, and its members' cards and enrolments."""
        return (
            self.exclude(created_in_project__end_date__gte=cutoff)
            .exclude(enrolments__project__end_date__gte=cutoff)
            .exclude(members__created_in_project__end_date__gte=cutoff)
            .exclude(members__enrolments__project__end_date__gte=cutoff)
        )


class PersonQuerySet(models.QuerySet):
    def for_user(self, user):
        if user is not None and user.is_active and user.is_superuser:
            return self
        visible_projects = Project.objects.for_user(user).values("pk")
        return self.filter(
            Q(created_in_project__in=visible_projects)
            | Q(pk__in=Enrolment.objects.filter(project__in=visible_projects).values("person_id"))
            | Q(
                family__in=Enrolment.objects.filter(
                    project__in=visible_projects, family__isnull=False
                ).values("family_id")
            )
        )

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)

    def all_projects_ended_before(self, cutoff):
        """Persons none of whose projects ended on or after `cutoff`: the project the card was
        created in, their own enrolments and their family's."""
        return (
            self.exclude(created_in_project__end_date__gte=cutoff)
            .exclude(enrolments__project__end_date__gte=cutoff)
            .exclude(family__enrolments__project__end_date__gte=cutoff)
        )


class Family(models.Model):
    """A household. Its `label` is an internal reference (e.g. a case-file number), not a name."""

    label = models.CharField(
        _("oznaczenie rodziny"),
        max_length=100,
        help_text=_("Wewnętrzne oznaczenie, np. numer teczki. Nie wpisuj nazwiska."),
    )
    created_in_project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        related_name="families_created",
        verbose_name=_("projekt, w którym założono kartę"),
    )
    street = models.CharField(_("ulica i numer"), max_length=255, blank=True)
    postcode = models.CharField(
        _("kod pocztowy"), max_length=6, blank=True, validators=[postcode_validator]
    )
    town = models.CharField(_("miejscowość"), max_length=100, blank=True)
    municipality = models.CharField(_("gmina"), max_length=100, blank=True)
    county = models.CharField(_("powiat"), max_length=100, blank=True)
    voivodeship = models.CharField(
        _("województwo"), max_length=32, choices=Voivodeship.choices, blank=True
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("uwagi"), blank=True)
    anonymised_at = models.DateTimeField(
        _("zanonimizowano"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Dane osobowe usunięto po okresie przechowywania lub na wniosek (RODO)."),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = FamilyQuerySet.as_manager()

    class Meta:
        verbose_name = _("rodzina")
        verbose_name_plural = _("rodziny")
        ordering = ["label", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    def clean(self):
        super().clean()
        if self.is_anonymised:
            refused = _("Dane tej rodziny zostały zanonimizowane – nie można ich uzupełnić.")
            errors = {
                name: refused
                for name in ("street", "postcode", "town", "phone", "email", "notes")
                if getattr(self, name)
            }
            if self.label != ANONYMISED_MARKER:
                errors["label"] = refused
            if errors:
                raise ValidationError(errors)


class Sex(models.TextChoices):
    FEMALE = pesel_rules.FEMALE, _("kobieta")
    MALE = pesel_rules.MALE, _("mężczyzna")


class Person(ConstraintErrorsOnFields, models.Model):
    class Relation(models.TextChoices):
        PARENT = "parent", _("rodzic")
        CHILD = "child", _("dziecko")
        GRANDPARENT = "grandparent", _("dziadek / babcia")
        GUARDIAN = "guardian", _("opiekun prawny / rodzic zastępczy")
        OTHER = "other", _("inna osoba")

    class Education(models.TextChoices):
        """ISCED groups; SM EFS reports three: ISCED 0–2, ISCED 3–4 and ISCED 5–8."""

        NONE = "isced0", _("brak / ISCED 0 (przedszkolne)")
        ISCED1 = "isced1", _("ISCED 1 (podstawowe)")
        ISCED2 = "isced2", _("ISCED 2 (gimnazjalne / podstawowe 8 klas)")
        ISCED3 = "isced3", _("ISCED 3 (ponadgimnazjalne / średnie)")
        ISCED4 = "isced4", _("ISCED 4 (policealne)")
        ISCED5_8 = "isced5_8", _("ISCED 5–8 (wyższe)")

    class LabourMarketStatus(models.TextChoices):
        EMPLOYED = "employed", _("osoba pracująca")
        UNEMPLOYED_REGISTERED = "unemployed_registered", _("bezrobotna zarejestrowana w PUP")
        UNEMPLOYED_NOT_REGISTERED = (
            "unemployed_not_registered",
            _("bezrobotna niezarejestrowana w PUP"),
        )
        LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("długotrwale bezrobotna")
        INACTIVE = "inactive", _("bierna zawodowo")
        INACTIVE_IN_EDUCATION = "inactive_in_education", _("bierna zawodowo, ucząca się")
        CHILD = "child_not_applicable", _("nie dotyczy (dziecko)")

    first_name = models.CharField(_("imię"), max_length=100)
    last_name = models.CharField(_("nazwisko"), max_length=100)
    pesel = models.CharField(
        "PESEL",
        max_length=11,
        null=True,
        blank=True,
        unique=True,
        validators=[pesel_rules.validate_pesel],
        error_messages={"unique": _("Osoba z tym numerem PESEL jest już w rejestrze.")},
    )
    no_pesel = models.BooleanField(
        _("brak numeru PESEL"),
        default=False,
        help_text=_("Np. cudzoziemiec bez PESEL: podaj inny identyfikator i datę urodzenia."),
    )
    other_identifier = models.CharField(
        _("inny identyfikator"),
        max_length=50,
        blank=True,
        help_text=_("Np. numer paszportu lub karty pobytu."),
    )
    birth_date = models.DateField(_("data urodzenia"), null=True, blank=True)
    sex = models.CharField(_("płeć"), max_length=1, choices=Sex.choices, blank=True)
    family = models.ForeignKey(
        Family,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("rodzina"),
    )
    relation_to_family = models.CharField(
        _("rola w rodzinie"), max_length=20, choices=Relation.choices, blank=True
    )
    education = models.CharField(
        _("wykształcenie"), max_length=10, choices=Education.choices, blank=True
    )
    labour_market_status = models.CharField(
        _("status na rynku pracy"), max_length=30, choices=LabourMarketStatus.choices, blank=True
    )
    # EFS+ characteristics reported to SM EFS.
    disability = models.BooleanField(_("osoba z niepełnosprawnością"), default=False)
    foreign_origin = models.BooleanField(_("osoba obcego pochodzenia"), default=False)
    third_country_national = models.BooleanField(_("obywatel państwa trzeciego"), default=False)
    minority = models.BooleanField(_("osoba należąca do mniejszości"), default=False)
    homeless_or_housing_excluded = models.BooleanField(
        _("osoba w kryzysie bezdomności lub wykluczona z dostępu do mieszkań"), default=False
    )
    household_without_work = models.BooleanField(
        _("osoba z gospodarstwa domowego bez osób pracujących"), default=False
    )
    single_adult_with_children = models.BooleanField(
        _("osoba samotnie wychowująca dzieci"), default=False
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_in_project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        related_name="persons_created",
        verbose_name=_("projekt, w którym założono kartę"),
    )
    anonymised_at = models.DateTimeField(
        _("zanonimizowano"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Dane osobowe usunięto po okresie przechowywania lub na wniosek (RODO)."),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("osoba")
        verbose_name_plural = _("osoby")
        ordering = ["last_name", "first_name", "pk"]
        indexes = [models.Index(fields=["last_name", "first_name"], name="person_name_idx")]

    def __str__(self) -> str:
        if self.is_anonymised:
            return f"{ANONYMISED_MARKER} #{self.pk}"
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        # "" would collide with the next person without a PESEL under the unique index.
        self.pesel = (self.pesel or "").strip() or None
        super().save(*args, **kwargs)

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    def clean(self):
        super().clean()
        self.pesel = (self.pesel or "").strip() or None
        errors: dict[str, str] = {}
        if self.is_anonymised:
            self._stay_anonymous(errors)
        elif self.pesel:
            if self.no_pesel:
                errors["no_pesel"] = _("Podano PESEL – odznacz „brak numeru PESEL”.")
            self._keep_consistent_with_pesel(errors)
        elif self.no_pesel:
            if not self.other_identifier:
                errors["other_identifier"] = _("Bez numeru PESEL podaj inny identyfikator.")
            if not self.birth_date:
                errors["birth_date"] = _("Bez numeru PESEL podaj datę urodzenia.")
        else:
            errors["pesel"] = _("Podaj PESEL albo zaznacz „brak numeru PESEL”.")
        if (
            not self.is_anonymised
            and not self.sex
            and "sex" not in errors
            and (self.no_pesel or not self.pesel)
        ):
            errors["sex"] = _("Podaj płeć.")
        if errors:
            raise ValidationError(errors)

    def _stay_anonymous(self, errors: dict) -> None:
        """An anonymised record has no PESEL (`no_pesel` set), no other identifier and no
        contact details; its birth date, when kept, is generalised (see
        `participants.anonymisation`). Nothing identifying may be typed back in."""
        refused = _("Dane tej osoby zostały zanonimizowane – nie można ich uzupełnić.")
        for name in ("first_name", "last_name"):
            if getattr(self, name) != ANONYMISED_MARKER:
                errors[name] = refused
        for name in ("pesel", "other_identifier", "phone", "email"):
            if getattr(self, name):
                errors[name] = refused
        if not self.no_pesel:
            errors["no_pesel"] = refused

    def _keep_consistent_with_pesel(self, errors: dict) -> None:
        try:
            pesel_rules.validate_pesel(self.pesel)
        except ValidationError:
            return  # the field validator reports it next to the PESEL
        derived_birth = pesel_rules.birth_date_from(self.pesel)
        derived_sex = pesel_rules.sex_from(self.pesel)
        if self.birth_date is None:
            self.birth_date = derived_birth
        elif self.birth_date != derived_birth:
            errors["birth_date"] = _(
                "PESEL wskazuje datę urodzenia %(derived)s, a podano %(given)s."
            ) % {"derived": derived_birth.isoformat(), "given": self.birth_date.isoformat()}
        if not self.sex:
            self.sex = derived_sex
        elif self.sex != derived_sex:
            errors["sex"] = _("PESEL wskazuje płeć: %(derived)s, a podano: %(given)s.") % {
                "derived": Sex(derived_sex).label,
                "given": Sex(self.sex).label if self.sex in Sex.values else self.sex,
            }


class Consent(ConstraintErrorsOnFields, models.Model):
    constraint_error_fields = {"withdrawn_before_given": "withdrawn_on"}

    class Scope(models.TextChoices):
        PARTICIPATION = "participation", _("udział w projekcie")
        DATA_PROCESSING = "data_processing", _("przetwarzanie danych osobowych")
        CONTACT = "contact", _("kontakt telefoniczny lub e-mailowy")
        IMAGE = "image", _("wykorzystanie wizerunku")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="consents", verbose_name=_("osoba")
    )
    scope = models.CharField(_("zakres zgody"), max_length=20, choices=Scope.choices)
    given_on = models.DateField(_("data wyrażenia zgody"))
    withdrawn_on = models.DateField(_("data wycofania zgody"), null=True, blank=True)

    class Meta:
        verbose_name = _("zgoda")
        verbose_name_plural = _("zgody")
        ordering = ["person", "scope", "-given_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("given_on")),
                name="consent_withdrawn_after_given",
                violation_error_code="withdrawn_before_given",
                violation_error_message=_(
                    "Zgody nie można wycofać przed dniem, w którym ją wyrażono."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.get_scope_display()

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


class EnrolmentQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_to_projects(self, user)

    def current(self, today):
        return self.filter(start_date__lte=today).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )


class Enrolment(ConstraintErrorsOnFields, models.Model):
    """A person and/or a family taking part in a project, in one of its subgroups."""

    constraint_error_fields = {
        "duplicate_person": "person",
        "duplicate_family": "family",
        "ends_before_start": "end_date",
        "no_participant": "person",
    }

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("projekt")
    )
    subgroup = models.ForeignKey(
        ParticipantSubgroup,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("podgrupa uczestników"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("osoba"),
    )
    family = models.ForeignKey(
        Family,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("rodzina"),
    )
    start_date = models.DateField(_("data rozpoczęcia udziału"))
    end_date = models.DateField(_("data zakończenia udziału"), null=True, blank=True)
    kind_of_support = models.CharField(_("forma wsparcia"), max_length=200, blank=True)
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

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("udział w projekcie")
        verbose_name_plural = _("udziały w projektach")
        ordering = ["project", "-start_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "person"],
                condition=Q(person__isnull=False),
                name="enrolment_person_once_per_project",
                violation_error_code="duplicate_person",
                violation_error_message=_("Ta osoba jest już uczestnikiem tego projektu."),
            ),
            models.UniqueConstraint(
                fields=["subgroup", "family"],
                condition=Q(family__isnull=False, person__isnull=True),
                name="enrolment_family_once_per_subgroup",
                violation_error_code="duplicate_family",
                violation_error_message=_("Ta rodzina jest już w tej podgrupie projektu."),
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(family__isnull=False),
                name="enrolment_has_participant",
                violation_error_code="no_participant",
                violation_error_message=_("Wskaż osobę albo rodzinę."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="enrolment_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message=_(
                    "Data zakończenia udziału nie może być przed jego rozpoczęciem."
                ),
            ),
        ]
        indexes = [models.Index(fields=["project", "start_date"], name="enrolment_project_idx")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"

    def clean(self):
        super().clean()
        errors = {}
        if self.subgroup_id and self.project_id and self.subgroup.project_id != self.project_id:
            errors["subgroup"] = _("Ta podgrupa należy do innego projektu.")
        if self.person_id and self.family_id and self.person.family_id != self.family_id:
            errors["family"] = _("Ta osoba nie należy do wskazanej rodziny.")
        if errors:
            raise ValidationError(errors)

    @property
    def age_at_enrolment(self) -> int | None:
        """Full years on the start date; computed, never typed (None for a family)."""
        if self.person_id is None:
            return None
        return age_on(self.person.birth_date, self.start_date)
