"""Erasure on request (GDPR art. 17), where the law allows it.

Art. 17(3)(b) lets the controller refuse while it must keep the data under EU or national
law. For EFS/EFS+ projects that is the case for as long as the project's documentation must be
archived, i.e. while the person takes part in the project and until
`PARTICIPANT_RETENTION_YEARS` years after its end (`participants.retention`). Hence:

- while the person's participation in an ongoing project lasts (an enrolment, theirs or their
  family's, current today in a project running today), erasure is refused outright: end the
  participation first;
- within the retention period of any of their projects, it is refused unless
  `legal_basis_override` documents why the obligation does not apply (e.g. the person was only
  recruited and never became a participant; a decision of the DPO) — kept in the audit entry;
- otherwise the person is anonymised exactly as retention does (`participants.anonymisation`).

The family record is shared by the household and is left as it is.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from audit.log import record
from audit.models import AuditEntry
from participants.anonymisation import anonymise_records
from participants.models import Enrolment, Person
from participants.retention import projects_of_person, retention_cutoff, years_after
from projects.scoping import is_coordinator_or_admin

MAX_REASON_LENGTH = 1000


def _require_overseer_of_every_project(actor, projects) -> None:
    if not all(is_coordinator_or_admin(actor, project) for project in projects):
        raise PermissionDenied(
            _(
                "Usunąć dane osoby może tylko koordynator lub administrator ośrodka każdego "
                "projektu, w którym ta osoba uczestniczyła."
            )
        )


def ongoing_participations(person: Person, today: date):
    """The person's (or their family's) enrolments current today in a project running today."""
    whose = Q(person=person)
    if person.family_id:
        whose |= Q(person__isnull=True, family_id=person.family_id)
    return (
        Enrolment.objects.filter(whose)
        .current(today)
        .filter(project__start_date__lte=today, project__end_date__gte=today)
        .select_related("project")
    )


@transaction.atomic
def erase_person(
    *,
    person: Person,
    actor,
    reason: str,
    legal_basis_override: str = "",
    today: date | None = None,
) -> dict[str, int]:
    """Anonymise one person on their request, where the law allows it; returns the counts.

    Raises PermissionDenied unless the actor coordinates (or administers) every project of the
    person, and ValidationError (Polish message, by field) when the law requires keeping the
    data or the request is incomplete. `reason` is stored in the audit log: describe the request
    (date, channel), never the person.
    """
    today = today or timezone.localdate()
    person = Person.objects.select_for_update().get(pk=person.pk)
    projects = list(projects_of_person(person))
    _require_overseer_of_every_project(actor, projects)
    reason = reason.strip()
    legal_basis_override = legal_basis_override.strip()
    if person.is_anonymised:
        raise ValidationError(_("Dane tej osoby zostały już zanonimizowane."))
    if not reason:
        raise ValidationError({"reason": _("Podaj podstawę wniosku (np. datę i sposób złożenia).")})
    if len(reason) > MAX_REASON_LENGTH or len(legal_basis_override) > MAX_REASON_LENGTH:
        raise ValidationError(
            _("Opis może mieć najwyżej %(limit)d znaków.") % {"limit": MAX_REASON_LENGTH}
        )

    ongoing = ongoing_participations(person, today).first()
    if ongoing is not None:
        raise ValidationError(
            _(
                "Osoba uczestniczy w trwającym projekcie „%(project)s”. Najpierw zakończ jej "
                "udział; do końca okresu przechowywania dokumentacji dane można usunąć tylko "
                "z udokumentowaną podstawą prawną."
            )
            % {"project": ongoing.project.title}
        )
    cutoff = retention_cutoff(today)
    kept = [project for project in projects if project.end_date >= cutoff]
    if kept and not legal_basis_override:
        latest = max(kept, key=lambda project: project.end_date)
        keep_until = years_after(latest.end_date, settings.PARTICIPANT_RETENTION_YEARS)
        raise ValidationError(
            {
                "legal_basis_override": _(
                    "Dokumentację projektu „%(project)s” trzeba przechowywać do %(until)s "
                    "(okres archiwizacji projektów EFS). Dane można usunąć wcześniej tylko "
                    "z udokumentowaną podstawą prawną."
                )
                % {
                    "project": latest.title,
                    "until": formats.date_format(keep_until, "d.m.Y"),
                }
            }
        )

    counts = anonymise_records(person_ids=[person.pk], family_ids=[], now=timezone.now())
    record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=person,
        project=person.created_in_project_id,
        detail={
            "operation": "erasure",
            "reason": reason,
            "legal_basis_override": legal_basis_override,
            "within_retention_period": bool(kept),
            **counts,
        },
    )
    return counts
