from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from participants.models import Consent, Enrolment, Family, ParticipantSubgroup, Person
from projects.admin_scoping import ProjectScopedAdmin


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


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    fields = ["scope", "given_on", "withdrawn_on"]


class EnrolmentInline(admin.TabularInline):
    model = Enrolment
    extra = 0
    fk_name = "person"
    fields = ["project", "subgroup", "start_date", "end_date", "kind_of_support"]
    raw_id_fields = ["project", "subgroup"]


@admin.register(Family)
class FamilyAdmin(ProjectScopedAdmin):
    list_display = ["label", "town", "municipality", "created_in_project", "updated_at"]
    list_filter = ["created_in_project", "voivodeship"]
    list_select_related = ["created_in_project"]
    search_fields = ["label", "town", "municipality"]
    show_full_result_count = False


@admin.register(Person)
class PersonAdmin(ProjectScopedAdmin):
    list_display = ["last_name", "first_name", "birth_date", "sex", "family", "created_in_project"]
    list_filter = ["created_in_project", "sex", "disability", "labour_market_status"]
    list_select_related = ["family", "created_in_project"]
    search_fields = ["last_name", "first_name", "=pesel", "=other_identifier"]
    raw_id_fields = ["family"]
    show_full_result_count = False
    inlines = [ConsentInline, EnrolmentInline]
    fieldsets = [
        (None, {"fields": ["first_name", "last_name", "created_in_project"]}),
        (
            _("Identyfikacja"),
            {"fields": ["pesel", "no_pesel", "other_identifier", "birth_date", "sex"]},
        ),
        (_("Rodzina"), {"fields": ["family", "relation_to_family"]}),
        (_("Kontakt"), {"fields": ["phone", "email"]}),
        (
            _("Dane do monitorowania (SM EFS)"),
            {
                "fields": [
                    "education",
                    "labour_market_status",
                    "disability",
                    "foreign_origin",
                    "third_country_national",
                    "minority",
                    "homeless_or_housing_excluded",
                    "household_without_work",
                    "single_adult_with_children",
                ]
            },
        ),
    ]


@admin.register(Enrolment)
class EnrolmentAdmin(ProjectScopedAdmin):
    list_display = ["__str__", "project", "subgroup", "start_date", "end_date", "age_at_enrolment"]
    list_filter = ["project", "subgroup"]
    list_select_related = ["project", "subgroup", "person"]
    raw_id_fields = ["person", "family"]
    readonly_fields = ["created_by", "age_at_enrolment"]
    date_hierarchy = "start_date"
    show_full_result_count = False

    @admin.display(description=_("wiek w dniu przystąpienia"))
    def age_at_enrolment(self, enrolment):
        return enrolment.age_at_enrolment
