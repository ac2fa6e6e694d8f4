"""What the fuzz tests learn from the running site: a crawl of the public pages, the forms a
response rendered, and the row counts that show nothing was half-saved."""

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django import forms
from django.apps import apps
from django.contrib.admin.helpers import AdminForm, InlineAdminFormSet
from django.contrib.sessions.models import Session
from django.urls import Resolver404, resolve
from django.utils.html import escape

from tests.fuzz.htmlforms import HtmlForm, forms_of
from tests.fuzz.urlwalk import Route

try:  # django-filter: a FilterSet's form holds its GET parameters.
    from django_filters.filterset import BaseFilterSet
except ImportError:  # pragma: no cover
    BaseFilterSet = ()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def route_name_of(path: str) -> str | None:
    """The Route.name of the pattern serving `path` (as tests.fuzz.urlwalk names it)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name:
        return ":".join([*match.namespaces, match.url_name])
    view = getattr(match.func, "view_class", None) or match.func
    return f"{view.__module__}.{getattr(view, '__qualname__', view)}"


@dataclass
class Crawl:
    """One concrete URL per public pattern reached from the home page, the POST forms found on
    the pages (by the path they post to), and the GET parameter names the pages link with."""

    url_of: dict[str, str] = field(default_factory=dict)
    post_forms: dict[str, list[HtmlForm]] = field(default_factory=dict)
    get_names: dict[str, set[str]] = field(default_factory=dict)


def crawl(client, start: str, *, within: str, limit: int = 60) -> Crawl:
    """Breadth-first over same-site links under `within`, one page per pattern."""
    result = Crawl()
    queue, seen = deque([start]), {start}
    queued_patterns = {route_name_of(urlsplit(start).path)}
    while queue and len(seen) <= limit:
        url = queue.popleft()
        response = client.get(url)
        path = urlsplit(url).path
        name = route_name_of(path)
        if name is None or response.status_code != 200:
            continue
        result.url_of.setdefault(name, url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        for form in forms_of(html):
            target = urlsplit(urljoin(url, form.action or url))
            if form.method == "post":
                result.post_forms.setdefault(target.path, []).append(form)
            else:
                result.get_names.setdefault(target.path, set()).update(form.names)
        for href in links_of(html):
            parts = urlsplit(urljoin(url, href))
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue
            if parts.query:
                result.get_names.setdefault(parts.path, set()).update(
                    key for key, _ in parse_qsl(parts.query, keep_blank_values=True)
                )
            target_name = route_name_of(parts.path)
            if not parts.path.startswith(within) or target_name is None:
                continue
            # One page per pattern is enough to fuzz it; the rest are the same code.
            if target_name in queued_patterns or parts.path in seen:
                continue
            queued_patterns.add(target_name)
            seen.add(parts.path)
            queue.append(parts.path)
    return result


def declared_form_classes(route: Route) -> list[type]:
    """Form and FilterSet classes a view declares (class-based views, or attributes set on a
    function view), for the parameters a page accepts before anything is rendered."""
    view = getattr(route.callback, "view_class", None) or route.callback
    found = []
    for attribute in ("form_class", "filterset_class", "search_form_class"):
        declared = getattr(view, attribute, None)
        if isinstance(declared, type):
            found.append(declared)
    return found


def form_fields_of(form_or_class) -> dict[str, forms.Field]:
    """{html name: field} of a form, a FilterSet or their class (MultiWidgets: name_0, name_1)."""
    if isinstance(form_or_class, type):
        if BaseFilterSet and issubclass(form_or_class, BaseFilterSet):
            form_or_class = form_or_class(data={}).form
        else:
            try:
                form_or_class = form_or_class()
            except TypeError:  # a form that needs arguments (a request, an instance): skip
                return {}
    if BaseFilterSet and isinstance(form_or_class, BaseFilterSet):
        form_or_class = form_or_class.form
    names = {}
    for name, form_field in form_or_class.fields.items():
        html_name = form_or_class.add_prefix(name)
        widget = form_field.widget
        subwidgets = getattr(widget, "widgets", None)
        if subwidgets:
            suffixes = getattr(widget, "widgets_names", None) or [
                f"_{i}" for i in range(len(subwidgets))
            ]
            for suffix in suffixes:
                names[html_name + suffix] = form_field
        else:
            names[html_name] = form_field
    return names


def rendered_forms(response) -> list:
    """Every form and formset the response's templates were given (admin wrappers unwrapped)."""
    found, seen = [], set()
    contexts = response.context
    if contexts is None:
        return []
    if not isinstance(contexts, list):
        contexts = [contexts]
    for context in contexts:
        for layer in getattr(context, "dicts", [context]):
            for value in layer.values() if hasattr(layer, "values") else []:
                items = [value]
                if isinstance(value, list | tuple):
                    items = list(value)
                for item in items:
                    if isinstance(item, AdminForm):
                        item = item.form
                    elif isinstance(item, InlineAdminFormSet):
                        item = item.formset
                    elif BaseFilterSet and isinstance(item, BaseFilterSet):
                        item = item.form
                    if (
                        isinstance(item, forms.BaseForm | forms.BaseFormSet)
                        and id(item) not in seen
                    ):
                        seen.add(id(item))
                        found.append(item)
    return found


def error_messages(bound) -> list[tuple[bool, str]]:
    """(on a hidden field?, message) of a bound form or formset and its forms."""
    messages = []
    if isinstance(bound, forms.BaseFormSet):
        messages.extend((False, message) for message in bound.non_form_errors())
        for form in bound.forms:
            messages.extend(error_messages(form))
        return messages
    for name, errors in bound.errors.items():
        hidden = name in bound.fields and bound[name].is_hidden
        messages.extend((hidden, message) for message in errors)
    return messages


# What a page shows when it refuses a form (Django's and the admin's error lists and notes,
# crispy-forms' feedback, an alert region).
ERROR_MARKERS = ("errorlist", "errornote", "invalid-feedback", 'role="alert"')


def unshown_errors(response) -> list[str]:
    """The refusal a 200 answer to a POST must show: every error of a visible field (and of
    the whole form) by its message; errors only on hidden fields (tampered keys or inline ids,
    which no person typed) by the page's error note. [] when the page shows it all."""
    messages = [
        m for form in rendered_forms(response) if form.is_bound for m in error_messages(form)
    ]
    if not messages:
        return ["(no form on the page has errors: a 200 to a POST must say what was refused)"]
    html = response.content.decode()
    missing = [text for hidden, text in messages if not hidden and escape(text) not in html]
    if not any(marker in html for marker in ERROR_MARKERS):
        missing.append("(no error note or error list on the page)")
    return missing


def row_counts() -> dict[str, int]:
    """Rows of every model but sign-in sessions and the audit log's views (opening a page is
    logged even when its form is refused)."""
    counts = {}
    for model in apps.get_models():
        if model is Session or model._meta.proxy or not model._meta.managed:
            continue
        queryset = model._default_manager.all()
        if model._meta.label == "audit.AuditEntry":
            queryset = queryset.exclude(action="view")
        counts[model._meta.label] = queryset.count()
    return counts
