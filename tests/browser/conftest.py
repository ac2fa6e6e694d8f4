"""Browser tests: Debian's Chromium driven by Playwright against the live server.

One browser and one load of the seed projects for the whole `tests/browser` package. Without
Chromium the tests are skipped with the reason; with REQUIRE_BROWSER=1 (CI) that skip becomes a
failure.

Why package scope and not pytest-playwright's session-scoped `browser`: Playwright's sync API
keeps an event loop registered on the main thread while it lives, and Django refuses ORM calls
on such a thread unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Stopping Playwright when the package
ends keeps that setting (and the loop) away from every other test of the session — e.g. the
`check --deploy` test, which rejects the variable. pytest-playwright's launch options
(`--headed`, `--slowmo`) still apply through `browser_type_launch_args`.

The live server is pytest-django's `LiveServer` helper started here for the package, not its
`live_server` fixture: that fixture makes every test using it transactional, and the flush after
each one would wipe the rows the migrations created (role groups, the accessibility statement)
for the tests that run after it on the same worker. Instead the seed projects are committed
once (the server's thread must see them) and deleted when the package ends; each test is an
ordinary `django_db` test (its own transaction, rolled back) that only reads them.
"""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

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


@pytest.fixture(scope="package")
def browser(django_db_setup, browser_type_launch_args):
    # django_db_setup first: the test database is created (and later destroyed) with no
    # event loop on the thread.
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev extra installs it
        _no_browser("playwright is not installed (pip install '.[dev]')")
    if not Path(CHROMIUM).exists():
        _no_browser(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_playwright().start()
    try:
        launched = manager.chromium.launch(
            **{**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS}
        )
        yield launched
        launched.close()
    finally:
        manager.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def seeded_site(browser, django_db_blocker):
    """A live server with the five seed projects, committed once for the package, then
    deleted."""
    from django.db import connections
    from pytest_django.live_server_helper import LiveServer

    from projects.models import Organisation, Project
    from services.models import PlaceKind, Situation, SpecialistKind
    from services.seed.loader import load_seed_projects

    with django_db_blocker.unblock():
        load_seed_projects()
        server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    # Close the browser's keep-alive connections first, so no request thread is left holding
    # a database session when the test database is dropped.
    for context in browser.contexts:
        context.close()
    # …and let the server's request threads finish: one still running after the server stops
    # would touch the in-memory SQLite connection it no longer shares.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)
    with django_db_blocker.unblock():
        server.stop()
        # Projects first: their contacts, offers, partnerships… go with them (CASCADE).
        Project.objects.all().delete()
        for model in (Organisation, SpecialistKind, PlaceKind, Situation):
            model.objects.all().delete()
        # This fixture's connection was opened outside any test: close it, or PostgreSQL
        # refuses to drop the test database at the end of the session.
        connections.close_all()


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
