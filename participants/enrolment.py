"""Enrolling people and families into a project's participant subgroup: the one write path
for views, the admin and commands."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from participants.models import Enrolment, Family, ParticipantSubgroup, Person
from projects.scoping import can_keep_records


def _require_record_keeper(actor, project) -> None:
    if not can_keep_records(actor, project):
        raise PermissionDenied(_("Nie masz uprawnień do prowadzenia kart w tym projekcie."))


@transaction.atomic
def enrol(
    *,
    actor,
    subgroup: ParticipantSubgroup,
    start_date: date,
    person: Person | None = None,
    family: Family | None = None,
    project=None,
    end_date: date | None = None,
    kind_of_support: str = "",
    known_pesel: str = "",
) -> Enrolment:
    """Enrol a person and/or a family. `project` defaults to the subgroup's; when given and
    different, the error stands next to the subgroup and nothing is saved.

    The actor must see the person and the family (`for_user`). A person kept by another
    project only may be enrolled when the actor knows their exact PESEL (`known_pesel`):
    people take part in several projects, but a name search must never reveal that someone
    receives help elsewhere. There is no such path for a family.
    """
    project = project or subgroup.project
    _require_record_keeper(actor, project)
    _require_visible(actor, person=person, family=family, known_pesel=known_pesel)
    enrolment = Enrolment(
        project=project,
        subgroup=subgroup,
        person=person,
        family=family,
        start_date=start_date,
        end_date=end_date,
        kind_of_support=kind_of_support,
        created_by=actor,
    )
    enrolment.full_clean()
    enrolment.save()
    return enrolment


def _require_visible(actor, *, person, family, known_pesel: str) -> None:
    known = bool(person is not None and person.pesel and known_pesel.strip() == person.pesel)
    if person is not None and not known and not _visible(Person, actor, person):
        raise PermissionDenied(_("Nie masz dostępu do tej osoby."))
    if family is not None and not _visible(Family, actor, family):
        raise PermissionDenied(_("Nie masz dostępu do tej rodziny."))


def _visible(model, actor, record) -> bool:
    return model.objects.for_user(actor).filter(pk=record.pk).exists()


@transaction.atomic
def update_enrolment(
    *,
    actor,
    enrolment: Enrolment,
    subgroup: ParticipantSubgroup,
    start_date: date,
    end_date: date | None = None,
    kind_of_support: str = "",
) -> Enrolment:
    """Change an enrolment's subgroup, dates or kind of support (not who or which project:
    those are taken back from the stored row, whatever the instance was given by a form)."""
    stored = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    _require_record_keeper(actor, stored.project_id)
    enrolment.project_id = stored.project_id
    enrolment.person_id = stored.person_id
    enrolment.family_id = stored.family_id
    enrolment.subgroup = subgroup
    enrolment.start_date = start_date
    enrolment.end_date = end_date
    enrolment.kind_of_support = kind_of_support
    enrolment.full_clean()
    enrolment.save()
    return enrolment


@transaction.atomic
def end_enrolment(*, actor, enrolment: Enrolment, end_date: date) -> Enrolment:
    _require_record_keeper(actor, enrolment.project_id)
    enrolment.end_date = end_date
    enrolment.full_clean()
    enrolment.save()
    return enrolment
