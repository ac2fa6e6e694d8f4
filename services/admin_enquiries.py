"""The back office of enquiries: scoped to the user's projects (and to the roles that handle
enquiries), every change through `services.enquiries`, every view and change audited."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from audit.admin import AuditedRecordAdminMixin
from projects.admin_scoping import ProjectScopedAdminMixin, adopt
from services import enquiries
from services.models import Enquiry
from services.phone import display_phone

READ_ONLY_FIELDS = [
    "reference",
    "project",
    "offer",
    "created_at",
    "name",
    "contact_phone",
    "email",
    "preferred_contact_time",
    "message",
    "consent_text_version",
    "consented_at",
    "updated_at",
]


class EnquiryAdminForm(forms.ModelForm):
    class Meta:
        model = Enquiry
        fields = ["status", "assignee"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        enquiry = self.instance
        if enquiry.pk is None:
            return
        if "status" in self.fields:
            allowed = {enquiry.status, *enquiries.allowed_statuses(enquiry)}
            self.fields["status"].choices = [
                (value, label) for value, label in Enquiry.Status.choices if value in allowed
            ]
        if "assignee" in self.fields:
            self.fields["assignee"].queryset = self.fields["assignee"].queryset.filter(
                pk__in=enquiries.handlers_of(enquiry.project_id).values("pk")
            )


@admin.register(Enquiry)
class EnquiryAdmin(AuditedRecordAdminMixin, ProjectScopedAdminMixin, admin.ModelAdmin):
    form = EnquiryAdminForm
    audit_views = True  # who opened which family's enquiry
    list_display = [
        "reference",
        "created_at",
        "project",
        "offer",
        "name",
        "preferred_contact_time",
        "status",
        "assignee",
    ]
    list_filter = ["status", "assignee", "project"]
    list_select_related = ["project", "offer", "assignee"]
    search_fields = ["reference", "name", "email", "phone"]
    show_full_result_count = False
    date_hierarchy = "created_at"
    actions = ["mark_contacted", "assign_to_me"]
    fieldsets = [
        (
            _("Zgłoszenie"),
            {"fields": ["reference", "project", "offer", "created_at", "updated_at"]},
        ),
        (
            _("Od rodziny"),
            {
                "fields": [
                    "name",
                    "contact_phone",
                    "email",
                    "preferred_contact_time",
                    "message",
                    "consent_text_version",
                    "consented_at",
                ]
            },
        ),
        (_("Prowadzenie"), {"fields": ["status", "assignee"]}),
    ]
    readonly_fields = READ_ONLY_FIELDS

    @admin.display(description=_("telefon"))
    def contact_phone(self, obj):
        return display_phone(obj.phone) if obj.phone else "–"

    def has_add_permission(self, request):
        # Enquiries come from the families' form; staff do not file them.
        return False

    def save_model(self, request, obj, form, change):
        current = Enquiry.objects.select_related("project").get(pk=obj.pk)
        if "assignee" in form.changed_data:
            enquiries.assign_enquiry(
                actor=request.user, enquiry=current, assignee=form.cleaned_data["assignee"]
            )
        if "status" in form.changed_data:
            enquiries.change_enquiry_status(
                actor=request.user, enquiry=current, status=form.cleaned_data["status"]
            )
        adopt(obj, current)

    @admin.action(description=_("Oznacz: nawiązano kontakt"), permissions=["change"])
    def mark_contacted(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda enquiry: enquiries.change_enquiry_status(
                actor=request.user, enquiry=enquiry, status=Enquiry.Status.CONTACTED
            ),
        )

    @admin.action(description=_("Przydziel do mnie"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda enquiry: enquiries.assign_enquiry(
                actor=request.user, enquiry=enquiry, assignee=request.user
            ),
        )

    def _each(self, request, queryset, write) -> None:
        """Run `write` on each selected enquiry; the ones the rules refuse are counted."""
        done, refused = 0, []
        for enquiry in queryset.select_related("project").order_by("pk"):
            try:
                write(enquiry)
            except (ValidationError, PermissionDenied) as error:
                messages_of = getattr(error, "messages", None) or [str(error)]
                refused.append(f"{enquiry.reference}: {' '.join(messages_of)}")
            else:
                done += 1
        if done:
            self.message_user(
                request,
                # No plural forms needed: Polish has three, and the source strings are Polish.
                _("Zmienione zgłoszenia: %(count)d.") % {"count": done},
                messages.SUCCESS,
            )
        for line in refused:
            self.message_user(request, line, messages.WARNING)
