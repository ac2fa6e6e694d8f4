"""Every public page, found by walking the URLconf and the objects in the database.

A pattern without parameters is reversed as it is; a pattern with parameters is filled with
the keyword arguments of every object's `get_absolute_url()` (resolved back), so projects and
offers — and any page another app adds under them, e.g. `projekty/<slug>/zapytanie/` — are
covered without anyone keeping a list. The back office and non-HTML answers are left out.
"""

from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils import translation

EXCLUDED_NAMESPACES = {"admin"}


def _named_patterns(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            if inner in EXCLUDED_NAMESPACES:
                continue
            prefix = f"{namespace}{inner}:" if inner else namespace
            yield from _named_patterns(entry, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", _parameters(entry)


def _parameters(entry: URLPattern) -> frozenset[str]:
    pattern = entry.pattern
    names = getattr(pattern, "converters", None)
    if names is None:
        names = pattern.regex.groupindex
    return frozenset(names)


def _object_kwargs() -> list[dict]:
    """The URL keyword arguments of every object that has a page of its own."""
    kwargs = []
    for model in apps.get_models():
        if not hasattr(model, "get_absolute_url") or model._meta.app_label in ("auth", "admin"):
            continue
        for obj in model._default_manager.all():
            match = resolve(obj.get_absolute_url())
            kwargs.append(dict(match.kwargs))
            kwargs.append({"pk": obj.pk})
    return kwargs


def public_paths(language: str) -> list[str]:
    """Paths in `language` that answer GET with an HTML page (200), sorted."""
    client = Client()
    found = set()
    with translation.override(language):
        candidates = _object_kwargs()
        for name, parameters in _named_patterns(get_resolver()):
            fillings = [kw for kw in candidates if set(kw) == parameters] if parameters else [{}]
            for kwargs in fillings:
                try:
                    found.add(reverse(name, kwargs=kwargs))
                except NoReverseMatch:
                    continue
    pages = []
    for path in sorted(found):
        response = client.get(path)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages.append(path)
    return pages
