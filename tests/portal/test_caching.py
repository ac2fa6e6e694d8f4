"""The public pages' cache: what is stored, under which key, and when it stops being served.

A change committed in a transaction must not leave a page rendered from the old rows in the
cache; made-up query parameters must not fill the cache; a conditional request must not turn
a missing page into a 304.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.caching import content_version
from tests.portal.factories import make_public_projects


def page_entries() -> int:
    """Pages stored in the cache (the test settings use the process-local cache)."""
    return sum(1 for key in cache._cache if "portal:page:" in key)


def queries_made(client, url: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return len(queries), response


# --- A change and its transaction -------------------------------------------------------------


def test_a_page_rendered_between_a_save_and_its_commit_is_not_served_after_the_commit(
    client, db, django_capture_on_commit_callbacks
):
    # An editor saves a project in a transaction; a family's request arrives before the commit
    # (in production it reads the old rows and caches them under the version seen then).
    project = make_public_projects(1)[0]
    url = project.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        project.title = "Nowy tytuł projektu"
        project.save()
        version_before_commit = content_version()
        between = client.get(url)
    assert callbacks, "the version is bumped again when the transaction commits"

    assert content_version() != version_before_commit
    queries, after = queries_made(client, url, if_none_match=between["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != between["ETag"]
    assert queries > 0, "rendered afresh, not the page cached before the commit"


def test_a_save_outside_a_transaction_bumps_the_version_at_once(client, db):
    project = make_public_projects(1)[0]
    version = content_version()

    project.title = "Nowy tytuł projektu"
    project.save()

    assert content_version() != version


# --- Which addresses are cached ---------------------------------------------------------------


def test_made_up_query_parameters_do_not_fill_the_cache(client, db):
    make_public_projects(1)
    home = reverse("projects:home")
    client.get(home)
    assert page_entries() == 1

    for number in range(50):
        assert client.get(f"{home}?x={number}").status_code == 200

    assert page_entries() == 1


OFFERS = "/pl/oferty/"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("?situation=newborn", "?situation=newborn"),
        ("?strona=2", "?strona=2"),
        # The same filters in another order, as a hand-edited address may have them: one entry.
        ("?situation=newborn&city=Miasto+0&strona=1", "?strona=1&city=Miasto+0&situation=newborn"),
        (
            "?city=&situation=&specialist=&place=&status=ongoing",
            "?city=&situation=&specialist=&place=&status=ongoing",
        ),
    ],
)
def test_the_offer_lists_own_parameters_are_cached(client, db, first, second):
    make_public_projects(6)  # 12 offers: two pages
    assert client.get(OFFERS + first).status_code == 200

    queries, response = queries_made(client, OFFERS + second)

    assert response.status_code == 200
    assert queries == 0
    assert page_entries() == 1


@pytest.mark.parametrize(
    "query",
    [
        "?x=1",
        # Values with no end to them: a city or situation that is not a choice, a page number
        # past the last page or written another way, a parameter repeated.
        "?city=Nowhere",
        "?situation=no-such-situation",
        "?strona=999",
        "?strona=01",
        "?situation=newborn&situation=newborn",
    ],
)
def test_an_offer_list_address_the_site_does_not_link_is_not_stored(client, db, query):
    make_public_projects(5)

    assert client.get(OFFERS + query).status_code == 200
    assert page_entries() == 0


def test_an_address_with_another_parameter_is_answered_correctly_but_not_stored(client, db):
    make_public_projects(5)
    url = OFFERS + "?situation=newborn&utm_source=newsletter"
    first = client.get(url)

    queries, again = queries_made(client, url)

    assert first.status_code == again.status_code == 200
    assert queries > 0
    assert page_entries() == 0
    assert "Oferta a masowy-0" in again.content.decode()


# --- Conditional requests ---------------------------------------------------------------------

MISSING_PROJECT = "/pl/projekty/nie-ma-takiego/"


@pytest.mark.parametrize(
    "headers",
    [
        {"if_none_match": "*"},
        {"if_modified_since": "Fri, 01 Jan 2100 00:00:00 GMT"},
    ],
)
def test_a_conditional_request_for_a_missing_page_gets_404(client, db, headers):
    assert client.get(MISSING_PROJECT, headers=headers).status_code == 404


def test_if_none_match_star_on_an_existing_page_gets_304(client, db):
    # "*" matches any current representation (RFC 9110, 13.1.2): the page exists, so 304.
    url = make_public_projects(1)[0].get_absolute_url()

    assert client.get(url, headers={"if_none_match": "*"}).status_code == 304
