from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from participants.admin import ParticipantSubgroupInline
from projects.admin import ProjectAdmin
from projects.admin_scoping import ProjectScopedAdmin
from services.models import (
    Activity,
    ActivitySession,
    Consultation,
    Deliverable,
    PlaceKind,
    Situation,
    SpecialistKind,
    SupportOffer,
)


class ActivityInline(TranslationTabularInline):
    model = Activity
    extra = 0
    fields = ["kind", "name", "planned_count", "start_date", "end_date", "order"]


class DeliverableInline(TranslationTabularInline):
    model = Deliverable
    extra = 0
    fields = ["kind", "name", "order"]


# The project page in the admin edits everything the project owns; the inlines of the upper
# layers are attached here so that `projects` never imports from them.
ProjectAdmin.inlines = [
    *ProjectAdmin.inlines,
    ParticipantSubgroupInline,
    ActivityInline,
    DeliverableInline,
]


@admin.register(SpecialistKind, PlaceKind)
class VocabularyAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]


@admin.register(Situation)
class SituationAdmin(VocabularyAdmin):
    pass


@admin.register(SupportOffer)
class SupportOfferAdmin(TranslationAdmin):
    list_display = ["title", "project", "subgroup"]
    list_filter = ["project__city", "project", "situations", "specialist_kinds", "place_kinds"]
    list_select_related = ["project", "subgroup"]
    search_fields = ["title", "description", "project__title"]
    autocomplete_fields = ["project", "subgroup"]
    filter_horizontal = ["specialist_kinds", "place_kinds", "situations"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Activity)
class ActivityAdmin(TranslationAdmin):
    list_display = ["__str__", "kind", "project", "planned_count", "start_date"]
    list_filter = ["kind", "project"]
    list_select_related = ["project"]
    search_fields = ["name", "project__title"]
    autocomplete_fields = ["project"]


@admin.register(Deliverable)
class DeliverableAdmin(TranslationAdmin):
    list_display = ["name", "kind", "project"]
    list_filter = ["kind", "project"]
    list_select_related = ["project"]
    search_fields = ["name", "project__title"]
    autocomplete_fields = ["project"]


@admin.register(Consultation)
class ConsultationAdmin(ProjectScopedAdmin):
    list_display = [
        "date",
        "start_time",
        "project",
        "specialist_kind",
        "specialist",
        "place_kind",
        "duration_minutes",
        "form",
    ]
    list_filter = ["project", "specialist_kind", "place_kind", "form"]
    list_select_related = ["project", "specialist_kind", "specialist", "place_kind"]
    search_fields = ["topic", "hospital_name"]
    raw_id_fields = ["person", "family"]
    readonly_fields = ["created_by"]
    date_hierarchy = "date"
    show_full_result_count = False


@admin.register(ActivitySession)
class ActivitySessionAdmin(ProjectScopedAdmin):
    list_display = ["activity", "date", "attendance"]
    list_filter = ["activity__project"]
    list_select_related = ["activity", "activity__project"]
    date_hierarchy = "date"
