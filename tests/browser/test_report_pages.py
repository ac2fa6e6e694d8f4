"""The coordinators' report pages pass the same axe checks as the public pages.

They live in the back office (a signed-in coordinator, the admin's own stylesheet), so they are
not in the public walk. Each page is rendered by the test client for a coordinator created in
this test's transaction (which the live server's own connection could not see) and handed to
Chromium at its real address on the live server, so its stylesheets, scripts and SVG charts
load from there as in production.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import DESKTOP
from tests.browser.test_accessibility import check_at_both_widths

pytestmark = pytest.mark.django_db


def report_paths() -> list[str]:
    from reports.queries import REPORTS

    return [
        reverse("reports:index"),
        *(reverse("reports:report", args=[slug]) for slug in REPORTS),
        reverse("reports:report", args=["konsultacje"]) + "?date_from=2030-01-01",  # no data
        reverse("reports:sm-efs"),
    ]


def serve(html: bytes):
    def fulfil(route):
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    return fulfil


def test_every_report_page_has_no_axe_violations(seeded_site, browser_page, client, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    from projects.models import Project, StaffRole
    from tests.factories import add_role, make_staff

    projects = list(Project.objects.order_by("pk"))
    coordinator = make_staff(projects[0], StaffRole.COORDINATOR)
    add_role(coordinator, projects[1], StaffRole.COORDINATOR)
    client.force_login(coordinator)
    axe = Axe()
    page = browser_page
    page.context.add_init_script(axe.axe_script)
    failures = []
    for path in report_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content
        url = seeded_site.url + path
        page.route(url, serve(html))
        page.set_viewport_size(DESKTOP)
        page.goto(url)
        # Reflow too: only a wide table scrolls, in its own region.
        targets = path == reverse("reports:report", args=["cele"])
        failures += check_at_both_widths(
            page, axe, path, artifacts / "pl-report-targets" if targets else None
        )
        page.unroute(url)

    assert not failures, "\n".join(failures)
