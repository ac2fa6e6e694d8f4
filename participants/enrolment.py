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
) -> Enrolment:
    """Enrol a person and/or a family. `project` defaults to the subgroup's; when given and
    different, the error stands next to the subgroup and nothing is saved."""
    project = project or subgroup.project
    _require_record_keeper(actor, project)
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


@transaction.atomic
def end_enrolment(*, actor, enrolment: Enrolment, end_date: date) -> Enrolment:
    _require_record_keeper(actor, enrolment.project_id)
    enrolment.end_date = end_date
    enrolment.full_clean()
    enrolment.save()
    return enrolment
