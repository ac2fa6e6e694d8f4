"""Staff sign-in rules applied to every request.

- `AdminNoStoreMiddleware`: every back-office response (the admin and the sign-in pages, errors
  and redirects included) carries `Cache-Control: no-store`, so no browser or proxy keeps a copy
  of a family's record.
- `IdleTimeoutMiddleware`: a signed-in session idle for settings.STAFF_IDLE_TIMEOUT seconds is
  signed out, with a message on the sign-in page.
- `StaffTwoFactorMiddleware`: with settings.OTP_REQUIRED, an admin page needs a session verified
  with a TOTP code (django-otp); a staff member without a device is led to set one up.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.two_factor import has_confirmed_device

LAST_ACTIVITY_KEY = "_staff_last_activity"
# The last-activity stamp is rewritten at most this often (each rewrite is a session save).
TOUCH_INTERVAL = 60


def _admin_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/admin/" for code, _name in settings.LANGUAGES)


def _sign_in_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/konto/" for code, _name in settings.LANGUAGES)


def is_back_office(path: str) -> bool:
    return path.startswith(_admin_prefixes() + _sign_in_prefixes())


class AdminNoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_back_office(request.path):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class IdleTimeoutMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only the back office: reading request.user touches the session, which would add
        # `Vary: Cookie` to the public pages and make them uncacheable for everyone.
        user = getattr(request, "user", None) if is_back_office(request.path) else None
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.STAFF_IDLE_TIMEOUT:
                logout(request)
                messages.info(
                    request,
                    _("Wylogowano po %(minutes)d minutach bezczynności. Zaloguj się ponownie.")
                    % {"minutes": settings.STAFF_IDLE_TIMEOUT // 60},
                )
            elif last is None or now - last >= TOUCH_INTERVAL:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


class StaffTwoFactorMiddleware:
    """After django_otp.middleware.OTPMiddleware (which gives users `is_verified()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.OTP_REQUIRED and request.path.startswith(_admin_prefixes()):
            user = request.user
            if user.is_authenticated and not user.is_verified() and not self._exempt(request):
                target = (
                    "accounts:otp-verify" if has_confirmed_device(user) else "accounts:otp-setup"
                )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _exempt(request) -> bool:
        # Signing out needs no second factor.
        return request.path == reverse("admin:logout")
