"""Creating and updating participant records (families, persons, consents): the one write
path for views, the admin and commands. Every function validates fully and saves nothing
when any field is wrong."""

from datetime import date

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from participants.models import Consent, Family, Person
from projects.scoping import can_keep_records


def _require_record_keeper(actor, project) -> None:
    if not can_keep_records(actor, project):
        raise PermissionDenied(_("Nie masz uprawnień do prowadzenia kart w tym projekcie."))


def _require_keeper_of_person(actor, person: Person) -> None:
    """The person's record may be kept in the project that created it or any they are in."""
    projects = {person.created_in_project_id}
    projects.update(person.enrolments.values_list("project_id", flat=True))
    if not any(can_keep_records(actor, project) for project in projects):
        raise PermissionDenied(_("Nie masz uprawnień do prowadzenia kart w tym projekcie."))


def _require_keeper_of_family(actor, family: Family) -> None:
    projects = {family.created_in_project_id}
    projects.update(family.enrolments.values_list("project_id", flat=True))
    if not any(can_keep_records(actor, project) for project in projects):
        raise PermissionDenied(_("Nie masz uprawnień do prowadzenia kart w tym projekcie."))


def _assign(instance, fields: dict) -> None:
    for name, value in fields.items():
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            raise TypeError(f"{type(instance).__name__} has no field {name!r}") from None
        if field.primary_key or name in {"created_in_project", "created_at", "updated_at"}:
            raise TypeError(f"{name!r} cannot be set here")
        setattr(instance, name, value)


@transaction.atomic
def create_family(*, actor, project, label: str, **fields) -> Family:
    _require_record_keeper(actor, project)
    family = Family(created_in_project=project, label=label)
    _assign(family, fields)
    family.full_clean()
    family.save()
    return family


@transaction.atomic
def update_family(*, actor, family: Family, **fields) -> Family:
    _require_keeper_of_family(actor, family)
    _assign(family, fields)
    family.full_clean()
    family.save()
    return family


@transaction.atomic
def create_person(
    *,
    actor,
    project,
    first_name: str,
    last_name: str,
    pesel: str | None = None,
    birth_date: date | None = None,
    sex: str = "",
    **fields,
) -> Person:
    """Create a person. With a PESEL, a blank birth date and sex are derived from it; without
    one, pass `no_pesel=True`, `other_identifier`, `birth_date` and `sex`."""
    _require_record_keeper(actor, project)
    if fields.get("family") is not None and not _family_visible(actor, fields["family"]):
        raise PermissionDenied(_("Nie masz dostępu do tej rodziny."))
    person = Person(
        created_in_project=project,
        first_name=first_name,
        last_name=last_name,
        pesel=pesel,
        birth_date=birth_date,
        sex=sex,
    )
    _assign(person, fields)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def update_person(*, actor, person: Person, **fields) -> Person:
    _require_keeper_of_person(actor, person)
    if fields.get("family") is not None and not _family_visible(actor, fields["family"]):
        raise PermissionDenied(_("Nie masz dostępu do tej rodziny."))
    _assign(person, fields)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def record_consent(
    *, actor, person: Person, scope: str, given_on: date, withdrawn_on: date | None = None
) -> Consent:
    _require_keeper_of_person(actor, person)
    consent = Consent(person=person, scope=scope, given_on=given_on, withdrawn_on=withdrawn_on)
    consent.full_clean()
    consent.save()
    return consent


@transaction.atomic
def update_consent(
    *, actor, consent: Consent, scope: str, given_on: date, withdrawn_on: date | None = None
) -> Consent:
    _require_keeper_of_person(actor, consent.person)
    consent.scope, consent.given_on, consent.withdrawn_on = scope, given_on, withdrawn_on
    consent.full_clean()
    consent.save()
    return consent


@transaction.atomic
def withdraw_consent(*, actor, consent: Consent, withdrawn_on: date) -> Consent:
    _require_keeper_of_person(actor, consent.person)
    consent.withdrawn_on = withdrawn_on
    consent.full_clean()
    consent.save()
    return consent


def _family_visible(actor, family: Family) -> bool:
    return Family.objects.for_user(actor).filter(pk=family.pk).exists()
