"""PESEL: validation (django-localflavor's checksum and date rules, Polish messages), the
birth date and sex it encodes, and a generator of synthetic numbers for tests and demo data.

Layout: YYMMDD ZZZ X Q — the month carries the century (+80 for 1800s, +0 for 1900s, +20 for
2000s, +40 for 2100s, +60 for 2200s); X is even for women, odd for men; Q is the checksum.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from localflavor.pl.forms import PLPESELField

FEMALE = "K"
MALE = "M"
WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
_CENTURY_OFFSETS = {1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60}

_field = PLPESELField(
    error_messages={
        "invalid": _("PESEL składa się z 11 cyfr."),
        "checksum": _("Nieprawidłowy PESEL: cyfra kontrolna się nie zgadza."),
        "birthdate": _("Nieprawidłowy PESEL: zawiera nieistniejącą datę urodzenia."),
    }
)


def validate_pesel(value: str) -> None:
    """Model-field validator: 11 digits, the checksum, a real birth date."""
    _field.clean(value)


def birth_date_from(pesel: str) -> date:
    year, month, day = int(pesel[0:2]), int(pesel[2:4]), int(pesel[4:6])
    for century, offset in _CENTURY_OFFSETS.items():
        if 1 <= month - offset <= 12:
            return date(century + year, month - offset, day)
    raise ValidationError(_field.error_messages["birthdate"], code="birthdate")


def sex_from(pesel: str) -> str:
    return FEMALE if int(pesel[9]) % 2 == 0 else MALE


def check_digit(first_ten: str) -> int:
    return (10 - sum(int(d) * w for d, w in zip(first_ten, WEIGHTS, strict=True)) % 10) % 10


def synthetic_pesel(birth_date: date, sex: str, serial: int = 0) -> str:
    """A PESEL with a correct checksum for the given birth date and sex.

    `serial` (0–4999) picks one of the numbers for that day and sex, so tests can make as
    many distinct people as they need. For tests and demo data only: never real people.
    """
    if not 0 <= serial < 5000:
        raise ValueError("serial must be in 0..4999")
    offset = _CENTURY_OFFSETS[birth_date.year // 100 * 100]
    sex_digit = 2 * (serial // 1000) + (1 if sex == MALE else 0)
    first_ten = (
        f"{birth_date.year % 100:02d}{birth_date.month + offset:02d}{birth_date.day:02d}"
        f"{serial % 1000:03d}{sex_digit}"
    )
    return first_ten + str(check_digit(first_ten))
