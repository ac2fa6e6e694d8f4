"""CSV and XLSX writers that stream: memory stays flat however many rows there are.

CSV: UTF-8 with a BOM and `;` between fields, decimal commas, dates yyyy-mm-dd — what Excel
set to Polish opens correctly. XLSX: openpyxl's write-only mode (rows go straight to a temporary
file), dates as dates, amounts as numbers in a PLN format, the header row frozen.
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

from reports.tables import HOURS, PERCENT, PLN, Column

BOM = "\ufeff"
PLN_FORMAT = '#,##0.00 "zł"'
PERCENT_FORMAT = "0.00%"
HOURS_FORMAT = "0.00"
ROWS_PER_CHUNK = 2000


def csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    if isinstance(value, bool):
        return "Tak" if value else "Nie"
    return str(value)  # dates give yyyy-mm-dd


def csv_lines(
    sections: Iterable[tuple[str | None, list[Column], Iterable[tuple]]],
    *,
    ready: bool = False,
    newline: str = "\r\n",
) -> Iterator[str]:
    """The BOM, then each section: an optional title line, the header, its rows (a blank line
    between sections). Yields chunks of a few thousand rows. `ready`: the rows hold only
    text, integers, dates, times and None (the csv module writes them as they are), so the
    per-value conversion is skipped — what makes a million-row register fast."""
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
        values = rows if ready else ([csv_text(value) for value in row] for row in rows)
        while chunk := list(islice(values, ROWS_PER_CHUNK)):
            writer.writerows(chunk)
            yield flush()
    yield flush()


def _cell_factory(sheet, columns: list[Column]):
    """A function making a row's cells: plain values, or formatted cells where the column
    needs a number format (amounts, percentages, hours, dates)."""
    # Dates need no cell of their own: openpyxl gives a date value the yyyy-mm-dd format.
    formats = {PLN: PLN_FORMAT, PERCENT: PERCENT_FORMAT, HOURS: HOURS_FORMAT}
    wanted = [formats.get(column.kind) for column in columns]
    percent = [column.kind == PERCENT for column in columns]
    if not any(wanted):
        return lambda row: row

    def cells(row):
        out = []
        for value, number_format, is_percent in zip(row, wanted, percent, strict=True):
            if number_format is None or value is None or value == "":
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
