from django import forms
from django.utils.translation import gettext_lazy as _

from search.text import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    # Django's CharField refuses NUL characters, with a message next to the field.
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
