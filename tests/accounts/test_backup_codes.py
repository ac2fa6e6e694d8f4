"""One-time backup codes: issued right after the app is set up, shown once, each signing in
once in place of the app's code; new codes void the old; never issued on the password alone.

Persona: Ewa, a caseworker of Alfa, whose phone is at home today.
"""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from audit.models import AuditEntry
from tests.accounts.test_sign_in import ADMIN_INDEX, PERSON_LIST, code_for, confirmed_device

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("otp_required")]

CODES_PAGE = reverse("accounts:backup-codes")
VERIFY = reverse("accounts:otp-verify")


@pytest.fixture
def otp_required():
    with override_settings(OTP_REQUIRED=True):
        yield


def signed_in_with_the_app(client, user) -> TOTPDevice:
    device = confirmed_device(user)
    client.force_login(user)
    assert client.post(VERIFY, {"token": code_for(device)}).status_code == 302
    return device


def test_setting_up_the_app_leads_to_the_backup_codes(client, ewa):
    client.force_login(ewa)
    client.get(reverse("accounts:otp-setup"))
    device = TOTPDevice.objects.get(user=ewa)

    response = client.post(
        reverse("accounts:otp-setup"), {"token": code_for(device), "next": PERSON_LIST}
    )

    assert response["Location"] == f"{CODES_PAGE}?next=%2Fpl%2Fadmin%2Fparticipants%2Fperson%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Masz 0 niewykorzystanych kodów zapasowych." in page.content.decode()


def test_new_codes_are_shown_once_and_void_the_old_ones(client, ewa):
    signed_in_with_the_app(client, ewa)
    first = client.post(CODES_PAGE).context["codes"]
    assert len(first) == 10 and len(set(first)) == 10
    assert all(len(code) == 8 for code in first)

    second = client.post(CODES_PAGE)
    html = second.content.decode()
    assert all(code in html for code in second.context["codes"])
    assert not set(first) & set(second.context["codes"])
    assert two_factor.backup_codes_left(ewa) == 10
    # Shown once: a later visit says how many are left, not which.
    later = client.get(CODES_PAGE).content.decode()
    assert "Masz 10 niewykorzystanych kodów zapasowych." in later
    assert not any(code in later for code in second.context["codes"])
    assert (
        AuditEntry.objects.filter(
            actor=ewa, action=AuditEntry.Action.CHANGE, detail__backup_codes="issued"
        ).count()
        == 2
    )


def test_a_backup_code_signs_in_once_in_place_of_the_app(client, ewa):
    signed_in_with_the_app(client, ewa)
    code = client.post(CODES_PAGE).context["codes"][0]
    client.logout()
    client.force_login(ewa)  # password accepted; the phone is at home

    response = client.post(VERIFY, {"token": f" {code.upper()} ", "next": PERSON_LIST})

    assert (response.status_code, response["Location"]) == (302, PERSON_LIST)
    assert client.get(PERSON_LIST).status_code == 200
    entry = AuditEntry.objects.filter(actor=ewa, action=AuditEntry.Action.LOGIN).latest("pk")
    assert entry.detail == {"second_factor": "backup code", "backup_codes_left": 9}
    client.logout()
    client.force_login(ewa)
    again = client.post(VERIFY, {"token": code})
    assert again.status_code == 400
    assert "Kod jest nieprawidłowy albo już wygasł." in again.content.decode()


def test_the_password_alone_gets_no_codes(client, ewa):
    confirmed_device(ewa)
    client.force_login(ewa)

    response = client.post(CODES_PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert two_factor.backup_codes_left(ewa) == 0


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("12345", "Kod z aplikacji ma 6 cyfr, kod zapasowy 8 znaków."),
        ("abcdefg1", "Kod z aplikacji ma 6 cyfr, kod zapasowy 8 znaków."),
        ("", "To pole jest wymagane."),
    ],
)
def test_a_malformed_code_is_refused_next_to_the_field(client, ewa, token, message):
    confirmed_device(ewa)
    client.force_login(ewa)

    response = client.post(VERIFY, {"token": token})

    assert response.status_code == 400
    assert message in response.content.decode()


def test_codes_alone_do_not_replace_a_removed_app(client, ewa):
    """A lost phone: an administrator removes the app's device; at the next sign-in Ewa sets up
    a new app, whatever backup codes she still has."""
    device = signed_in_with_the_app(client, ewa)
    client.post(CODES_PAGE)
    device.delete()
    client.logout()
    client.force_login(ewa)

    response = client.get(ADMIN_INDEX)

    assert response["Location"].startswith(reverse("accounts:otp-setup"))


def test_the_admin_links_the_codes_page_for_a_verified_session(client, ewa):
    signed_in_with_the_app(client, ewa)

    html = client.get(ADMIN_INDEX).content.decode()

    assert f'<a href="{CODES_PAGE}">Kody zapasowe</a>' in html


def test_the_sign_out_on_the_code_page_is_a_form_that_works(client, ewa):
    confirmed_device(ewa)
    client.force_login(ewa)
    html = client.get(VERIFY).content.decode()
    assert f'<form method="post" action="{reverse("admin:logout")}">' in html

    assert client.post(reverse("admin:logout")).status_code == 200
    assert "_auth_user_id" not in client.session
