"""Every admin page without ids in its URL (index, changelists, add pages, report pages other
apps add with get_urls) × arbitrary GET parameters, as a superuser: never a 500.

The parameter names are the page's own (its GET forms, the links it renders — a changelist's
search, filters, ordering and pages — and the forms in its context) plus arbitrary ones.
"""

from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.htmlforms import forms_of
from tests.fuzz.pages import form_fields_of, links_of, rendered_forms
from tests.fuzz.strategies import encode_pairs, examples, value_for, wild
from tests.fuzz.urlwalk import all_routes

ADMIN_PAGES = [
    route
    for route in all_routes()
    if route.is_admin and not route.params and not route.name.endswith(("logout", "jsi18n"))
]
_names: dict = {}


def parameters_of(client, path: str) -> dict:
    """{name: form field or None} the page itself uses, collected once per page."""
    if path not in _names:
        response = client.get(path)
        names: dict = {}
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            html = response.content.decode()
            for form in rendered_forms(response):
                if not hasattr(form, "forms"):
                    names.update(form_fields_of(form))
            for form in forms_of(html):
                if form.method == "get":
                    names.update({name: names.get(name) for name in form.names})
            for href in links_of(html):
                for name, _ in parse_qsl(urlsplit(href).query, keep_blank_values=True):
                    names.setdefault(name, None)
        _names[path] = names
    return _names[path]


@pytest.mark.parametrize("route", ADMIN_PAGES, ids=str)
@examples(2)
@given(data=st.data())
def test_admin_pages_never_answer_500_to_any_get_parameters(route, world, db, client, data):
    client.force_login(world["cast"].superuser)
    cache.clear()
    path = route.path()
    names = parameters_of(client, path)
    pairs = [
        (name, data.draw(value_for(field), label=name))
        for name, field in sorted(names.items())
        if data.draw(st.booleans(), label=f"send {name}?")
    ]
    pairs += data.draw(st.lists(st.tuples(wild(), wild()), max_size=2), label="extra")

    response = client.get(f"{path}?{encode_pairs(pairs)}")

    # 302: the changelist's "?e=1" for lookups it refuses; 400/404/413: refusals.
    assert response.status_code in {200, 302, 400, 403, 404, 405, 413}


# Values a few examples may not draw, sent to every parameter a page uses at once.
EVERY_PARAMETER_VALUES = ["9" * 30, "-1\x00\ud800"]


@pytest.mark.parametrize("route", ADMIN_PAGES, ids=str)
def test_admin_pages_with_every_parameter_set_to_a_nasty_value(route, world, db, client):
    client.force_login(world["cast"].superuser)
    names = parameters_of(client, route.path())
    if not names:
        pytest.skip("the page uses no GET parameters")
    statuses = {}
    for value in EVERY_PARAMETER_VALUES:
        query = encode_pairs([(name, value) for name in sorted(names)])
        statuses[value] = client.get(f"{route.path()}?{query}").status_code
    assert {v: s for v, s in statuses.items() if s not in {200, 302, 400, 404, 413}} == {}
