"""Browser tests: Debian's Chromium driven by pytest-playwright against the live server.

One browser for the whole session (pytest-playwright's session-scoped `browser`, launched with
our executable and flags). Without Chromium the tests are skipped with the reason; with
REQUIRE_BROWSER=1 (CI) that skip becomes a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the main thread from the moment the
# session's browser starts until the session ends (past the test database's teardown). Django
# refuses ORM calls from a thread with a running loop unless told it is safe; it is here: the
# loop is idle while the tests (and pytest-django's setup/teardown) query. Set for the session
# because the browser fixture is session-scoped.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}


def _no_browser(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    try:
        import playwright  # noqa: F401
    except ImportError:  # pragma: no cover - the dev extra installs it
        _no_browser("playwright is not installed (pip install '.[dev]')")
    if not Path(CHROMIUM).exists():
        _no_browser(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS}


@pytest.fixture
def seeded_site(live_server):
    """The five seed projects, committed so the live server's thread sees them (the tests are
    transactional, with serialized rollback so the migrations' rows come back afterwards)."""
    from services.seed.loader import load_seed_projects

    load_seed_projects()
    return live_server


@pytest.fixture
def browser_page(browser):
    """One page reused for a whole test (faster than a page per URL)."""
    context = browser.new_context(viewport=DESKTOP, locale="pl-PL", reduced_motion="reduce")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
