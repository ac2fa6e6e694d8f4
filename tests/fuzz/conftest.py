"""Hypothesis profiles for the bad-input tests, and the personas they run as.

Small on purpose: the whole fuzz folder must add well under a minute to the suite. CI runs
derandomized (the same examples every run, so a red CI is reproducible); locally each run
draws new examples, which is how new failures are found. `HYPOTHESIS_PROFILE=deep` draws more.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

_common = {
    "deadline": None,
    # The Django test client and the `db` fixture are function-scoped on purpose: every example
    # runs in the test's transaction and checks its own row counts.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # No example database: examples are small and CI is derandomized anyway.
    "database": None,
}
settings.register_profile("dev", max_examples=20, **_common)
settings.register_profile("ci", max_examples=20, derandomize=True, print_blob=True, **_common)
settings.register_profile("deep", max_examples=300, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def staff_client(client, superuser):
    """The admin as a superuser sees every form and every field there is."""
    client.force_login(superuser)
    return client
