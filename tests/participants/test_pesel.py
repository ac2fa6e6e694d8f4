"""PESEL: the checksum and date rules (django-localflavor's), decoding, and the generator."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from participants.pesel import birth_date_from, sex_from, synthetic_pesel, validate_pesel


@pytest.mark.parametrize(
    ("pesel", "birth_date", "sex"),
    [
        ("44051401359", date(1944, 5, 14), "M"),  # the textbook example
        ("90051200009", date(1990, 5, 12), "K"),
        ("03270101712", date(2003, 7, 1), "M"),  # 2000s: month + 20
        ("99923199980", date(1899, 12, 31), "K"),  # 1800s: month + 80
    ],
)
def test_birth_date_and_sex_are_decoded(pesel, birth_date, sex):
    validate_pesel(pesel)
    assert birth_date_from(pesel) == birth_date
    assert sex_from(pesel) == sex


@pytest.mark.parametrize(
    ("birth_date", "sex", "serial", "expected"),
    [
        (date(1990, 5, 12), "K", 0, "90051200009"),
        (date(2003, 7, 1), "M", 17, "03270101712"),
        (date(1899, 12, 31), "K", 4999, "99923199980"),
    ],
)
def test_synthetic_pesel_has_a_valid_checksum(birth_date, sex, serial, expected):
    assert synthetic_pesel(birth_date, sex, serial) == expected


def test_synthetic_pesels_differ_by_serial():
    numbers = {synthetic_pesel(date(2020, 2, 29), "M", serial) for serial in range(5000)}
    assert len(numbers) == 5000
    for number in list(numbers)[:50]:
        validate_pesel(number)
        assert birth_date_from(number) == date(2020, 2, 29)
        assert sex_from(number) == "M"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("44051401358", "Nieprawidłowy PESEL: cyfra kontrolna się nie zgadza."),
        ("4405140135", "PESEL składa się z 11 cyfr."),
        ("4405140135a", "PESEL składa się z 11 cyfr."),
        ("99130100007", "Nieprawidłowy PESEL: zawiera nieistniejącą datę urodzenia."),
    ],
)
def test_invalid_pesels_are_refused_with_a_polish_message(value, message):
    with pytest.raises(ValidationError) as caught:
        validate_pesel(value)
    assert caught.value.messages == [message]
