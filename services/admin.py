from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from participants.admin import ParticipantSubgroupInline
from projects.admin import ProjectAdmin
from services.models import (
    Activity,
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
