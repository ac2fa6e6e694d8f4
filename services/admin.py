import uuid
from datetime import time
from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from audit.admin import AuditedRecordAdminMixin
from participants.admin import FamilyAdmin, ParticipantSubgroupInline, PersonAdmin
from participants.models import Enrolment, Family, Person
from projects.admin import ProjectAdmin
from projects.admin_scoping import (
    MissingObjectIs404Mixin,
    ProjectScopedAdminMixin,
    adopt,
    written_fields,
)
from projects.paginators import EstimatedCountPaginator
from projects.scoping import project_ids_for
from services import consultations
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
class VocabularyAdmin(MissingObjectIs404Mixin, TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]


@admin.register(Situation)
class SituationAdmin(VocabularyAdmin):
    pass


@admin.register(SupportOffer)
class SupportOfferAdmin(ProjectScopedAdminMixin, TranslationAdmin):
    list_display = ["title", "project", "subgroup"]
    list_filter = ["project__city", "project", "situations", "specialist_kinds", "place_kinds"]
    list_select_related = ["project", "subgroup"]
    search_fields = ["title", "description", "project__title"]
    autocomplete_fields = ["project", "subgroup"]
    filter_horizontal = ["specialist_kinds", "place_kinds", "situations"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Activity)
class ActivityAdmin(ProjectScopedAdminMixin, TranslationAdmin):
    list_display = ["__str__", "kind", "project", "planned_count", "start_date"]
    list_filter = ["kind", "project"]
    list_select_related = ["project"]
    search_fields = ["name", "project__title"]
    autocomplete_fields = ["project"]


@admin.register(Deliverable)
class DeliverableAdmin(ProjectScopedAdminMixin, TranslationAdmin):
    list_display = ["name", "kind", "project"]
    list_filter = ["kind", "project"]
    list_select_related = ["project"]
    search_fields = ["name", "project__title"]
    autocomplete_fields = ["project"]


CONSULTATION_FIELDS = [
    "person",
    "family",
    "project",
    "specialist_kind",
    "specialist",
    "date",
    "start_time",
    "duration_minutes",
    "place_kind",
    "hospital_name",
    "form",
    "topic",
    "notes",
]


def rounded_now(step_minutes: int = 5) -> time:
    """The local time now, to the nearest `step_minutes` (the default start time)."""
    now = timezone.localtime()
    minutes = (now.hour * 60 + now.minute + step_minutes // 2) // step_minutes * step_minutes
    minutes = min(minutes, 24 * 60 - step_minutes)
    return time(minutes // 60, minutes % 60)


class ConsultationForm(forms.ModelForm):
    # Generated when the add form is shown; a second submission of the same form (a double
    # click, a resent POST) returns the consultation the first one recorded.
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Consultation
        fields = CONSULTATION_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "submission_key" in self.fields and not self.is_bound:
            self.fields["submission_key"].initial = uuid.uuid4()


@admin.register(Consultation)
class ConsultationAdmin(AuditedRecordAdminMixin, ProjectScopedAdminMixin, admin.ModelAdmin):
    form = ConsultationForm
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
    # Not the notes: a search must not reveal what only their readers may see.
    search_fields = ["topic", "hospital_name"]
    autocomplete_fields = ["person", "family"]
    # Built for a million rows: no date hierarchy (it scans the table for its years and
    # days), no full count, and an estimated count for the unfiltered list; every filter
    # above is backed by an index (see the model's Meta).
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    def get_queryset(self, request):
        queryset = super().get_queryset(request)  # scoped (a subquery of the user's projects)
        if not request.user.is_superuser:
            # The same projects as literal ids: PostgreSQL then reads one project's page in
            # order from the (project, date…) index instead of sorting all its rows.
            queryset = queryset.filter(project_id__in=sorted(project_ids_for(request.user)))
        return queryset

    def get_fields(self, request, obj=None):
        fields = list(CONSULTATION_FIELDS)
        if obj is None:
            return [*fields, "submission_key"]
        if not consultations.can_read_consultation_notes(request.user, obj):
            fields.remove("notes")
        return [*fields, "created_by"]

    def get_readonly_fields(self, request, obj=None):
        # The project is fixed once logged (scoping and the audit log depend on it).
        return ["created_by", "project"] if obj is not None else []

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or consultations.can_change_consultation(request.user, obj))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)  # 404 for a foreign id
        user = request.user
        initial.setdefault("date", timezone.localdate())
        initial.setdefault("start_time", rounded_now())
        initial.setdefault("specialist", user.pk)
        if "project" not in initial and not user.is_superuser:
            projects = project_ids_for(user)
            if len(projects) == 1:
                initial["project"] = next(iter(projects))
        if "specialist_kind" not in initial:
            # The kind of specialist the user logged last (in this project, if one is known).
            previous = Consultation.objects.filter(specialist=user).order_by("-created_at", "-pk")
            if initial.get("project"):
                previous = previous.filter(project_id=initial["project"])
            kind = previous.values_list("specialist_kind_id", flat=True).first()
            if kind is not None:
                initial["specialist_kind"] = kind
        return initial

    def save_model(self, request, obj, form, change):
        if change:
            fields = written_fields(form, obj, exclude={"project", "submission_key"})
            consultations.update_consultation(actor=request.user, consultation=obj, **fields)
            return
        saved = consultations.log_consultation(
            actor=request.user,
            project=obj.project,
            person=obj.person,
            family=obj.family,
            specialist_kind=obj.specialist_kind,
            specialist=obj.specialist,
            date=obj.date,
            start_time=obj.start_time,
            duration_minutes=obj.duration_minutes,
            place_kind=obj.place_kind,
            hospital_name=obj.hospital_name,
            form=obj.form,
            topic=obj.topic,
            notes=obj.notes,
            idempotency_key=form.cleaned_data.get("submission_key"),
        )
        adopt(obj, saved)


