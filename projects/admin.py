from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from projects.models import (
    Funding,
    Organisation,
    Partnership,
    Project,
    ProjectContact,
    ProjectMembership,
    StaffProfile,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "town", "phone", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "town", "email"]


class FundingInline(admin.StackedInline):
    model = Funding
    can_delete = False
    fields = ["total_value", "co_financing", "eu_share", "state_subsidy", "own_contribution"]


class PartnershipInline(admin.TabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ["organisation"]


class ProjectContactInline(TranslationStackedInline):
    model = ProjectContact
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Project)
class ProjectAdmin(TranslationAdmin):
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


@admin.register(ProjectMembership)
class ProjectMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "project", "role", "created_at"]
    list_filter = ["role", "project"]
    list_select_related = ["user", "project"]
    search_fields = ["user__username", "user__last_name", "project__title"]
    autocomplete_fields = ["user", "project"]


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "job_title"]
    list_filter = ["organisation"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
