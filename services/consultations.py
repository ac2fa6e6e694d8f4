"""Logging consultations and held activities: the one write path for views, the admin and
commands."""

import uuid
from datetime import date, time

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from projects.scoping import can_keep_records, is_member
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
        existing = Consultation.objects.filter(
            idempotency_key=idempotency_key, project=project
        ).first()
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
    consultation.full_clean()
    consultation.save()
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
