from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from search.text import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Czego szukasz?"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "Np. psycholog, rodzina zastępcza, Kraków. "
            "Wielkość liter i polskie znaki nie mają znaczenia."
        ),
        error_messages={
            "max_length": _("Wpisz krócej: najwyżej %(limit_value)d znaków."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's own NUL check speaks of "null characters"; a parent needs plainer words.
        field = self.fields["q"]
        field.validators = [
            validator
            for validator in field.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ] + [
            ProhibitNullCharactersValidator(
                message=_("Wyszukiwanie zawiera niedozwolony znak. Wpisz je jeszcze raz.")
            )
        ]
