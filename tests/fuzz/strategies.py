"""Hypothesis strategies for bad input, and the wire encoding that lets it reach the server.

Values are `str` (encoded as UTF-8, lone surrogates kept as the bytes a broken client sends,
i.e. invalid UTF-8) or `bytes` (sent as they are: any byte sequence, invalid UTF-8 included).
Query strings and form bodies are percent-encoded by hand, because the test client's own
encoding refuses what a real attacker sends.
"""

from urllib.parse import quote_from_bytes

from django import forms
from hypothesis import strategies as st

# Values that have broken web apps before, whatever the field.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n\t",
    "0",
    "-1",
    "9" * 40,
    "-9" * 20,
    "1e309",
    "NaN",
    "-Infinity",
    "1,5",
    "١٢٣",  # Arabic-Indic digits: int() accepts them
    "２０２４",  # full-width digits
    "2024-02-30",
    "0000-00-00",
    "99999-12-31",
    "31.12.2024",
    "25:61",
    "null",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "%",
    "%00",
    "../../etc/passwd",
    "ąęółśżźćń ĄĘÓŁŚŻŹĆŃ",
    "\u202eevil",  # right-to-left override
    "\ufeff",
    "🙂" * 10,
    "\ud800",  # a lone surrogate
    "x" * 5000,  # longer than any max_length of ours, shorter than the field cap
]

# Any text, lone surrogates included (they are sent as the invalid UTF-8 a broken client sends).
ANY_TEXT = st.text(alphabet=st.characters(codec=None), max_size=80)
RAW_BYTES = st.binary(max_size=40)


def wild() -> st.SearchStrategy:
    return st.one_of(st.sampled_from(NASTY), ANY_TEXT, RAW_BYTES)


def _numbers():
    return st.one_of(
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
        st.decimals(allow_nan=True, allow_infinity=True, places=None).map(str),
        st.floats().map(str),
    )


def _dates():
    return st.dates().flatmap(
        lambda day: st.sampled_from([day.isoformat(), day.strftime("%d.%m.%Y"), str(day.year)])
    )


def plausible(field: forms.Field | None) -> st.SearchStrategy:
    """Values of the field's own kind (so some examples pass validation and reach the save)."""
    if isinstance(field, forms.ModelChoiceField | forms.ChoiceField):
        choices = [str(value) for value, _ in getattr(field, "choices", [])][:50]
        if choices:
            return st.sampled_from(choices)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", "", "false", "1"])
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return _numbers()
    if isinstance(field, forms.DateTimeField | forms.SplitDateTimeField):
        return st.datetimes().map(lambda moment: moment.isoformat(sep=" "))
    if isinstance(field, forms.DateField):
        return _dates()
    if isinstance(field, forms.TimeField):
        return st.times().map(str)
    if isinstance(field, forms.EmailField):
        return st.emails()
    max_length = getattr(field, "max_length", None) or 200
    return st.text(max_size=max_length + 2)


def value_for(field: forms.Field | None) -> st.SearchStrategy:
    return st.one_of(plausible(field), wild())


def _encode(value: str | bytes) -> str:
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return quote_from_bytes(raw, safe="")


def encode_pairs(pairs: list[tuple[str, str | bytes]]) -> str:
    """application/x-www-form-urlencoded, byte for byte what is given."""
    return "&".join(f"{_encode(name)}={_encode(value)}" for name, value in pairs)


def examples(n: int):
    """`n` examples for a test that runs once per page (many pages: fewer each); the `deep`
    profile multiplies them for a long local hunt."""
    import os

    from hypothesis import settings

    scale = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "deep" else 1
    return settings(max_examples=n * scale)
