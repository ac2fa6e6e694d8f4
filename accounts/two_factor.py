"""TOTP devices of staff users (django-otp): the pending device shown at set-up, and its QR
code drawn server-side (segno) as an SVG data URI, so nothing is fetched and no script runs."""

from base64 import b32encode

import segno
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


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
