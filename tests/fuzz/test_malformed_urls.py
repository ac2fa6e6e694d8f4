"""Every URL pattern with a malformed ID or slug is a 404, never a 500 (public and admin).

The patterns come from the URLconf (tests.fuzz.urlwalk), so pages added later are walked too.
The admin is walked as a superuser: for anyone else it is a redirect to the sign-in page.
"""

from urllib.parse import quote

import pytest

from tests.fuzz.urlwalk import all_routes

MALFORMED = [
    "abc",  # not a number
    "-1",  # negative
    "999999",  # well-formed, does not exist
    "9" * 40,  # beyond every integer column
    " 999999",  # int() would accept the spaces: still no such row
    "zażółć-gęślą",  # unicode in a slug
    "../../etc/passwd",  # traversal
    "%00",  # NUL (percent-encoded once more: the path carries the three characters)
    "\x00",  # NUL itself
    "a" * 2000,  # very long
    "' OR '1'='1",
]

# The admin's id patterns are the same few views for every model: fewer values each.
MALFORMED_ADMIN = ["abc", "9" * 40, "zażółć-gęślą", "../../etc/passwd", "\x00", "a" * 2000]

ROUTES_WITH_PARAMS = [route for route in all_routes() if route.params]


def malformed_path(route, value: str) -> str:
    # The value is percent-encoded as a browser would send it ("/" and "." left as they are,
    # so "../" stays a traversal); the test client decodes it into PATH_INFO like a server.
    return route.path(**{name: quote(value, safe="/.") for name in route.params})


@pytest.mark.parametrize("route", ROUTES_WITH_PARAMS, ids=str)
def test_a_malformed_id_or_slug_is_a_404(route, client, superuser):
    if route.is_admin:
        client.force_login(superuser)
    not_404 = {}
    for value in MALFORMED_ADMIN if route.is_admin else MALFORMED:
        # Followed: the admin's `<id>/` pattern redirects to `<id>/change/` first.
        response = client.get(malformed_path(route, value), follow=True)
        if response.status_code != 404:
            not_404[value] = response.status_code
    assert not_404 == {}


def test_the_walk_finds_public_and_admin_patterns():
    names = {route.name for route in all_routes()}
    # A sanity check of the walk itself, not a list of pages to test.
    assert {"projects:detail", "services:offer-detail", "admin:index"} <= names
    assert any(route.is_admin and route.params for route in ROUTES_WITH_PARAMS)
    assert any(not route.is_admin and route.params for route in ROUTES_WITH_PARAMS)
