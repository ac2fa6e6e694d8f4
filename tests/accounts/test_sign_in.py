"""Staff sign-in: Argon2 hashes, two-factor (TOTP) enforcement and set-up, throttling of failed
sign-ins, idle expiry and no-store on the back office.

Personas: Ewa, a caseworker of Alfa, with or without an authenticator app; a stranger who
tries her account from another address.
"""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import get_hasher, identify_hasher
from django.db.models import F
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import LAST_ACTIVITY_KEY

pytestmark = pytest.mark.django_db

PASSWORD = "haslo-testowe-123"
ADMIN_INDEX = "/pl/admin/"
PERSON_LIST = "/pl/admin/participants/person/"


def code_for(device: TOTPDevice) -> str:
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{token:06d}"


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="telefon", confirmed=True)


# --- Passwords --------------------------------------------------------------------------


def test_production_settings_hash_passwords_with_argon2(ewa, settings):
    from config import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    ewa.set_password(PASSWORD)
    assert identify_hasher(ewa.password).algorithm == "argon2"
    assert ewa.check_password(PASSWORD)


def test_an_older_hash_is_upgraded_to_argon2_at_the_next_sign_in(ewa, settings):
    from config import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    pbkdf2 = get_hasher("pbkdf2_sha256")
    ewa.password = pbkdf2.encode(PASSWORD, pbkdf2.salt())
    ewa.save()
    assert ewa.check_password(PASSWORD)
    ewa.refresh_from_db()
    assert identify_hasher(ewa.password).algorithm == "argon2"


# --- Two-factor ---------------------------------------------------------------------------


@override_settings(OTP_REQUIRED=True)
@pytest.mark.parametrize("url", [ADMIN_INDEX, PERSON_LIST, "/pl/admin/services/enquiry/"])
def test_without_a_verified_device_no_admin_page_opens(client, ewa, url):
    confirmed_device(ewa)
    client.force_login(ewa)
    response = client.get(url)
    assert response.status_code == 302
    assert (
        response["Location"] == f"{reverse('accounts:otp-verify')}?next={url.replace('/', '%2F')}"
    )


