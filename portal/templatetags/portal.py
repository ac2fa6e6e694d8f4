from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
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
    a Polish voice for it (WCAG 3.1.2). Empty when the text is in the page's language, and
    when there is no text at all (the template then shows something of its own)."""
    language = (get_language() or "").replace("-", "_")
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if not language or language == default:
        return ""
    if getattr(obj, f"{field}_{language}", None) or not getattr(obj, field, None):
        return ""
    return mark_safe(f' lang="{default}"')  # a constant language code


@register.simple_tag
def polish_lang() -> str:
    """` lang="pl"` on an element showing a field that is kept in Polish only (not registered
    for translation, e.g. a programme's measure or a project's area) when the page is in
    another language; empty on Polish pages."""
    language = (get_language() or "").replace("-", "_")
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if not language or language == default:
        return ""
    return mark_safe(f' lang="{default}"')  # a constant language code


@register.simple_tag
def fallback_text(obj, field: str) -> str:
    """The field's text, inside `<span lang="pl">` when it falls back to Polish (as
    `fallback_lang`), for text within a sentence; escaped."""
    return _in_span(getattr(obj, field, ""), fallback_lang(obj, field))


@register.simple_tag
def polish_text(value) -> str:
    """A Polish-only field's text within a sentence, inside `<span lang="pl">` on the pages
    in another language; escaped."""
    return _in_span(value, polish_lang())


def _in_span(value, lang: str) -> str:
    if lang and value:
        return format_html("<span{}>{}</span>", lang, value)
    return conditional_escape(value)
