"""Staff users' second factors (django-otp): the TOTP device of an authenticator app — the
pending one shown at set-up, with its QR code drawn server-side (segno) as an SVG data URI, so
nothing is fetched and no script runs — and one-time backup codes (a static device) for the
day the phone is not at hand."""

from base64 import b32encode

import segno
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
BACKUP_DEVICE_NAME = "backup-codes"


def has_confirmed_device(user) -> bool:
    """An authenticator app set up. Backup codes alone do not count: once an administrator
    removes a lost phone's device, the next sign-in sets up a new app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The user's unconfirmed TOTP device, created on first use (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=_("aplikacja uwierzytelniająca"), confirmed=False
        )
    return device


def qr_code_data_uri(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=4)


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps without a camera."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def issue_backup_codes(user) -> list[str]:
    """New one-time backup codes for `user`; any earlier ones stop working. The codes are
    shown once; each signs in once, in place of an app's code."""
    StaticDevice.objects.filter(user=user, name=BACKUP_DEVICE_NAME).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(
        device__user=user, device__name=BACKUP_DEVICE_NAME, device__confirmed=True
    ).count()


def is_backup_device(device) -> bool:
    return isinstance(device, StaticDevice)
