from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """This page in each language: (code, name in that language, URL, is current).

    The URL keeps the query, so a family switching language keeps its filters or search."""
    request = context["request"]
    current = context.get("LANGUAGE_CODE")
    links = []
    # settings.LANGUAGES names each language in itself ("Українська").
    for code, name in settings.LANGUAGES:
        links.append(
            {
                "code": code,
                "name": name,
                "url": translate_url(request.get_full_path(), code),
                "current": code == current,
            }
        )
    return links


@register.filter
def phone_uri(phone: str) -> str:
    """A phone number as a `tel:` URI: digits only, with Poland's country code."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if not digits:
        return ""
    if len(digits) == 9:
        digits = "48" + digits
    return f"tel:+{digits}"


@register.filter
def fallback_lang(obj, field: str) -> str:
    """` lang="pl"` on an element whose content falls back to Polish (django-modeltranslation
    shows the Polish text where the page's language has none), so a screen reader switches to
    a Polish voice for it (WCAG 3.1.2). Empty when the text is in the page's language."""
    language = (get_language() or "").replace("-", "_")
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if not language or language == default:
        return ""
    if getattr(obj, f"{field}_{language}", None):
        return ""
    return mark_safe(f' lang="{default}"')  # a constant language code
