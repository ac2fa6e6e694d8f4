"""axe-core on every public page (found by walking the URLconf and the database), in the three
languages, at 1280×800 and 320×640: zero WCAG 2.0/2.1/2.2 A and AA violations. The same walk
checks reflow (no horizontal scroll at 320 px) and takes the full-page screenshots of the main
pages into tests/artifacts/ (git-ignored) for a person to look at.

Every object's page is walked in every language: a Ukrainian or English page of a project shows
that project's own translated fields (or their Polish fallback, marked with its `lang`), so one
object per URL pattern would not stand for the others.
"""

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.urls import public_paths

pytestmark = pytest.mark.django_db

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = (
    f"axe.run({{runOnly: {{type: 'tag', values: {AXE_TAGS}}}, resultTypes: ['violations']}})"
    ".then(results => results.violations)"
)
LANGUAGES = ["pl", "uk", "en"]
H1_SIZE = "parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)"
# Screenshots of the pages a family sees most: URL name (+ query) -> file name; the first page
# of each kind in each language.
SCREENSHOTS = {
    "projects:home": "home",
    "services:offer-list": "offers",
    "services:offer-list?city=Opole": "offers-filtered",
    "projects:detail": "project",
    "services:offer-detail": "offer",
    "portal:accessibility": "accessibility-statement",
    "portal:easy-read": "easy-read",
}
EXTRA_PATHS = ["oferty/?city=Opole", "nie-ma-takiej-strony/"]


def screenshot_name(path: str, language: str) -> str | None:
    from django.urls import Resolver404, resolve
    from django.utils import translation

    route, _, query = path.partition("?")
    try:
        with translation.override(language):  # the language prefix resolves in its language
            name = resolve(route).view_name
    except Resolver404:
        return None
    return SCREENSHOTS.get(f"{name}?{query}" if query else name)


def describe(violations) -> str:
    return "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


def check_at_both_widths(page, axe, label: str, shot=None, *, full_page=True) -> list[str]:
    """axe's WCAG A/AA checks of the loaded page at 1280 and 320 px, and reflow (no
    horizontal scroll) at 320 px: the failures, labelled. With `shot` (a path without the
    width), a screenshot at each width to `<shot>-<width>.png`."""
    failures = []
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        if violations:
            failures.append(f"{label} at {viewport['width']}px:\n{describe(violations)}")
        if viewport is PHONE:
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                failures.append(f"{label}: horizontal scroll at 320px ({width}px wide)")
        if shot is not None:
            page.screenshot(path=f"{shot}-{viewport['width']}.png", full_page=full_page)
    return failures


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_has_no_axe_violations(language, seeded_site, browser_page, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser_page
    # Injected by the browser into every page (not subject to the page's CSP), once per load.
    page.context.add_init_script(axe.axe_script)
    failures = []
    paths = public_paths(language)
    assert f"/{language}/" in paths and f"/{language}/oferty/" in paths
    # Every seed project's page is among them, whatever the language.
    project_pages = [path for path in paths if path.startswith(f"/{language}/projekty/")]
    assert len(project_pages) >= 5
    # A filtered list and the error page (a mistyped address must be as usable as any page).
    paths += [f"/{language}/{extra}" for extra in EXTRA_PATHS]
    shot_taken = set()
    checked = 0
    for path in paths:
        name = screenshot_name(path, language)
        if name in shot_taken:
            name = None
        shot_taken.add(name)
        page.set_viewport_size(DESKTOP)
        page.goto(seeded_site.url + path)
        shot = artifacts / f"{language}-{name}" if name else None
        failures += check_at_both_widths(page, axe, path, shot)
        checked += 1

    assert checked == len(paths)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_of_a_form_refused_for_its_csrf_cookie_has_no_axe_violations(
    language, seeded_site, browser_page, artifacts
):
    # A parent opens the enquiry form, the browser drops the portal's cookies, she sends it.
    from axe_playwright_python.sync_playwright import Axe
    from django.urls import reverse
    from django.utils import translation

    from projects.models import Project

    axe = Axe()
    page = browser_page
    page.context.add_init_script(axe.axe_script)
    project = Project.objects.order_by("pk").first()
    with translation.override(language):
        form = reverse("services:enquiry-create", kwargs={"project_slug": project.slug})
    page.goto(seeded_site.url + form)
    page.context.clear_cookies()
    with page.expect_navigation() as navigation:
        page.click("form.enquiry-form button[type=submit]")

    assert navigation.value.status == 403
    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator("h1").count() == 1
    shot = artifacts / f"{language}-csrf-failure"
    failures = check_at_both_widths(page, axe, "the CSRF failure page", shot, full_page=False)
    assert not failures, "\n".join(failures)


def test_the_search_pages_landmarks_have_unique_names(seeded_site, browser_page):
    # axe's landmark-unique is a best practice, outside the WCAG tags of the walk: checked here
    # on the one page with two search forms (the header's and the page's own). axe skips a
    # <form> without a name, so this guards that the names, once given, stay different; that
    # each form has one is tests/search/test_views.py's check.
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser_page
    page.context.add_init_script(axe.axe_script)
    failures = []
    for language in LANGUAGES:
        page.goto(f"{seeded_site.url}/{language}/szukaj/?q=psycholog")
        assert page.locator("[role=search]").count() == 2
        results = axe.run(
            page, options={"runOnly": {"type": "rule", "values": ["landmark-unique"]}}
        )
        if results.response["violations"]:
            failures.append(f"{language}:\n{describe(results.response['violations'])}")
    assert not failures, "\n".join(failures)


def test_text_resized_to_200_percent_loses_nothing(seeded_site, browser):
    # The page's CSP forbids inline styles; this test adds one (a user style), so it bypasses it.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    for path in ("/pl/", "/pl/oferty/", "/pl/projekty/zawsze-rodzina/"):
        page.goto(seeded_site.url + path)
        h1_before = page.evaluate(H1_SIZE)
        # What a browser's text-only zoom does: the root font size doubles; rem units follow.
        page.add_style_tag(content="html { font-size: 200% !important; }")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= DESKTOP["width"], f"{path}: {width}px wide at 200% text"
        assert page.evaluate(H1_SIZE) >= 1.9 * h1_before
        body = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert body >= 32
    context.close()


def test_motion_is_reduced_and_print_hides_the_navigation(seeded_site, browser_page):
    page = browser_page
    page.goto(seeded_site.url + "/pl/projekty/zawsze-rodzina/")
    page.emulate_media(media="print")

    assert page.evaluate("getComputedStyle(document.querySelector('.main-nav')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).display") != "none"
    page.emulate_media(media="screen", reduced_motion="reduce")
    duration = page.evaluate(
        "getComputedStyle(document.querySelector('.btn, a')).transitionDuration"
    )
    assert all(float(part.rstrip("s")) <= 0.001 for part in duration.split(","))
