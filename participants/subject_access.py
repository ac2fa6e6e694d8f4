"""Data-subject access (GDPR art. 15): everything the portal holds about one person, as a
JSON-serialisable dict, and its readable sections for the admin page.

What is in it: the person's record; their family's record (the household's address and
contacts are the person's data too) but not the other members; consents; enrolments (own and
the family's); consultations (added by `services` through
`participants.signals.subject_data_requested`): date, specialist kind, place, duration, form
and, for the person's own consultations, the topic; the enquiries sent from the public pages
with the person's own e-mail or phone (also from `services`), with their message; the audit
entries about the person's record, consents and enrolments (when, what, which fields — not
who: staff are listed as categories of recipients, not by name).

What is not in it, and why: the specialists' consultation notes and the family card's notes.
They are the staff's professional records (psychologists, therapists and social workers keep
them under professional secrecy) and typically describe other people too — family members,
partners, perpetrators of violence — so releasing them is a case-by-case decision under art.
15(4) (the copy must not adversely affect the rights and freedoms of others) taken by the
coordinator together with the data protection officer. The export says, per consultation,
whether notes exist (`has_notes`), so the person knows and can ask for them.

Building the dict reads only; `export_subject_data()` also writes the audit entry.
"""

from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.log import record
from audit.models import AuditEntry
from participants.models import Consent, Enrolment, Family, Person
from participants.signals import subject_data_requested

FORMAT = "rodo-art15/1"

PERSON_FIELDS = [
    "first_name",
    "last_name",
    "pesel",
    "no_pesel",
    "other_identifier",
    "birth_date",
    "sex",
    "relation_to_family",
    "education",
    "labour_market_status",
    "disability",
    "foreign_origin",
    "third_country_national",
    "minority",
    "homeless_or_housing_excluded",
    "household_without_work",
    "single_adult_with_children",
    "phone",
    "email",
    "created_at",
    "updated_at",
    "anonymised_at",
]
FAMILY_FIELDS = [
    "label",
    "street",
    "postcode",
    "town",
    "municipality",
    "county",
    "voivodeship",
    "phone",
    "email",
    "anonymised_at",
]

NOTES_POLICY = _(
    "Notatki specjalistów z konsultacji i uwagi w karcie rodziny nie są częścią tego "
    "zestawienia: to dokumentacja zawodowa personelu, która zwykle dotyczy także innych osób. "
    "Przy każdej konsultacji zaznaczono, czy notatka istnieje; jej kopię można otrzymać na "
    "wniosek, po ocenie koordynatora i inspektora ochrony danych (art. 15 ust. 4 RODO)."
)

SECTION_TITLES = {
    "person": _("Dane osoby"),
    "family": _("Rodzina"),
    "consents": _("Zgody"),
    "enrolments": _("Udział w projektach"),
    "consultations": _("Konsultacje"),
    "enquiries": _("Zgłoszenia wysłane przez portal"),
    "audit": _("Rejestr zdarzeń dotyczących danych osoby"),
}
COLUMN_LABELS = {
    "project": _("projekt"),
    "subgroup": _("podgrupa uczestników"),
    "start_date": _("data rozpoczęcia udziału"),
    "end_date": _("data zakończenia udziału"),
    "kind_of_support": _("forma wsparcia"),
    "concerns": _("dotyczy"),
    "scope": _("zakres zgody"),
    "given_on": _("data wyrażenia zgody"),
    "withdrawn_on": _("data wycofania zgody"),
    "timestamp": _("czas"),
    "action": _("czynność"),
    "record": _("rekord"),
    "fields": _("zmienione pola"),
    "date": _("data"),
    "start_time": _("godzina rozpoczęcia"),
    "duration_minutes": _("czas trwania (min)"),
    "specialist_kind": _("rodzaj specjalisty"),
    "place_kind": _("miejsce"),
    "hospital_name": _("szpital"),
    "form": _("forma"),
    "topic": _("temat"),
    "has_notes": _("notatka istnieje"),
    "reference": _("numer zgłoszenia"),
    "received_at": _("wpłynęło"),
    "offer": _("oferta"),
    "name": _("imię lub pseudonim"),
    "phone": _("telefon"),
    "email": _("e-mail"),
    "preferred_contact_time": _("kiedy najlepiej zadzwonić"),
    "message": _("wiadomość"),
    "status": _("status"),
    "consented_at": _("zgoda wyrażona"),
}


