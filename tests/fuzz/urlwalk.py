"""Every URL pattern of the URLconf, flattened: the walk the fuzz tests start from.

Nothing here lists pages by hand: a page another branch adds (a search page, an enquiry form,
a report in the admin) is found here as soon as its pattern is in the URLconf.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from django.utils.regex_helper import normalize


@dataclass(frozen=True)
class Route:
    """One URL pattern: `template % {param: value}` is a path (with its leading slash)."""

    template: str
    params: tuple[str, ...]
    name: str  # "namespace:name", or the view's dotted path when the pattern has no name
    callback: object = field(compare=False, repr=False)
    namespaces: tuple[str, ...] = ()

    @property
    def is_admin(self) -> bool:
        # The admin site's own patterns, and pages mounted under it (the reports at
        # /<lang>/admin/raporty/ are views wrapped in admin_view, in their own namespace).
        return "admin" in self.namespaces or "/admin/" in self.template

    def path(self, **values: str) -> str:
        return self.template % values

    def __str__(self) -> str:
        return self.name


def _first_possibility(regex: str) -> tuple[str, list[str]]:
    # normalize() is what Django's reverse() uses: a format string and its parameter names.
    return normalize(regex.removeprefix("^"))[0]


def _walk(patterns, prefix: str, params: tuple, namespaces: tuple):
    for entry in patterns:
        template, names = _first_possibility(entry.pattern.regex.pattern)
        joined = prefix + template
        all_params = params + tuple(names)
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry.url_patterns, joined, all_params, inner)
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            view = getattr(callback, "view_class", None) or callback
            label = (
                ":".join((*namespaces, entry.name))
                if entry.name
                else (f"{view.__module__}.{getattr(view, '__qualname__', view)}")
            )
            yield Route("/" + joined, all_params, label, callback, namespaces)


def all_routes() -> list[Route]:
    """Every pattern, in the default language (the language prefix of i18n_patterns is `pl/`)."""
    with translation.override(settings.LANGUAGE_CODE):
        return list(_walk(get_resolver().url_patterns, "", (), ()))
