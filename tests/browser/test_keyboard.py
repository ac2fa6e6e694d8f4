"""A keyboard-only journey: from the home page, Tab reaches the skip link first, then the
search; a filter is applied, a project opened and its phone link reached — all with the
keyboard, and the focus visible at every step."""

import pytest
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db

FOCUSED = "document.activeElement"
# Visible focus: our outline of at least 2 px (not the browser default, not none).
FOCUS_VISIBLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
    && rect.width > 0 && rect.height > 0;
}"""


def tab_until(page, condition: str, limit: int = 80) -> int:
    """Press Tab until `condition` (JS, about document.activeElement) holds; check the focus is
    visible on every element passed on the way. Returns the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        described = page.evaluate(f"{FOCUSED}.outerHTML.slice(0, 120)")
        assert page.evaluate(FOCUS_VISIBLE), f"focus not visible on {described}"
        if page.evaluate(f"(el => {condition})({FOCUSED})"):
            return presses
    raise AssertionError(f"{condition} not reached in {limit} Tab presses")


def test_tab_reaches_the_skip_link_first_then_the_search(seeded_site, browser_page):
    page = browser_page
    page.goto(seeded_site.url + "/pl/")

    assert tab_until(page, "el.classList.contains('skip-link')", limit=1) == 1
    try:
        reverse("search:results")
    except NoReverseMatch:
        pytest.skip("the search app is not merged yet (no URL named search:results)")
    tab_until(page, "el.name === 'q' && el.closest('form[role=search]') !== null", limit=4)


def test_filter_open_a_project_and_reach_its_phone_by_keyboard(seeded_site, browser_page):
    page = browser_page
    page.goto(seeded_site.url + "/pl/")

    # The skip link moves the focus to the main content.
    tab_until(page, "el.classList.contains('skip-link')", limit=1)
    page.keyboard.press("Enter")
    assert page.evaluate(f"{FOCUSED}.id") == "main"

    # Home → the list of offers, through the main menu (Shift+Tab back up to it).
    page.goto(seeded_site.url + "/pl/")
    tab_until(page, "el.textContent.trim() === 'Oferty wsparcia'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/oferty/")

    # Choose the city with the keyboard and send the form.
    tab_until(page, "el.id === 'id_city'")
    for _ in range(10):  # arrow keys move through a closed <select>: Gdańsk, Kraków, Opole
        if page.evaluate(f"{FOCUSED}.value") == "Opole":
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate(f"{FOCUSED}.value") == "Opole"
    tab_until(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/oferty/?*city=Opole*")
    assert page.locator("[role=status]").inner_text() == "Znaleziono 2 oferty."

    # Open the first offer, then its project from the breadcrumb trail.
    tab_until(page, "el.closest('.offer-card') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/oferty/poradnictwo-specjalistyczne/")
    tab_until(page, "el.closest('.breadcrumb') !== null && el.href.endsWith('-2/')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/projekty/trudny-start-lepsza-przyszlosc-2/")

    # The project's phone number, reached by Tab alone.
    tab_until(page, "el.href && el.href.startsWith('tel:')")
    assert page.evaluate(f"{FOCUSED}.getAttribute('href')") == "tel:+48774511800"
