"""Consultations' part in the GDPR operations of `participants` (retention, erasure, access):
receivers of `participants.signals`, connected in `ServicesConfig.ready()`."""

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from participants.signals import participants_anonymised, subject_data_requested
from participants.subject_access import plain
from services.models import Consultation


def wipe_consultations_of(sender, *, person_ids, family_ids, **kwargs) -> dict[str, int]:
    """Remove the free text (topic, notes) of the anonymised participants' consultations;
    the date, kind, place, duration and form stay for the statistics. `update()` on purpose:
    no per-row audit entry (the anonymising run writes one), and topic and notes were only
    ever logged masked."""
    wiped = (
        Consultation.objects.filter(Q(person__in=person_ids) | Q(family__in=family_ids))
        .exclude(topic="", notes="")
        .update(topic="", notes="", updated_at=timezone.now())
    )
    return {"consultations": wiped}


def consultations_for_subject(sender, *, person, **kwargs) -> dict:
    """The person's consultations, and their family's (those without the topic: it may be
    about other members). Notes are never included; see `participants.subject_access`."""
    whose = Q(person=person)
    if person.family_id:
        whose |= Q(person__isnull=True, family_id=person.family_id)
    consultations = (
        Consultation.objects.filter(whose)
        .select_related("project", "specialist_kind", "place_kind")
        .order_by("date", "start_time", "pk")
    )
    rows = []
    with translation.override("pl"):
        for consultation in consultations:
            own = consultation.person_id == person.pk
            rows.append(
                {
                    "project": {"id": consultation.project_id, "title": consultation.project.title},
                    "date": plain(consultation.date),
                    "start_time": plain(consultation.start_time),
                    "duration_minutes": consultation.duration_minutes,
                    "specialist_kind": consultation.specialist_kind.name,
                    "place_kind": consultation.place_kind.name,
                    "hospital_name": consultation.hospital_name,
                    "form": str(consultation.get_form_display()),
                    "topic": consultation.topic if own else "",
                    "has_notes": bool(consultation.notes),
                    "concerns": gettext("osoba") if own else gettext("rodzina"),
                }
            )
    return {"consultations": rows}


def connect() -> None:
    participants_anonymised.connect(wipe_consultations_of, dispatch_uid="services:gdpr:wipe")
    subject_data_requested.connect(consultations_for_subject, dispatch_uid="services:gdpr:sar")
