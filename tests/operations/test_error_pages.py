"""404, 500 and CSRF-failure (403) pages: accessible (lang attribute, one h1, a way home), in
every language."""

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


# --- A form refused for its CSRF cookie --------------------------------------------------------


def enquiry_form_url(language: str) -> str:
    from django.urls import reverse

    with translation.override(language):
        return reverse("services:enquiry-create", kwargs={"project_slug": "alfa"})


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_a_form_sent_without_its_csrf_cookie_gets_a_translated_page_with_a_way_back(db, language):
    # A parent whose browser blocks cookies sends the enquiry form.
    from tests.factories import make_project

    make_project("alfa", title="Projekt Alfa")
    url = enquiry_form_url(language)
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        url,
        {"name": "Ola", "phone": "600 123 456", "consent": "on"},
        headers={"referer": f"http://testserver{url}"},
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert len(re.findall(r"<h1\b", html)) == 1
    with translation.override(language):
        heading = translation.gettext("Nie udało się wysłać formularza")
        home = translation.gettext("Przejdź do strony głównej")
    assert f"<h1>{heading}</h1>" in html
    assert f'<a href="http://testserver{url}">' in html
    assert f'<a href="/{language}/">{home}</a>' in html
    # Nothing of Django's technical page (its reason, its English text).
    assert "CSRF" not in html and "Forbidden" not in html


def test_the_csrf_page_links_back_only_to_this_sites_pages(db):
    from tests.factories import make_project

    make_project("alfa", title="Projekt Alfa")
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        enquiry_form_url("pl"),
        {"name": "Ola"},
        headers={"referer": "https://phishing.example/form"},
    )

    html = response.content.decode()
    assert response.status_code == 403
    assert "phishing.example" not in html
    assert '<a href="/pl/">Przejdź do strony głównej</a>' in html
