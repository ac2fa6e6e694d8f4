from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.models import AccessibilityStatement


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(TranslationAdmin):
    """The portal's accessibility statement; the public page shows the latest one."""

    list_display = ["site_name", "compliance", "site_updated_on", "prepared_on"]
    fieldsets = [
        (_("Wstęp"), {"fields": ["entity_name", "site_name", "site_url"]}),
        (_("Daty"), {"fields": ["site_published_on", "site_updated_on"]}),
        (_("Status pod względem zgodności"), {"fields": ["compliance", "inaccessible_content"]}),
        (
            _("Przygotowanie deklaracji"),
            {"fields": ["prepared_on", "reviewed_on", "method", "assessor"]},
        ),
        (
            _("Informacje zwrotne i dane kontaktowe"),
            {"fields": ["contact_person", "contact_email", "contact_phone"]},
        ),
        (
            _("Dostępność architektoniczna i inne"),
            {"fields": ["architectural_accessibility", "additional_information"]},
        ),
    ]
