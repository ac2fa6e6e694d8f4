"""Writing to the audit log, and knowing who is acting.

The actor comes from a context variable: `AuditContextMiddleware` sets it per request, and
`acting_as(user)` sets it for management commands and tests. Signal handlers (see
`audit.registry`) read it, so a save anywhere in a request is attributed to its user.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.text import capfirst

from audit.models import AuditEntry


@dataclass(frozen=True)
class AuditContext:
    actor: object = None
    request_id: str = ""
    ip_address: str | None = None


_context: ContextVar[AuditContext] = ContextVar("audit_context", default=AuditContext())  # noqa: B039


def current_context() -> AuditContext:
    return _context.get()


def current_actor():
    actor = _context.get().actor
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return actor


@contextmanager
def acting_as(user, *, request_id: str = "", ip_address: str | None = None) -> Iterator[None]:
    """Attribute every audited write inside the block to `user` (commands, tests, tasks)."""
    token = _context.set(AuditContext(user, request_id or uuid.uuid4().hex, ip_address))
    try:
        yield
    finally:
        _context.reset(token)


def object_label(obj) -> str:
    """A record's label without personal data: "Osoba #123"."""
    with translation.override("pl"):
        return f"{capfirst(str(obj._meta.verbose_name))} #{obj.pk}"


def _project_id(project):
    return getattr(project, "pk", project)


def record(
    *,
    actor=None,
    action: str,
    obj=None,
    project=None,
    changes: dict | None = None,
    detail: dict | None = None,
) -> AuditEntry:
    """Append one entry. `actor` defaults to the current context's user."""
    context = current_context()
    actor = actor if actor is not None else current_actor()
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    entry = AuditEntry(
        actor=actor,
        actor_username=actor.get_username() if actor is not None else "",
        action=action,
        project_id=_project_id(project),
        changes=changes or {},
        detail=detail or {},
        request_id=context.request_id,
        ip_address=context.ip_address,
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        entry.object_id = str(obj.pk)
        entry.object_repr = object_label(obj)
    entry.save()
    return entry