@admin.register(ActivitySession)
class ActivitySessionAdmin(AuditedRecordAdminMixin, ProjectScopedAdminMixin, admin.ModelAdmin):
    """Activities actually held: the day and how many people came."""

    project_path = "activity__project"
    list_display = ["activity", "date", "attendance"]
    list_filter = ["activity__project"]
    list_select_related = ["activity", "activity__project"]
    fields = ["activity", "date", "attendance", "notes"]
    date_hierarchy = "date"

    def get_readonly_fields(self, request, obj=None):
        return ["activity"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            consultations.update_activity_session(
                actor=request.user,
                session=obj,
                date=obj.date,
                attendance=obj.attendance,
                notes=obj.notes,
            )
        else:
            adopt(
                obj,
                consultations.record_activity_session(
                    actor=request.user,
                    activity=obj.activity,
                    date=obj.date,
                    attendance=obj.attendance,
                    notes=obj.notes,
                ),
            )


# "Zarejestruj konsultację" on a person's and a family's page: the add form prefilled with
# the participant and a project both share (ids only, never names, in the URL).
def _consultation_link(request, participant, enrolled_projects):
    if not request.user.has_perm("services.add_consultation"):
        return None
    mine = project_ids_for(request.user)
    shared = sorted(set(enrolled_projects) & mine)
    params = {participant._meta.model_name: participant.pk}
    if shared:
        params["project"] = shared[0]
    return {
        "label": _("Zarejestruj konsultację"),
        "url": f"{reverse('admin:services_consultation_add')}?{urlencode(params)}",
    }


def person_consultation_link(request, person: Person):
    enrolled = Enrolment.objects.filter(
        Q(person=person) | Q(family_id=person.family_id, family__isnull=False)
    ).values_list("project_id", flat=True)
    return _consultation_link(request, person, enrolled)


def family_consultation_link(request, family: Family):
    enrolled = Enrolment.objects.filter(Q(family=family) | Q(person__family=family)).values_list(
        "project_id", flat=True
    )
    return _consultation_link(request, family, enrolled)


PersonAdmin.object_tools.append(person_consultation_link)
FamilyAdmin.object_tools.append(family_consultation_link)

# The enquiries' admin lives in its own module; importing it registers it.
import services.admin_enquiries  # noqa: E402, F401