@override_settings(OTP_REQUIRED=True)
def test_a_valid_code_opens_the_admin_and_a_wrong_one_does_not(client, ewa):
    device = confirmed_device(ewa)
    client.force_login(ewa)
    verify = reverse("accounts:otp-verify")

    wrong = client.post(verify, {"token": "000000" if code_for(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "Kod jest nieprawidłowy albo już wygasł." in wrong.content.decode()
    assert client.get(PERSON_LIST).status_code == 302
    # django-otp slows guessing down: right after a wrong code even the right one waits …
    assert client.post(verify, {"token": code_for(device)}).status_code == 400
    # … for a second (doubling with every further failure).
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=F("throttling_failure_timestamp") - timedelta(seconds=5)
    )

    response = client.post(verify, {"token": code_for(device), "next": PERSON_LIST})
    assert response.status_code == 302
    assert response["Location"] == PERSON_LIST
    assert client.get(PERSON_LIST).status_code == 200


@override_settings(OTP_REQUIRED=True, AXES_ENABLED=True)
def test_the_whole_sign_in_password_then_code(client, ewa):
    device = confirmed_device(ewa)
    response = client.post(
        reverse("admin:login"), {"username": "ewa", "password": PASSWORD, "next": PERSON_LIST}
    )
    assert (response.status_code, response["Location"]) == (302, PERSON_LIST)
    response = client.get(PERSON_LIST)
    assert response["Location"].startswith(reverse("accounts:otp-verify"))
    response = client.post(response["Location"], {"token": code_for(device)})
    assert (response.status_code, response["Location"]) == (302, PERSON_LIST)
    assert client.get(PERSON_LIST).status_code == 200


@override_settings(OTP_REQUIRED=True)
def test_the_next_address_stays_on_this_site(client, ewa):
    device = confirmed_device(ewa)
    client.force_login(ewa)
    response = client.post(
        reverse("accounts:otp-verify"),
        {"token": code_for(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == ADMIN_INDEX


@override_settings(OTP_REQUIRED=True)
def test_a_staff_member_without_a_device_sets_one_up_with_a_server_drawn_qr_code(client, ewa):
    client.force_login(ewa)
    response = client.get(ADMIN_INDEX)
    assert response["Location"].startswith(reverse("accounts:otp-setup"))

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    # Drawn here as an image: nothing fetched from elsewhere, no script needed.
    assert '<img src="data:image/svg+xml' in html
    device = TOTPDevice.objects.get(user=ewa)
    assert not device.confirmed
    # The key is shown for typing too (grouped by four).
    assert page.context["secret"].replace(" ", "") in device.config_url

    # Until a code confirms it, the device does not count.
    assert client.post(reverse("accounts:otp-setup"), {"token": "12345"}).status_code == 400
    assert client.get(ADMIN_INDEX).status_code == 302

    response = client.post(reverse("accounts:otp-setup"), {"token": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(ADMIN_INDEX).status_code == 200


@override_settings(OTP_REQUIRED=True)
def test_someone_with_only_the_password_cannot_add_a_second_device(client, ewa):
    confirmed_device(ewa)
    client.force_login(ewa)
    response = client.get(reverse("accounts:otp-setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp-verify"))
    assert TOTPDevice.objects.filter(user=ewa).count() == 1


@override_settings(OTP_REQUIRED=True)
def test_signing_out_needs_no_code(client, ewa):
    confirmed_device(ewa)
    client.force_login(ewa)
    assert client.post(reverse("admin:logout")).status_code == 200
    assert "_auth_user_id" not in client.session


def test_with_otp_off_as_in_the_demo_the_password_is_enough(client, ewa):
    client.force_login(ewa)
    assert client.get(ADMIN_INDEX).status_code == 200


def test_the_two_factor_pages_need_a_signed_in_user(client, db):
    response = client.get(reverse("accounts:otp-setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# --- Throttling ---------------------------------------------------------------------------


def sign_in(client, password, ip):
    return client.post(
        reverse("admin:login"),
        {"username": "ewa", "password": password, "next": ADMIN_INDEX},
        REMOTE_ADDR=ip,
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_five_failures_lock_the_name_from_that_address_only_until_the_cool_off(client, ewa):
    from axes.models import AccessAttempt

    stranger, office = "203.0.113.9", "198.51.100.4"
    for _attempt in range(4):
        response = sign_in(client, "zle-haslo", stranger)
        assert response.status_code == 200  # the sign-in form again, with its error
    locked = sign_in(client, "zle-haslo", stranger)
    assert locked.status_code == 429
    assert "Logowanie chwilowo zablokowane" in locked.content.decode()
    assert "na 15 minut" in locked.content.decode()
    assert "no-store" in locked["Cache-Control"]

    # Even the right password is refused from there while the lock lasts …
    assert sign_in(client, PASSWORD, stranger).status_code == 429
    # … but Ewa signs in from her office: the stranger could not lock her out.
    assert sign_in(client, PASSWORD, office).status_code == 302
    client.logout()

    # After the cool-off the lock is gone by itself.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    response = sign_in(client, PASSWORD, stranger)
    assert response.status_code == 302
    assert response["Location"] == ADMIN_INDEX


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_a_successful_sign_in_clears_the_count(client, ewa):
    ip = "198.51.100.4"
    for _attempt in range(4):
        sign_in(client, "zle-haslo", ip)
    assert sign_in(client, PASSWORD, ip).status_code == 302
    client.logout()
    for _attempt in range(4):
        assert sign_in(client, "zle-haslo", ip).status_code == 200


# --- Idle expiry --------------------------------------------------------------------------


def set_last_activity(client, seconds_ago):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds_ago
    session.save()


@override_settings(STAFF_IDLE_TIMEOUT=30 * 60)
def test_a_session_idle_for_longer_than_the_timeout_is_signed_out(client, ewa):
    client.force_login(ewa)
    assert client.get(ADMIN_INDEX).status_code == 200

    set_last_activity(client, 29 * 60)
    assert client.get(ADMIN_INDEX).status_code == 200  # still within the timeout …
    assert client.session[LAST_ACTIVITY_KEY] >= int(time.time()) - 1  # … and renewed

    set_last_activity(client, 31 * 60)
    response = client.get(PERSON_LIST, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("admin:login"))
    assert "Wylogowano po 30 minutach bezczynności." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_session_cookie_itself_expires_soon_after_the_idle_timeout(settings):
    assert settings.SESSION_COOKIE_AGE == settings.STAFF_IDLE_TIMEOUT + 60


# --- No-store -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/pl/admin/login/",
        ADMIN_INDEX,
        PERSON_LIST,
        "/pl/admin/participants/person/987654/change/",  # a 404
        "/uk/admin/",
        "/pl/konto/logowanie-dwuetapowe/konfiguracja/",
    ],
)
def test_every_back_office_response_is_no_store(client, ewa, url):
    client.force_login(ewa)
    response = client.get(url)
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives


def test_public_pages_are_not_marked_no_store(client, db):
    response = client.get("/pl/")
    assert "no-store" not in response.get("Cache-Control", "")
