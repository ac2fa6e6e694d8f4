from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.text import capfirst

from audit.log import object_label, record
from audit.models import AuditEntry
from projects.admin_scoping import ProjectScopedAdminMixin
from projects.scoping import OVERSEEING_ROLES, project_ids_for

HISTORY_LIMIT = 1000


def _without_names(entry, obj):
    entry.object_repr = object_label(obj)
    entry.save(update_fields=["object_repr"])
    return entry


def change_rows(model, changes: dict) -> list[tuple[str, object, object]]:
    """(field label, old, new) for an entry's changes; masked values stay masked."""
    labels = {field.attname: field.verbose_name for field in model._meta.concrete_fields}
    rows = []
    for attname, values in changes.items():
        old, new = [*values, None, None][:2] if isinstance(values, list) else (None, values)
        rows.append((capfirst(str(labels.get(attname, attname))), old, new))
    return rows


class AuditedRecordAdminMixin:
    """For admins of audited records (after `ProjectScopedAdminMixin` in the bases):

    - the history page shows the record's audit-log entries above Django's admin history, to
      superusers and to coordinators and administrators of the record's projects (others: 403);
    - with `audit_views = True`, every opening of the change page is logged as a view.
    """

    object_history_template = "admin/audit/object_history.html"
    # Every opening of a record's page is logged unless an admin says otherwise.
    audit_views = True

    # Django's own admin history (LogEntry, also shown as "Recent actions" on the admin
    # index) stores str(obj), i.e. a person's name: keep the record's label there instead.
    def log_addition(self, request, obj, message):
        return _without_names(super().log_addition(request, obj, message), obj)

    def log_change(self, request, obj, message):
        return _without_names(super().log_change(request, obj, message), obj)

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        labels = {str(obj.pk): object_label(obj) for obj in queryset}
        for entry in entries:
            entry.object_repr = labels.get(str(entry.object_id), entry.object_repr)
        LogEntry.objects.bulk_update(entries, ["object_repr"])
        return entries

    def can_read_history(self, request, obj) -> bool:
        user = request.user
        if user.is_active and user.is_superuser:
            return True
        return bool(self.projects_of(obj) & project_ids_for(user, roles=OVERSEEING_ROLES))

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))  # 404 outside the user's projects
        if not self.can_read_history(request, obj):
            raise PermissionDenied
        # The newest entries (a record opened daily soon has thousands), about the projects
        # the user oversees or about none: another project's work with the record is not
        # theirs to see. Shown oldest first.
        entries = AuditEntry.objects.for_object(obj)
        if not request.user.is_superuser:
            overseen = project_ids_for(request.user, roles=OVERSEEING_ROLES)
            entries = entries.filter(Q(project__in=overseen) | Q(project__isnull=True))
        entries = list(entries.order_by("-timestamp", "-pk")[:HISTORY_LIMIT])[::-1]
        for entry in entries:
            entry.change_rows = change_rows(self.model, entry.changes)
        return super().history_view(
            request, object_id, extra_context={"audit_entries": entries, **(extra_context or {})}
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self.audit_views and obj is not None and request.method == "GET":
            common = self.projects_in_common(request, obj)
            record(
                action=AuditEntry.Action.VIEW,
                obj=obj,
                project=common[0] if common else None,
                detail={"page": "admin_change"},
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(ProjectScopedAdminMixin, admin.ModelAdmin):
    """Read-only for everyone, superusers included; scoped to the projects a user oversees
    (AuditEntry.objects.for_user)."""

    list_display = ["timestamp", "actor_username", "action", "object_repr", "project"]
    list_filter = ["action", "project", "content_type"]
    search_fields = ["actor_username", "object_repr", "object_id"]
    list_select_related = ["project"]
    show_full_result_count = False
    date_hierarchy = "timestamp"
    fields = [
        "timestamp",
        "actor_username",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "project",
        "changes",
        "detail",
        "request_id",
        "ip_address",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
