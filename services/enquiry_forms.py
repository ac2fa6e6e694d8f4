"""The public "ask for contact" form. It only shapes the input; the rules (contact required,
phone validation, consent) live in `services.enquiries.submit_enquiry`."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from services.enquiries import CONSENT_REQUIRED, CONSENT_TEXT, check_enquiry
from services.models import MAX_ENQUIRY_MESSAGE, Enquiry

HONEYPOT_FIELD = "website"


def _message_help() -> str:
    # Translated and filled in when the form is shown, in the page's language: `%` on a
    # gettext_lazy string at import would freeze it in Polish.
    return gettext(
        "Do %(count)s znaków. Nie opisuj tu zdrowia ani trudnej sytuacji – "
        "porozmawiamy o tym przez telefon."
    ) % {"count": MAX_ENQUIRY_MESSAGE}


class EnquiryForm(forms.Form):
    name = forms.CharField(
        label=_("Imię lub pseudonim"),
        max_length=80,
        help_text=_("Wystarczy, jak mamy się do Ciebie zwracać."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=20,
        required=False,
        help_text=_("Podaj telefon albo e-mail (albo oba)."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    preferred_contact_time = forms.ChoiceField(
        label=_("Kiedy najlepiej się z Tobą skontaktować?"),
        choices=Enquiry.ContactTime.choices,
        initial=Enquiry.ContactTime.ANY,
    )
    message = forms.CharField(
        label=_("Krótka wiadomość (nieobowiązkowo)"),
        required=False,
        max_length=MAX_ENQUIRY_MESSAGE,
        help_text=lazy(_message_help, str)(),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, error_messages={"required": CONSENT_REQUIRED})
    # Hidden from people (CSS and aria-hidden); bots that fill every field give themselves away.
    website = forms.CharField(
        label=_("Nie wypełniaj tego pola"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, project, offer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.project, self.offer = project, offer

    def clean(self):
        """The rules of `services.enquiries`, checked together with the fields' own checks so
        every problem is listed at once (a field already in error keeps its own message)."""
        cleaned = super().clean()
        values = {
            name: cleaned.get(name, self.data.get(name, ""))
            for name in ("name", "phone", "email", "preferred_contact_time", "message")
        }
        _, errors = check_enquiry(
            project=self.project, offer=self.offer, consent=cleaned.get("consent"), **values
        )
        for field, messages in errors.items():
            if field in self.errors:
                continue
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        return cleaned

    # Shorter names for the error summary where the label is a sentence.
    summary_labels = {"consent": _("Zgoda na kontakt")}

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id, field name, message) for each field error, in the form's order."""
        return [
            (field.auto_id, self.summary_labels.get(field.name, field.label), error)
            for field in self.visible_fields()
            for error in field.errors
        ]

    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def submission(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop(HONEYPOT_FIELD, None)
        return data

    def add_rule_errors(self, error: ValidationError) -> None:
        """Put the write function's errors next to the fields; the rest above the form."""
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
