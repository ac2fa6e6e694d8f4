"""Load the five seed projects into the database, idempotently.

Every row is found by a natural key (a slug, a name, a project and a name) and written only when
a value differs, so a second run changes nothing — not even `updated_at`.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import translation

from participants.models import ParticipantSubgroup
from projects.models import Funding, Organisation, Partnership, Project, ProjectContact
from services.models import (
    Activity,
    Deliverable,
    PlaceKind,
    Situation,
    SpecialistKind,
    SupportOffer,
)
from services.seed import five_projects, vocabulary_translations

PROJECT_FIELDS = (
    "title",
    "city",
    "voivodeship",
    "start_date",
    "end_date",
    "period_note",
    "programming_period",
    "programme",
    "priority_axis",
    "measure",
    "call_number",
    "fund",
    "programme_specific_objective",
    "category",
    "topic",
    "area",
    "summary",
    "description",
    "main_goal",
    "target_groups",
    "expected_results",
    "target_participants",
    "easy_to_read",
    "funding_statement",
    "logo_strip_alt",
)
FUNDING_FIELDS = ("total_value", "co_financing", "eu_share", "state_subsidy", "own_contribution")


@dataclass
class LoadReport:
    """How many rows of each model were created, updated or left as they were."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def summary(self) -> str:
        return (
            f"created {sum(self.created.values())}, updated {sum(self.updated.values())}, "
            f"unchanged {sum(self.unchanged.values())}"
        )


def _upsert(report: LoadReport, model: type[models.Model], lookup: dict, values: dict):
    """Get the row matching `lookup`, create it, or update only the values that differ."""
    instance = model.objects.filter(**lookup).first()
    name = model._meta.label
    if instance is None:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        report.created[name] += 1
        return instance
    changed = [key for key, value in values.items() if getattr(instance, key) != value]
    if changed:
        for key in changed:
            setattr(instance, key, values[key])
        instance.full_clean()
        instance.save()
        report.updated[name] += 1
    else:
        report.unchanged[name] += 1
    return instance


def _set_m2m(report: LoadReport, manager, objects) -> None:
    wanted = {obj.pk for obj in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(objects)
        report.updated["m2m"] += 1


def _fill_translations(report: LoadReport, objects: dict, texts: dict, fields: tuple) -> None:
    """Write the Ukrainian and English texts of the vocabularies where those fields are empty:
    an editor's own wording, once given in the admin, is never overwritten."""
    for slug, instance in objects.items():
        if slug not in texts:
            continue
        changed = []
        for language, values in zip(("uk", "en"), texts[slug], strict=True):
            values = values if isinstance(values, tuple) else (values,)
            for name, value in zip(fields, values, strict=True):
                attribute = f"{name}_{language}"
                if not getattr(instance, attribute):
                    setattr(instance, attribute, value)
                    changed.append(attribute)
        if changed:
            instance.save(update_fields=changed)
            report.updated[instance._meta.label] += 1


@transaction.atomic
def load_seed_projects(*, data=five_projects, translations=vocabulary_translations) -> LoadReport:
    """Upsert the vocabularies, organisations and projects described in `data`, and the
    vocabularies' Ukrainian and English names from `translations` where they are missing."""
    report = LoadReport()
    # Seed texts are Polish: write them into the Polish translation fields.
    with translation.override("pl"):
        specialists = {
            slug: _upsert(report, SpecialistKind, {"slug": slug}, {"name": name, "order": i})
            for i, (slug, name) in enumerate(data.SPECIALIST_KINDS)
        }
        places = {
            slug: _upsert(
                report,
                PlaceKind,
                {"slug": slug},
                {"name": name, "is_remote": remote, "order": i},
            )
            for i, (slug, name, remote) in enumerate(data.PLACE_KINDS)
        }
        situations = {
            slug: _upsert(
                report,
                Situation,
                {"slug": slug},
                {"name": name, "description": description, "order": i},
            )
            for i, (slug, name, description) in enumerate(data.SITUATIONS)
        }
        _fill_translations(report, specialists, translations.SPECIALIST_KINDS, ("name",))
        _fill_translations(report, places, translations.PLACE_KINDS, ("name",))
        _fill_translations(report, situations, translations.SITUATIONS, ("name", "description"))
        organisations = {}
        for row in data.ORGANISATIONS:
            values = {key: value for key, value in row.items() if key != "name"}
            organisations[row["name"]] = _upsert(
                report, Organisation, {"name": row["name"]}, values
            )
        for row in data.PROJECTS:
            _load_project(report, row, organisations, specialists, places, situations)
    return report


def _load_project(report, row, organisations, specialists, places, situations) -> None:
    project_values = {name: row.get(name, _blank_value(Project, name)) for name in PROJECT_FIELDS}
    project = _upsert(report, Project, {"slug": row["slug"]}, project_values)

    funding_values = {name: row["funding"].get(name) for name in FUNDING_FIELDS}
    _upsert(report, Funding, {"project": project}, funding_values)

    for organisation_name, role, note in row["partners"]:
        _upsert(
            report,
            Partnership,
            {"project": project, "organisation": organisations[organisation_name], "role": role},
            {"note": note},
        )

    for order, contact in enumerate(row["contacts"]):
        values = {key: value for key, value in contact.items() if key not in ("label",)}
        values["organisation"] = organisations.get(values.pop("organisation", None))
        values["order"] = order
        for name in ("street", "postcode", "town", "phone", "email"):
            values.setdefault(name, "")
        _upsert(report, ProjectContact, {"project": project, "label": contact["label"]}, values)

    subgroups = {}
    for order, subgroup in enumerate(row["subgroups"]):
        values = {
            "description": subgroup.get("description", ""),
            "target_families": subgroup.get("target_families"),
            "target_participants": subgroup.get("target_participants"),
            "target_note": subgroup.get("target_note", ""),
            "order": order,
        }
        subgroups[subgroup["name"]] = _upsert(
            report, ParticipantSubgroup, {"project": project, "name": subgroup["name"]}, values
        )

    for order, offer in enumerate(row["offers"]):
        values = {
            "title": offer["title"],
            "description": offer["description"],
            "who_for": offer["who_for"],
            "how_to_get": offer.get("how_to_get", ""),
            "subgroup": subgroups.get(offer.get("subgroup")),
            "order": order,
        }
        instance = _upsert(
            report, SupportOffer, {"project": project, "slug": offer["slug"]}, values
        )
        _set_m2m(report, instance.specialist_kinds, [specialists[s] for s in offer["specialists"]])
        _set_m2m(report, instance.place_kinds, [places[s] for s in offer["places"]])
        _set_m2m(report, instance.situations, [situations[s] for s in offer["situations"]])

    for order, (kind, name, planned_count) in enumerate(row["activities"]):
        _upsert(
            report,
            Activity,
            {"project": project, "kind": kind, "name": name},
            {"planned_count": planned_count, "order": order},
        )

    for order, (kind, name) in enumerate(row["deliverables"]):
        _upsert(
            report,
            Deliverable,
            {"project": project, "name": name},
            {"kind": kind, "order": order},
        )


def _blank_value(model: type[models.Model], name: str):
    model_field = model._meta.get_field(name)
    return None if model_field.null else ""
