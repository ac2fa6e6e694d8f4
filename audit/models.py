"""The audit log: who did what to which record, when. Append-only in spirit."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.models import Project
from projects.scoping import OVERSEEING_ROLES, scope_to_projects


class AuditEntryQuerySet(models.QuerySet):
    def for_user(self, user):
        """Coordinators and centre administrators read their projects' log; superusers all."""
        return scope_to_projects(self, user, roles=OVERSEEING_ROLES)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("utworzenie")
        CHANGE = "change", _("zmiana")
        DELETE = "delete", _("usunięcie")
        VIEW = "view", _("wyświetlenie")
        EXPORT = "export", _("eksport")
        LOGIN = "login", _("logowanie")
        LOGIN_FAILED = "login_failed", _("nieudane logowanie")
        LOGOUT = "logout", _("wylogowanie")

    timestamp = models.DateTimeField(_("czas"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kto"),
    )
    # Kept when the user is deleted, so the log still says who it was.
    actor_username = models.CharField(_("login"), max_length=150, blank=True)
    action = models.CharField(_("czynność"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rodzaj rekordu"),
    )
    object_id = models.CharField(_("identyfikator rekordu"), max_length=64, blank=True)
    # "Osoba #123", never a name: the log is read more widely than the records.
    object_repr = models.CharField(_("rekord"), max_length=200, blank=True)
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("projekt"),
    )
    changes = models.JSONField(_("zmiany"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    detail = models.JSONField(_("szczegóły"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    request_id = models.CharField(_("identyfikator żądania"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(_("adres IP"), null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("wpis rejestru zdarzeń")
        verbose_name_plural = _("rejestr zdarzeń")
        ordering = ["-timestamp", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["project", "timestamp"], name="audit_project_time_idx"),
            models.Index(fields=["actor", "timestamp"], name="audit_actor_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"
