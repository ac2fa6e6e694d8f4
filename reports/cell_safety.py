"""What a spreadsheet must not be handed raw from text people typed: formulas and control
characters.

Names, phones and e-mails from the public enquiry form and participants' records reach the
registers. A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
Excel or LibreOffice as a formula (OWASP "CSV injection"); so in CSV such text gets a leading
apostrophe (OWASP's recommendation), and in XLSX it is written as a string cell marked
"quote prefix" (Excel's own flag for text typed after an apostrophe): the value stays exactly
what was typed and is never evaluated, not even after the cell is edited.

Control characters (C0, except tab, newline and carriage return) are removed: XLSX cannot hold
them (openpyxl refuses them) and no reader of a CSV register needs them; both files then
carry the same text. Only text is touched: numbers, amounts and dates stay what they are, so
a negative amount remains a number.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The same two rules for PostgreSQL (passed as query parameters, so the characters themselves
# are in the pattern, nothing to escape). PostgreSQL text cannot hold NUL.
SQL_CONTROL_CHARACTERS = "[\x01-\x08\x0b\x0c\x0e-\x1f]"


def strip_controls(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    """Text as a CSV cell may hold it: without control characters, a formula-like start
    behind an apostrophe."""
    text = strip_controls(text)
    return "'" + text if looks_like_formula(text) else text
