"""Which models are audited, and the signal handlers that write their history.

Apps register their own models from `AppConfig.ready()`:

    audit.registry.register(Person, project="created_in_project_id", sensitive=["pesel"])

`project` is a dotted attribute path from the record to its project id (used to scope the log).
Sensitive fields are logged as changed ("***"), never with their values.

Covered: `save()` (create/change, with the field diff) and every delete, including cascades and
`QuerySet.delete()` (admin bulk delete), because Django sends `post_delete` for each row it
collects; and the rows a delete unlinks (`on_delete=SET_NULL`, which Django does with an
UPDATE and no signal) are logged as changed from `pre_delete`. Not covered:
`QuerySet.update()` and `bulk_create()`, which send no signals — write functions must not use
them on audited models.
"""

import datetime
import decimal
import uuid
from dataclasses import dataclass

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from audit.log import record
from audit.models import AuditEntry

MASK = "***"
_IGNORED = {"created_at", "updated_at"}


@dataclass(frozen=True)
class Tracked:
    project_path: str | None
    sensitive: frozenset[str]


_registry: dict[type, Tracked] = {}


def register(model, *, project: str | None = None, sensitive=()) -> None:
    _registry[model] = Tracked(project, frozenset(sensitive))
    uid = f"audit:{model._meta.label}"
    pre_save.connect(_remember_old_values, sender=model, dispatch_uid=uid)
    post_save.connect(_log_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_log_delete, sender=model, dispatch_uid=uid)
    pre_delete.connect(_log_unlinked, sender=model, dispatch_uid=uid)


def is_registered(model) -> bool:
    return model in _registry


def tracked_fields(model) -> list:
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in _IGNORED
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ]


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def _values(instance) -> dict:
    return {
        field.attname: _plain(field.value_from_object(instance))
        for field in tracked_fields(type(instance))
    }


def project_of(instance):
    path = _registry[type(instance)].project_path
    if path is None:
        return None
    value = instance
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def diff(model, old: dict, new: dict) -> dict:
    sensitive = _registry[model].sensitive
    changes = {}
    for attname, new_value in new.items():
        old_value = old.get(attname)
        if old_value == new_value or (old_value in (None, "") and new_value in (None, "")):
            continue
        name = attname.removesuffix("_id") if attname.endswith("_id") else attname
        if name in sensitive or attname in sensitive:
            changes[attname] = [
                MASK if old_value not in (None, "") else None,
                MASK if new_value not in (None, "") else None,
            ]
        else:
            changes[attname] = [old_value, new_value]
    return changes


def _remember_old_values(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or instance._state.adding:
        instance._audit_old_values = {}
        return
    fields = [field.attname for field in tracked_fields(sender)]
    instance._audit_old_values = (
        sender._base_manager.filter(pk=instance.pk).values(*fields).first() or {}
    )
    instance._audit_old_values = {k: _plain(v) for k, v in instance._audit_old_values.items()}


def _log_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    new = _values(instance)
    changes = diff(sender, {} if created else getattr(instance, "_audit_old_values", {}), new)
    if not created and not changes:
        return
    record(
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.CHANGE,
        obj=instance,
        project=project_of(instance),
        changes=changes,
    )


def _log_delete(sender, instance, **kwargs):
    record(action=AuditEntry.Action.DELETE, obj=instance, project=project_of(instance))


def _log_unlinked(sender, instance, **kwargs):
    """Rows of audited models that the delete will unlink (SET_NULL) get a change entry."""
    for relation in sender._meta.related_objects:
        field = relation.field
        if relation.on_delete is not models.SET_NULL or relation.related_model not in _registry:
            continue
        unlinked = relation.related_model._base_manager.filter(**{field.name: instance.pk})
        for row in unlinked:
            changes = diff(
                relation.related_model, {field.attname: instance.pk}, {field.attname: None}
            )
            record(
                action=AuditEntry.Action.CHANGE,
                obj=row,
                project=project_of(row),
                changes=changes,
                detail={"unlinked_by_delete_of": f"{sender._meta.label}#{instance.pk}"},
            )
