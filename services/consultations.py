"""Logging consultations and held activities: the one write path for views, the admin and
commands."""

import uuid
from datetime import date, time

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from projects.scoping import can_keep_records, can_read_notes, is_coordinator_or_admin, is_member
from services import consultation_totals
from services.models import Activity, ActivitySession, Consultation, PlaceKind, SpecialistKind


@transaction.atomic
def log_consultation(
    *,
    actor,
    project,
    specialist_kind: SpecialistKind,
    place_kind: PlaceKind,
    date: date,
    duration_minutes: int,
    person=None,
    family=None,
    specialist=None,
    start_time: time | None = None,
    hospital_name: str = "",
    form: str = Consultation.Form.INDIVIDUAL,
    topic: str = "",
    notes: str = "",
    idempotency_key: uuid.UUID | None = None,
) -> Consultation:
    """Record a consultation. `specialist` defaults to the actor. A repeated
    `idempotency_key` (a double submission) returns the consultation already recorded."""
    if not is_member(actor, project):
        raise PermissionDenied(_("Nie należysz do zespołu tego projektu."))
    if idempotency_key is not None:
        existing = _already_recorded(idempotency_key, project)
        if existing is not None:
            return existing
    consultation = Consultation(
        project=project,
        person=person,
        family=family,
        specialist_kind=specialist_kind,
        specialist=specialist or actor,
        date=date,
        start_time=start_time,
        duration_minutes=duration_minutes,
        place_kind=place_kind,
        hospital_name=hospital_name,
        form=form,
        topic=topic,
        notes=notes,
        idempotency_key=idempotency_key,
        created_by=actor,
    )
    # The key's uniqueness is the database's to enforce (below): a check here would race.
    consultation.full_clean(exclude=["idempotency_key"])
    if idempotency_key is None:
        consultation.save()
        consultation_totals.added(consultation)
        return consultation
    try:
        with transaction.atomic():  # a savepoint: the outer transaction survives a duplicate
            consultation.save()
    except IntegrityError:
        # A concurrent submission of the same form won the insert.
        existing = _already_recorded(idempotency_key, project)
        if existing is None:
            raise
        return existing
    # Only the submission that inserted the row counts it in the monthly totals.
    consultation_totals.added(consultation)
    return consultation


def _already_recorded(idempotency_key, project) -> Consultation | None:
    existing = Consultation.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None and existing.project_id != getattr(project, "pk", project):
        raise PermissionDenied(_("Ten formularz został już wysłany w innym projekcie."))
    return existing


def can_change_consultation(user, consultation: Consultation) -> bool:
    """Its specialist, whoever logged it, and the project's coordinators and administrators."""
    return is_coordinator_or_admin(user, consultation.project_id) or (
        is_member(user, consultation.project_id)
        and user.pk in {consultation.specialist_id, consultation.created_by_id}
    )


def can_read_consultation_notes(user, consultation: Consultation) -> bool:
    return can_read_notes(
        user, consultation.project_id, author=consultation.specialist_id
    ) or can_read_notes(user, consultation.project_id, author=consultation.created_by_id)


@transaction.atomic
def update_consultation(*, actor, consultation: Consultation, **fields) -> Consultation:
    """Change a logged consultation (not its project: log it again in the right one)."""
    if not can_change_consultation(actor, consultation):
        raise PermissionDenied(_("Tę konsultację może zmienić jej autor lub koordynator."))
    allowed = {
        "person",
        "family",
        "specialist_kind",
        "specialist",
        "date",
        "start_time",
        "duration_minutes",
        "place_kind",
        "hospital_name",
        "form",
        "topic",
        "notes",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"cannot set {sorted(unknown)} here")
    if "notes" in fields and not can_read_consultation_notes(actor, consultation):
        raise PermissionDenied(_("Nie masz dostępu do notatek tej konsultacji."))
    # What it counted under in the monthly totals, from the stored row (the admin's instance
    # already carries the form's new values), locked: two edits at once must not both take
    # the same "before" away from the totals.
    stored = Consultation.objects.select_for_update().get(pk=consultation.pk)
    before = consultation_totals.snapshot(stored)
    for name, value in fields.items():
        setattr(consultation, name, value)
    consultation.full_clean()
    consultation.save()
    consultation_totals.changed(before, consultation)
    return consultation


@transaction.atomic
def record_activity_session(
    *, actor, activity: Activity, date: date, attendance: int, notes: str = ""
) -> ActivitySession:
    if not can_keep_records(actor, activity.project_id):
        raise PermissionDenied(_("Nie masz uprawnień do prowadzenia kart w tym projekcie."))
    session = ActivitySession(
        activity=activity, date=date, attendance=attendance, notes=notes, created_by=actor
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def update_activity_session(
    *, actor, session: ActivitySession, date: date, attendance: int, notes: str = ""
) -> ActivitySession:
    if not can_keep_records(actor, session.activity.project_id):
        raise PermissionDenied(_("Nie masz uprawnień do prowadzenia kart w tym projekcie."))
    session.date, session.attendance, session.notes = date, attendance, notes
    session.full_clean()
    session.save()
    return session
