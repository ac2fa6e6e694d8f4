"""Consultations' and enquiries' part in the GDPR operations of `participants` (retention,
erasure, access): receivers of `participants.signals`, connected in `ServicesConfig.ready()`."""

import contextlib

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from participants.signals import participants_anonymised, subject_data_requested
from participants.subject_access import plain
from services.models import Consultation, Enquiry
from services.phone import normalise_polish_phone


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


def enquiries_for_subject(sender, *, person, **kwargs) -> dict:
    """The enquiries sent with the person's own e-mail address or phone number. An enquiry is
    not linked to a person record (it comes from the public pages, often before the family is
    a participant), so the contact details are what ties it to them: the e-mail compared
    without regard to case, the phone in the one stored form (E.164). The family's shared
    contacts are not used: an enquiry from the household's phone may be another member's."""
    whose = Q(pk__in=[])
    if person.email:
        whose |= Q(email__iexact=person.email.strip())
    if person.phone:
        with contextlib.suppress(ValidationError):  # a number that parses in no Polish form
            whose |= Q(phone=normalise_polish_phone(person.phone))
    rows = []
    with translation.override("pl"):
        for enquiry in (
            Enquiry.objects.filter(whose).select_related("project", "offer").order_by("created_at")
        ):
            rows.append(
                {
                    "reference": enquiry.reference,
                    "received_at": plain(enquiry.created_at),
                    "project": {"id": enquiry.project_id, "title": enquiry.project.title},
                    "offer": enquiry.offer.title if enquiry.offer else "",
                    "name": enquiry.name,
                    "phone": enquiry.phone,
                    "email": enquiry.email,
                    "preferred_contact_time": str(enquiry.get_preferred_contact_time_display()),
                    "message": enquiry.message,
                    "status": str(enquiry.get_status_display()),
                    "consented_at": plain(enquiry.consented_at),
                }
            )
    return {"enquiries": rows}


def connect() -> None:
    participants_anonymised.connect(wipe_consultations_of, dispatch_uid="services:gdpr:wipe")
    subject_data_requested.connect(consultations_for_subject, dispatch_uid="services:gdpr:sar")
    subject_data_requested.connect(enquiries_for_subject, dispatch_uid="services:gdpr:sar-enq")
