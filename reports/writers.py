"""CSV and XLSX writers that stream: memory stays flat however many rows there are.

CSV: UTF-8 with a BOM and `;` between fields, decimal commas, dates yyyy-mm-dd — what Excel
set to Polish opens correctly. XLSX: openpyxl's write-only mode (rows go straight to a temporary
file), dates as dates, amounts as numbers in a PLN format, the header row frozen.

Text goes through `reports.cell_safety` in both: no formula and no control character reaches a
spreadsheet from what people typed.
"""

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import islice

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from reports.cell_safety import csv_safe, looks_like_formula, strip_controls
from reports.tables import HOURS, PERCENT, PLN, Column

BOM = "\ufeff"
PLN_FORMAT = '#,##0.00 "zł"'
PERCENT_FORMAT = "0.00%"
HOURS_FORMAT = "0.00"
ROWS_PER_CHUNK = 2000


def csv_text(value) -> str:
    if isinstance(value, str):
        return csv_safe(value)
    if value is None:
        return ""
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    if isinstance(value, bool):
        return "Tak" if value else "Nie"
    return str(value)  # dates give yyyy-mm-dd


def _ready_text(value):
    return csv_safe(value) if isinstance(value, str) else value


def _raw_text(value) -> str:
    return value if isinstance(value, str) else csv_text(value)


def csv_lines(
    sections: Iterable[tuple[str | None, list[Column], Iterable[tuple]]],
    *,
    ready: bool = False,
    newline: str = "\r\n",
    defuse: bool = True,
) -> Iterator[str]:
    """The BOM, then each section: an optional title line, the header, its rows (a blank line
    between sections). Yields chunks of a few thousand rows. `ready`: the rows hold only
    text, integers, dates, times and None (the csv module writes them as they are), so only
    the text is looked at — what makes a million-row register fast. `defuse=False` writes
    the text raw: only for a file whose rows were checked to hold no formula-like text (the
    SM EFS import, see `reports.sm_efs`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator=newline)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    buffer.write(BOM)
    for number, (title, columns, rows) in enumerate(sections):
        if number:
            buffer.write(newline)
        if title:
            writer.writerow([str(title)])
        writer.writerow([str(column.header) for column in columns])
        if ready and defuse:
            values = ([_ready_text(value) for value in row] for row in rows)
        elif ready:
            values = rows
        elif defuse:
            values = ([csv_text(value) for value in row] for row in rows)
        else:
            values = ([_raw_text(value) for value in row] for row in rows)
        while chunk := list(islice(values, ROWS_PER_CHUNK)):
            writer.writerows(chunk)
            yield flush()
    yield flush()


def _cell_factory(sheet, columns: list[Column]):
    """A function making a row's cells: plain values, formatted cells where the column needs
    a number format (amounts, percentages, hours, dates), string cells for formula-like
    text."""
    # Dates need no cell of their own: openpyxl gives a date value the yyyy-mm-dd format.
    formats = {PLN: PLN_FORMAT, PERCENT: PERCENT_FORMAT, HOURS: HOURS_FORMAT}
    wanted = [formats.get(column.kind) for column in columns]
    percent = [column.kind == PERCENT for column in columns]

    def text_cell(value: str):
        value = strip_controls(value)
        if not looks_like_formula(value):
            return value
        # openpyxl would store "=…" as a live formula: a string cell instead, flagged as
        # text the way Excel flags a value typed after an apostrophe.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell

    def cells(row):
        out = []
        for value, number_format, is_percent in zip(row, wanted, percent, strict=True):
            if isinstance(value, str):
                out.append(text_cell(value))
                continue
            if number_format is None or value is None:
                out.append(value)
                continue
            if is_percent:
                value = Decimal(value) / 100
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = number_format
            out.append(cell)
        return out

    return cells


def xlsx_file(sheets: Iterable[tuple[str, list[Column], Iterable[tuple]]]):
    """Write the sheets (title, columns, rows) to a temporary file; return it rewound."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(str(title or "")))
        sheet.freeze_panes = "A2"
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=str(column.header))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        cells = _cell_factory(sheet, columns)
        for row in rows:
            sheet.append(cells(row))
    output = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes (and so deletes) it
    workbook.save(output)
    output.seek(0)
    return output


def _sheet_title(title: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "Arkusz"
