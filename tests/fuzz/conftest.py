"""Hypothesis profiles for the bad-input tests, and the personas they run as.

Small on purpose: the whole fuzz folder must add well under a minute to the suite. CI runs
derandomized (the same examples every run, so a red CI is reproducible); locally each run
draws new examples, which is how new failures are found. `HYPOTHESIS_PROFILE=deep` draws more.
"""

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

_common = {
    "deadline": None,
    # The Django test client and the `db` fixture are function-scoped on purpose: every example
    # runs in the test's transaction and checks its own row counts.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # No example database: examples are small and CI is derandomized anyway.
    "database": None,
    # No shrinking: one admin POST takes ~50 ms and shrinking a 60-field form takes minutes;
    # the failing example is printed as drawn (labelled per field). `deep` shrinks.
    "phases": [Phase.explicit, Phase.reuse, Phase.generate],
}
settings.register_profile("dev", max_examples=20, **_common)
settings.register_profile("ci", max_examples=20, derandomize=True, print_blob=True, **_common)
settings.register_profile("deep", max_examples=300, **{**_common, "phases": list(Phase)})
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def staff_client(client, superuser):
    """The admin as a superuser sees every form and every field there is."""
    client.force_login(superuser)
    return client


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The seed projects, the demo staff and their caseload (so every admin has a record to
    change), and a crawl of the public pages, loaded once per module and rolled back after."""
    from django.db import transaction
    from django.test import Client

    from services.seed.demo_people import load_demo_people
    from services.seed.loader import load_seed_projects
    from tests.fuzz.pages import crawl

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_seed_projects()
            cast = load_demo_people()
            public = crawl(Client(), "/pl/", within="/pl/")
            yield {"cast": cast, "public": public}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
