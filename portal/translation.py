from modeltranslation.translator import TranslationOptions, register

from portal.models import AccessibilityStatement


@register(AccessibilityStatement)
class AccessibilityStatementTranslationOptions(TranslationOptions):
    fields = (
        "entity_name",
        "site_name",
        "inaccessible_content",
        "architectural_accessibility",
        "additional_information",
    )
