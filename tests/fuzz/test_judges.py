"""The fuzz tests' judges, checked on views that do it right and views that do not: a refused
form must show its errors and save nothing (else the fuzz tests would pass vacuously)."""

import pytest

from tests.fuzz.pages import row_counts, unshown_errors

pytestmark = pytest.mark.urls("tests.fuzz.sample_urls")
TOO_LONG = {"name": "x" * 21, "kind": "ngo"}


def test_a_form_that_shows_its_errors_and_saves_nothing_passes(client, db):
    before = row_counts()

    response = client.post("/honest/", TOO_LONG)

    assert response.status_code == 200
    assert unshown_errors(response) == []
    assert row_counts() == before


def test_a_form_that_hides_its_errors_is_caught(client, db):
    response = client.post("/hides-errors/", TOO_LONG)

    assert unshown_errors(response) == [
        "Upewnij się, że ta wartość ma co najwyżej 20 znaków (obecnie ma 21).",
        "(no error note or error list on the page)",
    ]


def test_a_form_that_saves_half_is_caught(client, db):
    before = row_counts()

    client.post("/saves-half/", TOO_LONG)

    assert row_counts() != before
    assert row_counts()["projects.Organisation"] == before["projects.Organisation"] + 1
