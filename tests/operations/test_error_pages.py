"""404 and 500 pages: accessible (lang attribute, one h1, a way home), in every language."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import path
from django.utils import translation

from config.errors import server_error


def broken_view(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("broken", broken_view)]
handler500 = "config.errors.server_error"


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_an_unknown_url_gets_the_404_page_in_its_language(client, db, language):
    response = client.get(f"/{language}/nie-ma-takiej-strony/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert len(re.findall(r"<h1\b", html)) == 1
    with translation.override(language):
        assert translation.gettext("Nie znaleziono strony") in html
    assert f'href="/{language}/"' in html


def test_the_500_page_renders_without_a_request_and_without_the_database(rf):
    # No `db` fixture: pytest-django makes any database access in this test an error.
    response = server_error(rf.get("/pl/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert len(re.findall(r"<h1\b", html)) == 1
    assert 'href="/pl/"' in html
    assert 'rel="stylesheet" href="/static/css/portal.css"' in html
    assert "style=" not in html and "<style" not in html and "<script" not in html


@override_settings(ROOT_URLCONF=__name__)
def test_an_exception_in_a_view_answers_with_the_500_page():
    client = Client(raise_request_exception=False)

    response = client.get("/broken")

    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd serwera" in response.content.decode()
