"""Polish phone numbers: validated against the numbering plan (libphonenumber) and stored in
one form, E.164 ("+48600123456"), so staff can call them and duplicates look alike."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID_MESSAGE = _(
    "Podaj polski numer telefonu: 9 cyfr, np. 600 123 456 albo 12 345 67 89 "
    "(może być z +48 na początku)."
)


def normalise_polish_phone(value: str) -> str:
    """The number in E.164, or a ValidationError for anything that is not a valid Polish
    number (too short, unknown prefix, a foreign country code)."""
    try:
        number = phonenumbers.parse(value, "PL")
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone") from None
    if not phonenumbers.is_valid_number(number) or (
        phonenumbers.region_code_for_number(number) != "PL"
    ):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_polish_phone(value: str) -> None:
    if value:
        normalise_polish_phone(value)


def display_phone(value: str) -> str:
    """ "+48 600 123 456" for reading; the stored value unchanged if it does not parse."""
    try:
        number = phonenumbers.parse(value, "PL")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
