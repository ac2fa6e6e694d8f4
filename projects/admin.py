from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from projects import memberships
from projects.admin_scoping import (
    MissingObjectIs404Mixin,
    ProjectScopedAdminMixin,
    SafeAutocompleteMixin,
    team_members,
)
from projects.models import (
    Funding,
    Organisation,
    Partnership,
    Project,
    ProjectContact,
    ProjectMembership,
    StaffProfile,
    StaffRole,
)
from projects.scoping import project_ids_for

# The back office names itself, not the framework ("Administracja Django").
admin.site.site_header = _("Portal wsparcia rodzin – zaplecze")
admin.site.site_title = _("Zaplecze portalu wsparcia rodzin")
admin.site.index_title = _("Rejestry i projekty")


@admin.register(Organisation)
class OrganisationAdmin(MissingObjectIs404Mixin, admin.ModelAdmin):
    list_display = ["name", "kind", "town", "phone", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "town", "email"]


class FundingInline(admin.StackedInline):
    model = Funding
    can_delete = False
    fields = ["total_value", "co_financing", "eu_share", "state_subsidy", "own_contribution"]


class PartnershipInline(SafeAutocompleteMixin, admin.TabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ["organisation"]


class ProjectContactInline(SafeAutocompleteMixin, TranslationStackedInline):
    model = ProjectContact
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Project)
class ProjectAdmin(ProjectScopedAdminMixin, TranslationAdmin):
    """Staff see the projects they work in; superusers all."""

    list_display = ["title", "city", "start_date", "end_date", "status_label", "programme"]
    list_filter = ["city", "programming_period", "programme", "fund"]
    search_fields = ["title", "city", "call_number", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "start_date"
    inlines = [FundingInline, PartnershipInline, ProjectContactInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "city", "voivodeship", "area"]}),
        (_("Okres realizacji"), {"fields": ["start_date", "end_date", "period_note"]}),
        (
            _("Program i nabór"),
            {
                "fields": [
                    "programming_period",
                    "programme",
                    "priority_axis",
                    "measure",
                    "call_number",
                    "fund",
                    "programme_specific_objective",
                    "category",
                    "topic",
                ]
            },
        ),
        (
            _("Opis"),
            {
                "fields": [
                    "summary",
                    "description",
                    "main_goal",
                    "target_groups",
                    "expected_results",
                    "target_participants",
                ]
            },
        ),
        (
            _("Dostępność i oznakowanie"),
            {
                "fields": [
                    "easy_to_read",
                    "sign_language_video_url",
                    "funding_statement",
                    "logo_strip",
                    "logo_strip_alt",
                ]
            },
        ),
    ]

    @admin.display(description=_("stan"))
    def status_label(self, project):
        return project.get_status_display()


def staff_pool(user):
    """Users a centre administrator may put in a team or profile: their organisation's staff
    and their projects' teams (everyone for a superuser)."""
    User = get_user_model()
    if user.is_active and user.is_superuser:
        return User.objects.filter(is_staff=True).order_by("username")
    organisations = StaffProfile.objects.filter(user=user).values("organisation_id")
    return (
        User.objects.filter(is_staff=True)
        .filter(
            Q(staff_profile__organisation__in=organisations)
            | Q(pk__in=team_members(user).values("pk"))
        )
        .order_by("username")
    )


@admin.register(ProjectMembership)
class ProjectMembershipAdmin(ProjectScopedAdminMixin, admin.ModelAdmin):
    list_display = ["user", "project", "role", "created_at"]
    list_filter = ["role", "project"]
    list_select_related = ["user", "project"]
    search_fields = ["user__username", "user__last_name", "project__title"]

    def get_readonly_fields(self, request, obj=None):
        # Moving a membership to another person or project is a revoke and a grant.
        return ["user", "project"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "project":
            managed = project_ids_for(request.user, roles=[StaffRole.CENTRE_ADMIN])
            kwargs["queryset"] = Project.objects.filter(pk__in=managed)
        elif db_field.name == "user":
            kwargs["queryset"] = staff_pool(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or memberships.can_manage_team(request.user, obj.project))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or memberships.can_manage_team(request.user, obj.project))

    def save_model(self, request, obj, form, change):
        if change:
            memberships.change_role(actor=request.user, membership=obj, role=obj.role)
        else:
            saved = memberships.grant_role(
                actor=request.user, user=obj.user, project=obj.project, role=obj.role
            )
            obj.__dict__.update(saved.__dict__)

    def delete_model(self, request, obj):
        memberships.revoke_role(actor=request.user, membership=obj)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("user"):
            memberships.revoke_role(actor=request.user, membership=membership)


@admin.register(StaffProfile)
class StaffProfileAdmin(SafeAutocompleteMixin, MissingObjectIs404Mixin, admin.ModelAdmin):
    list_display = ["user", "organisation", "job_title"]
    list_filter = ["organisation"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    autocomplete_fields = ["organisation"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_active and request.user.is_superuser:
            return queryset
        return queryset.filter(user__in=staff_pool(request.user).values("pk"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = staff_pool(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- Fuzz/hardening: Django's own user and group admins, with a 404 for a missing id too. ------
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class UserAdmin(MissingObjectIs404Mixin, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(MissingObjectIs404Mixin, auth_admin.GroupAdmin):
    pass
