"""Security headers on every kind of page: a table of URL factories x expected headers.

Each row of PAGES is (name, needs_login, url_factory). A new kind of page (e.g. the data-subject
export of the back office) is covered by appending one row; every header test runs on it.
"""

import re
from collections.abc import Callable

import pytest
from django.conf import settings
from django.urls import reverse

# (name, needs a logged-in superuser, factory(project) -> URL)
PAGES: list[tuple[str, bool, Callable]] = [
    ("public home /pl/", False, lambda project: reverse("projects:home")),
    ("public project page", False, lambda project: project.get_absolute_url()),
    ("admin login", False, lambda project: reverse("admin:login")),
    ("admin changelist", True, lambda project: reverse("admin:projects_project_changelist")),
    (
        "admin change form",
        True,
        lambda project: reverse("admin:projects_project_change", args=[project.pk]),
    ),
]

EXPECTED_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
}

STATIC_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": settings.PERMISSIONS_POLICY,
}


def parse_csp(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture(params=PAGES, ids=[row[0] for row in PAGES])
def page(request, client, a_project, superuser):
    name, needs_login, url_factory = request.param
    if needs_login:
        client.force_login(superuser)
    # secure=True: HSTS is only sent over HTTPS, as behind the production TLS proxy.
    response = client.get(url_factory(a_project), secure=True)
    assert response.status_code == 200, name
    return response


def test_each_page_carries_the_static_security_headers(page):
    for header, value in STATIC_HEADERS.items():
        assert page.headers.get(header) == value, header


def test_each_page_has_the_strict_csp_without_unsafe_inline(page):
    policy = page.headers["Content-Security-Policy"]
    directives = parse_csp(policy)

    for name, values in EXPECTED_CSP_DIRECTIVES.items():
        assert directives[name] == values, name
    for name in ("script-src", "style-src"):
        # Django adds the nonce only when the page used it; a page without inline code
        # gets the bare 'self' (and stays cacheable).
        own, *nonce = directives[name]
        assert own == "'self'"
        assert len(nonce) <= 1
        assert all(re.fullmatch(r"'nonce-[A-Za-z0-9+/_=-]+'", value) for value in nonce), policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_every_inline_script_on_a_page_carries_the_request_nonce(page):
    policy = parse_csp(page.headers["Content-Security-Policy"])
    sources = policy["script-src"]
    nonce = sources[1][7:-1] if len(sources) > 1 else "no nonce was sent"
    html = page.content.decode()

    for tag in re.findall(r"<script\b[^>]*>", html):
        if "src=" not in tag:  # an inline script runs only with the nonce
            assert f'nonce="{nonce}"' in tag, tag
    assert "<style" not in html or f'<style nonce="{nonce}"' in html


@pytest.mark.parametrize(
    "url_name", ["admin:projects_project_changelist", "admin:projects_project_change"]
)
def test_the_admin_pages_have_inline_scripts_and_they_are_nonced(admin_client, a_project, url_name):
    args = [a_project.pk] if url_name.endswith("change") else []
    response = admin_client.get(reverse(url_name, args=args))
    nonce = parse_csp(response.headers["Content-Security-Policy"])["script-src"][1][7:-1]
    html = response.content.decode()

    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the admin page renders scripts"
    assert all(f'nonce="{nonce}"' in tag for tag in scripts), scripts


def test_public_pages_have_no_inline_script_style_or_style_attribute(client, a_project):
    enquiry_form = reverse("services:enquiry-create", kwargs={"project_slug": a_project.slug})
    for url in (reverse("projects:home"), a_project.get_absolute_url(), enquiry_form):
        response = client.get(url)
        html = response.content.decode()
        assert "nonce-" not in response.headers["Content-Security-Policy"], url
        assert not re.search(r"<script\b(?![^>]*\bsrc=)", html), url
        assert "<style" not in html, url
        assert " style=" not in html, url


def test_cookies_are_secure_host_prefixed_and_http_only(client, superuser):
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"

    login_page = client.get(reverse("admin:login"), secure=True)
    csrf = login_page.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["path"] == "/" and not csrf["domain"]

    response = client.post(
        reverse("admin:login"),
        {"username": "administrator", "password": "correct horse battery"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["path"] == "/"
    assert not session["domain"]
