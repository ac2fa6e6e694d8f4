"""Project content editable per language in the admin (django-modeltranslation).

Polish is written first; Ukrainian and English fall back to it where they are empty.
"""

from modeltranslation.translator import TranslationOptions, register

from projects.models import Project, ProjectContact


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "description",
        "main_goal",
        "target_groups",
        "expected_results",
        "easy_to_read",
        "funding_statement",
        "logo_strip_alt",
        "period_note",
    )


@register(ProjectContact)
class ProjectContactTranslationOptions(TranslationOptions):
    fields = ("label",)
