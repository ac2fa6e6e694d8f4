"""The staff sign-in pages — password, setting up the app, the code, the backup codes — pass
the same axe checks as the public pages, at both widths, and are screenshot for a look.

Rendered by the test client (the persona exists only in this test's transaction) and handed to
Chromium at their real address on the live server, as the report pages are."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.browser.conftest import DESKTOP
from tests.browser.test_accessibility import check_at_both_widths
from tests.browser.test_report_pages import serve

pytestmark = pytest.mark.django_db


def sign_in_pages(client) -> list[tuple[str, str, bytes]]:
    """(name, path, html) of each step, as a new caseworker meets them."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from projects.models import Project, StaffRole
    from tests.accounts.test_sign_in import code_for
    from tests.factories import make_staff

    pages = [("login", reverse("admin:login"), client.get(reverse("admin:login")).content)]
    ewa = make_staff(Project.objects.order_by("pk").first(), StaffRole.CASEWORKER)
    client.force_login(ewa)
    setup = reverse("accounts:otp-setup")
    pages.append(("otp-setup", setup, client.get(setup).content))
    wrong = client.post(setup, {"token": "12"})
    pages.append(("otp-setup-error", setup, wrong.content))
    device = TOTPDevice.objects.get(user=ewa)
    codes = client.post(setup, {"token": code_for(device)}, follow=True).redirect_chain[-1][0]
    pages.append(("backup-codes", codes, client.get(codes).content))
    pages.append(("backup-codes-new", codes, client.post(codes).content))
    client.logout()
    client.force_login(ewa)
    verify = reverse("accounts:otp-verify")
    pages.append(("otp-verify", verify, client.get(verify).content))
    return pages


@override_settings(OTP_REQUIRED=True)
def test_the_sign_in_pages_have_no_axe_violations(seeded_site, browser_page, client, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser_page
    page.context.add_init_script(axe.axe_script)
    failures = []
    pages = sign_in_pages(client)
    assert [name for name, _, _ in pages] == [
        "login",
        "otp-setup",
        "otp-setup-error",
        "backup-codes",
        "backup-codes-new",
        "otp-verify",
    ]
    for name, path, html in pages:
        url = seeded_site.url + path
        page.route(url, serve(html))
        page.set_viewport_size(DESKTOP)
        page.goto(url)
        failures += check_at_both_widths(page, axe, name, artifacts / f"pl-{name}", full_page=False)
        page.unroute(url)

    assert not failures, "\n".join(failures)
