"""Every public page × its GET parameters, and every public form, with arbitrary input.

Pages and parameters are found, not listed: the URLconf's public patterns, one concrete URL
each from a crawl of the site, the parameters of the forms and FilterSets the views declare or
render and of the links and GET forms on the pages, plus arbitrary names.
"""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.pages import (
    declared_form_classes,
    form_fields_of,
    rendered_forms,
    row_counts,
    unshown_errors,
)
from tests.fuzz.strategies import encode_pairs, value_for, wild
from tests.fuzz.urlwalk import all_routes

PUBLIC = [route for route in all_routes() if not route.is_admin]
# Answers that are a refusal of bad input, not a failure.
REFUSALS = {400, 404, 405, 413, 429}
NOT_REACHED = "no page links to this pattern (its URL needs ids the crawl did not find)"


def concrete_url(route, world) -> str:
    if not route.params:
        return route.path()
    url = world["public"].url_of.get(route.name)
    if url is None:
        pytest.skip(NOT_REACHED)
    return url


def known_fields(client, route, url, world, method: str) -> tuple[dict, list]:
    """({html name: form field or None}, the page's POST form as a browser would send it).

    GET: the parameters of the forms and FilterSets the view declares or renders, of the GET
    forms aimed at the page and of the links to it. POST: the fields of the POST forms aimed
    at the page and of the form class the view declares (a page with neither is no form)."""
    path = url.split("?")[0]
    crawl = world["public"]
    types: dict = {}
    for form_class in declared_form_classes(route):
        types.update(form_fields_of(form_class))
    response = client.get(url)
    if response.status_code == 200:
        for form in rendered_forms(response):
            if not hasattr(form, "forms"):
                types.update(form_fields_of(form))
    if method == "get":
        names = set(types) | crawl.get_names.get(path, set())
        return {name: types.get(name) for name in names}, []
    html_forms = crawl.post_forms.get(path, [])
    names = {name for form in html_forms for name in form.names}
    view = getattr(route.callback, "view_class", None)
    form_class = getattr(view, "form_class", None)
    if isinstance(form_class, type):
        names |= set(form_fields_of(form_class))
    baseline = list(html_forms[0].fields) if html_forms else []
    return {name: types.get(name) for name in names}, baseline


def draw_pairs(data, fields: dict, baseline: list) -> list:
    """Some known fields changed (or dropped), some arbitrary extra ones."""
    pairs = dict(baseline)
    for name in sorted(fields):
        choice = data.draw(st.sampled_from(["keep", "fuzz", "drop"]), label=f"{name}?")
        if choice == "fuzz":
            pairs[name] = data.draw(value_for(fields[name]), label=name)
        elif choice == "drop":
            pairs.pop(name, None)
    extra = data.draw(st.lists(st.tuples(wild(), wild()), max_size=3), label="extra")
    return list(pairs.items()) + extra


@pytest.mark.parametrize("route", PUBLIC, ids=str)
@given(data=st.data())
def test_get_parameters_never_cause_a_500(route, world, db, client, data):
    cache.clear()  # what one example caches must not hide the next one's failure
    url = concrete_url(route, world)
    fields, _ = known_fields(client, route, url, world, "get")
    query = encode_pairs(draw_pairs(data, fields, []))

    response = client.get(f"{url.split('?')[0]}?{query}")

    assert response.status_code < 500
    assert response.status_code in {200, 301, 302, 303, *REFUSALS}


@pytest.mark.parametrize("route", PUBLIC, ids=str)
@given(data=st.data())
def test_public_forms_save_or_show_errors_next_to_fields_and_save_nothing(
    route, world, db, client, data
):
    cache.clear()  # rate limits kept in the cache start afresh for every example
    url = concrete_url(route, world)
    fields, baseline = known_fields(client, route, url, world, "post")
    body = encode_pairs(draw_pairs(data, fields, baseline))
    before = row_counts()

    response = client.post(url, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code < 500
    if not fields or response.status_code in REFUSALS | {301, 302, 303}:
        return  # not a form page (a plain page answers a POST as a GET), or saved and redirected
    assert response.status_code == 200
    assert row_counts() == before, "a refused form saved something"
    assert unshown_errors(response) == []
