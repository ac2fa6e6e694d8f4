from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Kod z aplikacji"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Kod ma 6 cyfr.")},
        help_text=_("Sześć cyfr z aplikacji uwierzytelniającej; zmienia się co 30 sekund."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def token_value(self) -> str:
        return self.cleaned_data["token"].strip()


class SignInTokenForm(TokenForm):
    """At sign-in, a backup code (8 letters and digits) is accepted too."""

    token = forms.RegexField(
        label=_("Kod z aplikacji lub kod zapasowy"),
        regex=r"^\s*(\d{6}|[A-Za-z2-7]{8})\s*$",
        error_messages={"invalid": _("Kod z aplikacji ma 6 cyfr, kod zapasowy 8 znaków.")},
        help_text=_(
            "Sześć cyfr z aplikacji uwierzytelniającej (zmieniają się co 30 sekund) albo jeden "
            "z kodów zapasowych."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def token_value(self) -> str:
        return self.cleaned_data["token"].strip().lower()
