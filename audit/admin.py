from django.contrib import admin

from audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: nobody adds, edits or deletes the log through the admin."""

    list_display = ["timestamp", "actor_username", "action", "object_repr", "project"]
    list_filter = ["action", "project", "content_type"]
    search_fields = ["actor_username", "object_repr", "object_id"]
    list_select_related = ["project"]
    show_full_result_count = False
    date_hierarchy = "timestamp"

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
