"""Money in PLN: Decimal arithmetic and the Polish way of writing amounts."""

from decimal import ROUND_HALF_UP, Decimal

# Polish typography groups thousands with a (non-breaking) space and uses a decimal comma:
# 1 113 999,60 zł. The non-breaking space keeps an amount on one line.
THOUSANDS_SEPARATOR = "\N{NO-BREAK SPACE}"
CENT = Decimal("0.01")


def format_pln(amount: Decimal | None, *, currency: bool = True) -> str:
    """Format an amount as Polish text, e.g. Decimal("1113999.6") -> "1 113 999,60 zł"."""
    if amount is None:
        return ""
    quantised = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if quantised < 0 else ""
    whole, fraction = f"{abs(quantised):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = f"{sign}{THOUSANDS_SEPARATOR.join(groups)},{fraction}"
    return f"{text}{THOUSANDS_SEPARATOR}zł" if currency else text


def percent_of(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """`part` as a percentage of `whole`, to two decimal places; None where undefined."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, rounding=ROUND_HALF_UP)


def format_percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".replace(".", ",") + THOUSANDS_SEPARATOR + "%"
