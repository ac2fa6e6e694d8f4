from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: two-factor (TOTP) set-up and verification, idle expiry, no-store on the
    back office. Depends on no app of ours: it guards the admin, whatever the admin shows."""

    name = "accounts"
    verbose_name = _("Logowanie personelu")