def plain(value):
    """A JSON-safe value: ISO dates, local-time datetimes, str for lazy text."""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _record_fields(instance, names: list[str]) -> dict:
    data = {}
    for name in names:
        field = instance._meta.get_field(name)
        value = getattr(instance, name)
        if field.choices and value:
            value = str(getattr(instance, f"get_{name}_display")())
        data[name] = plain(value)
    return data


def _project_label(project) -> dict:
    return {"id": project.pk, "title": project.title}


def _audit_entries(person: Person) -> list[dict]:
    def about(model, pks):
        return Q(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=[str(pk) for pk in pks],
        )

    consent_pks = list(person.consents.values_list("pk", flat=True))
    enrolment_pks = list(person.enrolments.values_list("pk", flat=True))
    entries = AuditEntry.objects.filter(
        about(Person, [person.pk]) | about(Consent, consent_pks) | about(Enrolment, enrolment_pks)
    ).order_by("timestamp", "pk")
    return [
        {
            "timestamp": plain(entry.timestamp),
            "action": str(entry.get_action_display()),
            "record": entry.object_repr,
            "fields": sorted(entry.changes or {}),
        }
        for entry in entries
    ]


def build_subject_data(person: Person) -> dict:
    """Everything about `person` (see the module docstring), labels in Polish."""
    with translation.override("pl"):
        data = {
            "format": FORMAT,
            "generated_at": plain(timezone.now()),
            "person_id": person.pk,
            "person": {
                **_record_fields(person, PERSON_FIELDS),
                "created_in_project": _project_label(person.created_in_project),
            },
            "family": None,
            "consents": [
                {
                    "scope": str(consent.get_scope_display()),
                    "given_on": plain(consent.given_on),
                    "withdrawn_on": plain(consent.withdrawn_on),
                }
                for consent in person.consents.order_by("given_on", "pk")
            ],
            "enrolments": [],
            "notes_policy": str(NOTES_POLICY),
        }
        family: Family | None = person.family
        whose = Q(person=person)
        if family is not None:
            data["family"] = {
                **_record_fields(family, FAMILY_FIELDS),
                "has_notes": bool(family.notes),
            }
            whose |= Q(person__isnull=True, family=family)
        for enrolment in (
            Enrolment.objects.filter(whose)
            .select_related("project", "subgroup")
            .order_by("start_date", "pk")
        ):
            data["enrolments"].append(
                {
                    "project": _project_label(enrolment.project),
                    "subgroup": enrolment.subgroup.name,
                    "start_date": plain(enrolment.start_date),
                    "end_date": plain(enrolment.end_date),
                    "kind_of_support": enrolment.kind_of_support,
                    "concerns": gettext("osoba") if enrolment.person_id else gettext("rodzina"),
                }
            )
        for _receiver, sections in subject_data_requested.send(sender=Person, person=person):
            data.update(sections or {})
        data["audit"] = _audit_entries(person)
    return data


def export_subject_data(*, person: Person, actor=None, channel: str) -> dict:
    """Build the export and log it (action "export"; the person's id, never their data)."""
    data = build_subject_data(person)
    record(
        actor=actor,
        action=AuditEntry.Action.EXPORT,
        obj=person,
        project=person.created_in_project_id,
        detail={"operation": "subject_access", "format": FORMAT, "channel": channel},
    )
    return data


def readable_sections(data: dict) -> list[dict]:
    """The export as titled sections for the HTML page: a list of (label, value) pairs for a
    record, a table (columns, rows) for a list."""

    def cell(value):
        if isinstance(value, dict) and "title" in value:
            return value["title"]
        if isinstance(value, bool):
            return gettext("tak") if value else gettext("nie")
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return "" if value is None else value

    sections = []
    for key, title in SECTION_TITLES.items():
        value = data.get(key)
        model = {"person": Person, "family": Family}.get(key)
        if model is not None:
            pairs = []
            for name, item in (value or {}).items():
                try:
                    label = model._meta.get_field(name).verbose_name
                except FieldDoesNotExist:  # extra keys such as has_notes
                    label = COLUMN_LABELS.get(name, name)
                pairs.append((label, cell(item)))
            sections.append({"key": key, "title": title, "pairs": pairs})
        else:
            rows = value or []
            columns = list(rows[0]) if rows else []
            sections.append(
                {
                    "key": key,
                    "title": title,
                    "columns": [COLUMN_LABELS.get(column, column) for column in columns],
                    "rows": [[cell(row[column]) for column in columns] for row in rows],
                }
            )
    return sections
