from django import template

from reports.scope import may_see_reports

register = template.Library()


@register.filter
def sees_reports(user) -> bool:
    """{% if request.user|sees_reports %}: the user oversees at least one project."""
    return may_see_reports(user)
