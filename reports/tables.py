"""What every report is made of: tables of typed columns, optionally drawn as a bar chart.

The report page, its charts and its CSV/XLSX exports all read the same `Table`, so a figure on
the page and in the file cannot disagree.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from projects.money import format_pln

TEXT, INTEGER, DATE, PLN, PERCENT, HOURS = "text", "integer", "date", "pln", "percent", "hours"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart of one numeric column against the label column."""

    label_column: int
    value_column: int
    description: str


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[tuple] = field(default_factory=list)
    chart: Chart | None = None
    footer: tuple | None = None  # a totals row, shown and exported after the rows


@dataclass
class Report:
    slug: str
    title: str
    tables: list[Table]


def display(value, kind: str) -> str:
    """A value as the page shows it (Polish number and date formats)."""
    if value is None or value == "":
        return "–"
    if kind == PLN:
        return format_pln(value)
    if kind == PERCENT:
        return f"{value:.2f}".replace(".", ",") + "\N{NO-BREAK SPACE}%"
    if kind == HOURS:
        return f"{value:.2f}".replace(".", ",")
    if kind == INTEGER:
        return f"{value:,}".replace(",", "\N{NO-BREAK SPACE}")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def hours(minutes: int | None) -> Decimal:
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.01"))
