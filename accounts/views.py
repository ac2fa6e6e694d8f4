"""Two-factor sign-in pages for staff: set up an authenticator app, or enter its code.

The admin's password sign-in comes first; `StaffTwoFactorMiddleware` then leads a staff member
here until the session is verified (only when settings.OTP_REQUIRED)."""

import django_otp
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from accounts import two_factor
from accounts.forms import SignInTokenForm, TokenForm
from audit.log import record
from audit.models import AuditEntry

WRONG_CODE = gettext_lazy(
    "Kod jest nieprawidłowy albo już wygasł. Wpisz kod, który aplikacja pokazuje teraz."
)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def _with_next(url_name, request) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': _next_url(request)})}"


def _page(request, template, context, status=200):
    return render(
        request,
        template,
        {**admin.site.each_context(request), "next": _next_url(request), **context},
        status=status,
    )


@never_cache
@login_required
def otp_setup(request):
    user = request.user
    if two_factor.has_confirmed_device(user):
        # A second device is added by an administrator, never by whoever knows the password.
        return redirect(_with_next("accounts:otp-verify", request))
    device = two_factor.pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.token_value()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            record(action=AuditEntry.Action.LOGIN, detail={"second_factor": "totp set up"})
            # Straight on to the backup codes, while the new user is here to write them down.
            return redirect(_with_next("accounts:backup-codes", request))
        form.add_error("token", WRONG_CODE)
    return _page(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "title": _("Włącz logowanie dwuetapowe"),
            "qr_code": two_factor.qr_code_data_uri(device),
            "secret": two_factor.secret_for_typing(device),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def otp_verify(request):
    user = request.user
    if not two_factor.has_confirmed_device(user):
        return redirect(_with_next("accounts:otp-setup", request))
    if user.is_verified():
        return redirect(_next_url(request))
    form = SignInTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # match_token checks every confirmed device (the app and the backup codes), with
        # django-otp's own throttling; a backup code that matches is used up.
        device = django_otp.match_token(user, form.token_value())
        if device is not None:
            django_otp.login(request, device)
            factor = "backup code" if two_factor.is_backup_device(device) else "totp"
            detail = {"second_factor": factor}
            if factor == "backup code":
                detail["backup_codes_left"] = two_factor.backup_codes_left(user)
            record(action=AuditEntry.Action.LOGIN, detail=detail)
            return redirect(_next_url(request))
        record(action=AuditEntry.Action.LOGIN_FAILED, detail={"second_factor": "code"})
        form.add_error("token", WRONG_CODE)
    return _page(
        request,
        "accounts/otp_verify.html",
        {"form": form, "title": _("Logowanie dwuetapowe")},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def backup_codes(request):
    """New backup codes on request (POST), shown once; the page says how many are left.
    Only for a session already verified with a second factor: the password alone must not be
    enough to get codes that stand in for the phone."""
    user = request.user
    if not user.is_verified():
        return redirect(_with_next("accounts:otp-verify", request))
    codes = None
    if request.method == "POST":
        codes = two_factor.issue_backup_codes(user)
        record(action=AuditEntry.Action.CHANGE, detail={"backup_codes": "issued"})
    return _page(
        request,
        "accounts/backup_codes.html",
        {
            "title": _("Kody zapasowe"),
            "codes": codes,
            "left": two_factor.backup_codes_left(user),
        },
    )
