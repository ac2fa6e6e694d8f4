"""The participant records in the back office. Every page is scoped to the user's projects
(`ProjectScopedAdminMixin`), every save goes through the write functions of
`participants.records` and `participants.enrolment`, and every opening of a person's or a
family's page is logged (`AuditedRecordAdminMixin`).

`PersonAdmin.object_tools` and `FamilyAdmin.object_tools` are lists of callables
`(request, obj) -> {"label": …, "url": …} | None` that the apps building on participants
append to (services adds "Zarejestruj konsultację"), so this module never imports upward.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from audit.admin import AuditedRecordAdminMixin
from participants import enrolment as enrolment_writes
from participants import records
from participants.admin_gdpr import PersonGdprAdminMixin, gdpr_object_tools
from participants.models import Consent, Enrolment, Family, ParticipantSubgroup, Person
from projects.admin_scoping import (
    ProjectScopedAdminMixin,
    ProjectScopedInlineMixin,
    adopt,
    written_fields,
)
from projects.models import Project
from projects.scoping import OVERSEEING_ROLES, RECORD_KEEPING_ROLES, project_ids_for


def record_keeping_projects(user):
    return Project.objects.filter(pk__in=project_ids_for(user, roles=RECORD_KEEPING_ROLES))


class ParticipantSubgroupInline(TranslationTabularInline):
    model = ParticipantSubgroup
    extra = 0
    fields = ["name", "target_families", "target_participants", "target_note", "order"]


@admin.register(ParticipantSubgroup)
class ParticipantSubgroupAdmin(ProjectScopedAdminMixin, TranslationAdmin):
    list_display = ["name", "project", "target_families", "target_participants"]
    list_filter = ["project"]
    list_select_related = ["project"]
    search_fields = ["name", "project__title"]


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    fields = ["scope", "given_on", "withdrawn_on"]


class EnrolmentInlineFormSet(forms.BaseInlineFormSet):
    """An existing enrolment keeps its project (end it and enrol again instead, as on the
    enrolment's own page); removing one needs an overseeing role in its project."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if form.instance.pk is not None and "project" in form.fields:
            form.fields["project"].disabled = True

    def clean(self):
        super().clean()
        user = self.request.user
        if user.is_active and user.is_superuser:
            return
        overseen = project_ids_for(user, roles=OVERSEEING_ROLES)
        for form in self.deleted_forms:
            if form.instance.pk is not None and form.instance.project_id not in overseen:
                raise ValidationError(
                    _("Udział w projekcie może usunąć tylko koordynator lub administrator ośrodka.")
                )


class EnrolmentInline(ProjectScopedInlineMixin, admin.TabularInline):
    """A person's enrolments in the user's projects only (others stay invisible)."""

    model = Enrolment
    formset = EnrolmentInlineFormSet
    extra = 0
    fk_name = "person"
    fields = ["project", "subgroup", "start_date", "end_date", "kind_of_support"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request  # the delete rule in clean() is the user's
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "project":
            kwargs["queryset"] = record_keeping_projects(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ParticipantRecordAdmin(AuditedRecordAdminMixin, ProjectScopedAdminMixin, admin.ModelAdmin):
    project_path = "created_in_project"
    audit_views = True
    show_full_result_count = False
    object_tools: list = []

    def has_delete_permission(self, request, obj=None):
        """Only a card with no enrolment and no consultation may be deleted (one opened by
        mistake), by an overseer of every project it belongs to. A participant's data is
        removed by the GDPR erasure instead, which keeps the rules on archiving and the
        statistics."""
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or not self.has_participation(obj)

    @staticmethod
    def has_participation(obj) -> bool:
        if obj.enrolments.exists():
            return True
        # Consultations live in `services` (which builds on this app): the reverse relation.
        consultations = getattr(obj, "consultations", None)
        if consultations is not None and consultations.exists():
            return True
        if isinstance(obj, Person) and obj.family_id:
            return obj.family.enrolments.filter(person__isnull=True).exists()
        return isinstance(obj, Family) and obj.members.filter(enrolments__isnull=False).exists()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # The project that opened the card stays its keeper (scoping depends on it).
        return [*readonly, "created_in_project"] if obj is not None else readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "created_in_project":
            kwargs["queryset"] = record_keeping_projects(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            links = (tool(request, obj) for tool in self.object_tools)
            context["object_tool_links"] = [link for link in links if link]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is Enrolment:
            self._save_enrolments(request, form.instance, formset)
        elif formset.model is Consent:
            self._save_consents(request, form.instance, formset)
        else:
            super().save_formset(request, form, formset, change)

    def _save_enrolments(self, request, parent, formset):
        for obj in formset.save(commit=False):
            if obj.pk is None:
                saved = enrolment_writes.enrol(
                    actor=request.user,
                    subgroup=obj.subgroup,
                    start_date=obj.start_date,
                    end_date=obj.end_date,
                    kind_of_support=obj.kind_of_support,
                    project=obj.project,
                    person=parent if isinstance(parent, Person) else None,
                    family=parent if isinstance(parent, Family) else None,
                )
                adopt(obj, saved)
            else:
                enrolment_writes.update_enrolment(
                    actor=request.user,
                    enrolment=obj,
                    subgroup=obj.subgroup,
                    start_date=obj.start_date,
                    end_date=obj.end_date,
                    kind_of_support=obj.kind_of_support,
                )
        for obj in formset.deleted_objects:
            obj.delete()

    def _save_consents(self, request, person, formset):
        for obj in formset.save(commit=False):
            if obj.pk is None:
                adopt(
                    obj,
                    records.record_consent(
                        actor=request.user,
                        person=person,
                        scope=obj.scope,
                        given_on=obj.given_on,
                        withdrawn_on=obj.withdrawn_on,
                    ),
                )
            else:
                records.update_consent(
                    actor=request.user,
                    consent=obj,
                    scope=obj.scope,
                    given_on=obj.given_on,
                    withdrawn_on=obj.withdrawn_on,
                )
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(Family)
class FamilyAdmin(ParticipantRecordAdmin):
    project_paths = (
        "created_in_project",
        "enrolments__project",
        "members__created_in_project",
        "members__enrolments__project",
    )
    object_tools: list = []
    list_display = ["label", "town", "municipality", "created_in_project", "updated_at"]
    list_filter = ["created_in_project", "voivodeship"]
    list_select_related = ["created_in_project"]
    search_fields = ["label", "town", "municipality"]

    def save_model(self, request, obj, form, change):
        fields = written_fields(form, obj, exclude={"created_in_project"})
        if change:
            records.update_family(actor=request.user, family=obj, **fields)
        else:
            adopt(
                obj,
                records.create_family(actor=request.user, project=obj.created_in_project, **fields),
            )


@admin.register(Person)
class PersonAdmin(PersonGdprAdminMixin, ParticipantRecordAdmin):
    project_paths = ("created_in_project", "enrolments__project", "family__enrolments__project")
    object_tools: list = list(gdpr_object_tools)
    list_display = ["last_name", "first_name", "birth_date", "sex", "family", "created_in_project"]
    list_filter = ["created_in_project", "sex", "disability", "labour_market_status"]
    list_select_related = ["family", "created_in_project"]
    search_fields = ["last_name", "first_name", "=pesel", "=other_identifier"]
    autocomplete_fields = ["family"]
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

    def save_model(self, request, obj, form, change):
        fields = written_fields(form, obj, exclude={"created_in_project"})
        if change:
            records.update_person(actor=request.user, person=obj, **fields)
        else:
            adopt(
                obj,
                records.create_person(actor=request.user, project=obj.created_in_project, **fields),
            )


@admin.register(Enrolment)
class EnrolmentAdmin(ProjectScopedAdminMixin, AuditedRecordAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "project", "subgroup", "start_date", "end_date", "age_at_enrolment"]
    list_filter = ["project", "subgroup"]
    list_select_related = ["project", "subgroup", "person"]
    autocomplete_fields = ["person", "family"]
    date_hierarchy = "start_date"
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        readonly = ["created_by", "age_at_enrolment"]
        # Who and which project are fixed once enrolled; end it and enrol again instead.
        return [*readonly, "project", "person", "family"] if obj is not None else readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "project":
            kwargs["queryset"] = record_keeping_projects(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("wiek w dniu przystąpienia"))
    def age_at_enrolment(self, enrolment):
        return enrolment.age_at_enrolment

    def save_model(self, request, obj, form, change):
        if change:
            enrolment_writes.update_enrolment(
                actor=request.user,
                enrolment=obj,
                subgroup=obj.subgroup,
                start_date=obj.start_date,
                end_date=obj.end_date,
                kind_of_support=obj.kind_of_support,
            )
        else:
            adopt(
                obj,
                enrolment_writes.enrol(
                    actor=request.user,
                    subgroup=obj.subgroup,
                    start_date=obj.start_date,
                    end_date=obj.end_date,
                    kind_of_support=obj.kind_of_support,
                    project=obj.project,
                    person=obj.person,
                    family=obj.family,
                ),
            )
