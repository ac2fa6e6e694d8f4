"""A base for admin pages of project-scoped records: the changelist, the change page (a
foreign id is a 404) and the history all go through the model's `for_user` QuerySet.

Phase 2 extends this to autocompletes, inlines, list-filter choices and actions.
"""

from django.contrib import admin


class ProjectScopedAdmin(admin.ModelAdmin):
    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)
