"""Every admin add and change form, as a superuser, with arbitrary field values: saved and
redirected, or shown again with the errors next to the fields and nothing saved.

The models come from the admin registry and the forms from ModelAdmin.get_form, so a model
registered later (enquiries, reports' settings, …) is fuzzed without touching this file. The
page's own form (hidden keys, inline management forms, current values) is the starting point.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.htmlforms import forms_of
from tests.fuzz.pages import form_fields_of, row_counts, unshown_errors
from tests.fuzz.strategies import encode_pairs, examples, value_for, wild

CASES = [
    pytest.param(model, mode, id=f"{model._meta.label}:{mode}")
    for model in admin.site._registry
    for mode in ("add", "change")
]
_pages: dict = {}


def form_page(model, mode, superuser):
    """(url, {html name: field}, the page's form as sent untouched), once per test."""
    key = (model, mode)
    if key in _pages:
        return _pages[key]
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = superuser
    opts = model._meta
    obj = None
    if mode == "add":
        if not model_admin.has_add_permission(request):
            pytest.skip("the admin offers no add form for this model")
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    else:
        records = model_admin.get_queryset(request).order_by("pk")
        if model is get_user_model():
            # Not the signed-in superuser: an example that saves `is_superuser` off would lock
            # the rest of the module out of the admin.
            records = records.exclude(pk=superuser.pk)
        obj = records.first()
        if obj is None:
            pytest.skip("no record of this model in the demo data")
        if not model_admin.has_change_permission(request, obj):
            pytest.skip("records of this model are read-only in the admin")
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    fields = form_fields_of(model_admin.get_form(request, obj)(instance=obj))
    _pages[key] = (url, fields, obj)
    return _pages[key]


_html_forms: dict = {}


def page_form(client, url, model):
    """The page's form as a browser would send it, fetched once per test (an admin page of a
    project renders in ~0.3 s; the examples only change values)."""
    if url not in _html_forms:
        response = client.get(url)
        assert response.status_code == 200
        [_html_forms[url]] = [
            form
            for form in forms_of(response.content.decode())
            if form.id == f"{model._meta.model_name}_form"
        ]
    return _html_forms[url]


@pytest.mark.parametrize(("model", "mode"), CASES)
# Few examples per form: 19 models × 2 forms, and a project's admin page is heavy.
@examples(3)
@given(data=st.data())
def test_admin_forms_save_or_show_errors_next_to_fields_and_save_nothing(
    model, mode, world, db, client, data
):
    superuser = world["cast"].superuser
    client.force_login(superuser)
    cache.clear()
    url, fields, _ = form_page(model, mode, superuser)
    html_form = page_form(client, url, model)
    pairs = dict(html_form.fields)
    for name in sorted(fields):
        if data.draw(st.booleans(), label=f"change {name}?"):
            pairs[name] = data.draw(value_for(fields[name]), label=name)
    # A few of the other controls (inline rows, management forms) too, and unknown ones.
    others = sorted(html_form.names - set(fields))
    for name in data.draw(
        st.lists(st.sampled_from(others), max_size=3, unique=True) if others else st.just([])
    ):
        pairs[name] = data.draw(wild(), label=name)
    extra = data.draw(st.lists(st.tuples(wild(), wild()), max_size=2), label="extra")
    body = encode_pairs(list(pairs.items()) + extra)
    before = row_counts()

    response = client.post(url, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        return  # saved
    assert row_counts() == before, "a refused form saved something"
    assert unshown_errors(response) == []
