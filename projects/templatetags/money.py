from django import template

from projects.money import format_percent, format_pln

register = template.Library()


@register.filter
def pln(amount):
    """{{ funding.total_value|pln }} -> "1 113 999,60 zł" (non-breaking spaces)."""
    return format_pln(amount)


@register.filter
def percent(value):
    return format_percent(value)
