"""Oversized bodies and fields: refused with a clear, translated page and a 4xx, never a 500;
a value over a field's max_length is the form's own error next to the field."""

import pytest
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from projects.models import Organisation
from tests.fuzz.pages import row_counts
from tests.fuzz.strategies import encode_pairs

FORM = "application/x-www-form-urlencoded"


def post(client, url, pairs):
    return client.post(url, encode_pairs(pairs), content_type=FORM)


@pytest.fixture
def signed_in(admin_client):
    return admin_client


@pytest.mark.parametrize("language", ["pl", "en"])
def test_a_body_over_the_upload_limit_is_a_413_page_naming_the_limit(client, db, language):
    too_big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = post(client, f"/{language}/admin/login/", [("username", too_big)])

    assert response.status_code == 413
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    with translation.override(language):  # the page is in the URL's language
        assert f"<h1>{gettext('Przesłane dane są zbyt duże')}</h1>" in html
        assert filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) in html  # "2,5 MB"


def test_the_upload_limit_applies_to_admin_forms_and_nothing_is_saved(signed_in):
    before = row_counts()

    response = post(
        signed_in,
        reverse("admin:projects_organisation_add"),
        [("name", "MOPS"), ("notes", "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10))],
    )

    assert response.status_code == 413
    assert row_counts() == before


def test_one_field_over_the_per_field_cap_is_a_413_page_naming_the_cap(signed_in):
    before = row_counts()

    response = post(
        signed_in,
        reverse("admin:projects_organisation_add"),
        [("name", "MOPS Testowo"), ("kind", "mops"), ("town", "x" * 20_001)],
    )

    assert response.status_code == 413
    assert "<h1>Jedno z pól jest za długie</h1>" in response.content.decode()
    assert "najwyżej 20000 znaków" in response.content.decode()
    assert row_counts() == before


def test_a_get_parameter_over_the_cap_is_refused_the_same_way(client, db):
    response = client.get("/pl/", {"q": "a" * 20_001})

    assert response.status_code == 413
    assert "<h1>Jedno z pól jest za długie</h1>" in response.content.decode()


def test_a_value_at_the_cap_is_not_refused_by_it(client, db):
    assert client.get("/pl/", {"q": "a" * 20_000}).status_code == 200


def test_too_many_fields_is_a_413_page(client, db):
    pairs = [(f"f{i}", "1") for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)]

    response = post(client, "/pl/admin/login/", pairs)

    assert response.status_code == 413
    assert "<h1>Formularz ma zbyt wiele pól</h1>" in response.content.decode()


def test_a_field_over_its_max_length_is_the_forms_error_next_to_the_field(signed_in):
    max_length = Organisation._meta.get_field("name").max_length
    before = row_counts()

    response = post(
        signed_in,
        reverse("admin:projects_organisation_add"),
        [("name", "M" * (max_length + 1)), ("kind", "mops")],
    )

    assert response.status_code == 200
    html = response.content.decode()
    error = (
        f"Upewnij się, że ta wartość ma co najwyżej {max_length} znaków (obecnie ma "
        f"{max_length + 1})."
    )
    assert error in html
    # Next to the field: Django's error list for the field is tied to its input.
    assert 'id="id_name_error"' in html
    assert row_counts() == before


def test_other_malformed_requests_get_the_translated_400_page(client, db, settings):
    settings.ALLOWED_HOSTS = ["testserver"]

    response = client.get("/pl/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert "<h1>Nie możemy przyjąć tego żądania</h1>" in response.content.decode()
