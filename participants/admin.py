from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from participants.models import ParticipantSubgroup


class ParticipantSubgroupInline(TranslationTabularInline):
    model = ParticipantSubgroup
    extra = 0
    fields = ["name", "target_families", "target_participants", "target_note", "order"]


@admin.register(ParticipantSubgroup)
class ParticipantSubgroupAdmin(TranslationAdmin):
    list_display = ["name", "project", "target_families", "target_participants"]
    list_filter = ["project"]
    list_select_related = ["project"]
    search_fields = ["name", "project__title"]
