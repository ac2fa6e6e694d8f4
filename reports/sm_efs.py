"""The CST2021 SM EFS participant export, laid out by `data/sm_efs_participants.toml`.

Every row is validated before anything is written (PESEL checksum, sex and birth date agreeing
with the PESEL, postcode format, required fields, dictionary values); with any problem the
coordinator gets the list of rows to fix instead of a file. Anonymised persons are left out:
they are no longer reported under their identity.
"""

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from participants import pesel as pesel_rules
from participants.ages import age_on
from participants.models import Enrolment
from reports.cell_safety import looks_like_formula

LAYOUT = Path(__file__).parent / "data" / "sm_efs_participants.toml"
# ASCII digits only, the whole value: "$" let "45-001\n" through and \d took any script's digits.
POSTCODE = re.compile(r"[0-9]{2}-[0-9]{3}")
# "+48 600 100 200": a plus, digits and spaces make no formula that could do anything, and SM
# EFS takes phones in this form; any other text starting like a formula is refused.
INTERNATIONAL_PHONE = re.compile(r"\+[0-9 ]+")
CITIZENSHIP_POLISH = "Obywatelstwo polskie"
CITIZENSHIP_THIRD_COUNTRY = (
    "Brak polskiego obywatelstwa lub bezpaństwowiec – obywatel kraju spoza UE"
)


@dataclass(frozen=True)
class LayoutColumn:
    name: str
    source: str | None
    value: str | None
    required: bool
    values: dict[str, str] | None


@cache
def layout() -> tuple[LayoutColumn, ...]:
    data = tomllib.loads(LAYOUT.read_text(encoding="utf-8"))
    return tuple(
        LayoutColumn(
            name=column["name"],
            source=column.get("source"),
            value=column.get("value"),
            required=column.get("required", False),
            values=column.get("values"),
        )
        for column in data["column"]
    )


def _local_date(moment) -> date | None:
    return timezone.localtime(moment).date() if moment else None


DERIVED = {
    "project_number": lambda enrolment, number: number,
    "citizenship": lambda enrolment, number: (
        CITIZENSHIP_THIRD_COUNTRY if enrolment.person.third_country_national else CITIZENSHIP_POLISH
    ),
    "identifier": lambda enrolment, number: (
        enrolment.person.pesel or enrolment.person.other_identifier
    ),
    "age": lambda enrolment, number: age_on(enrolment.person.birth_date, enrolment.start_date),
    "added_by": lambda enrolment, number: (
        enrolment.created_by.get_username() if enrolment.created_by else ""
    ),
    "added_on": lambda enrolment, number: _local_date(enrolment.created_at),
    "modified_on": lambda enrolment, number: _local_date(enrolment.updated_at),
}


def _attribute(enrolment: Enrolment, path: str):
    head, *rest = path.split(".")
    value = {
        "enrolment": enrolment,
        "person": enrolment.person,
        "family": enrolment.person.family,
        "project": enrolment.project,
    }[head]
    for name in rest:
        if value is None:
            return None
        value = getattr(value, name)
    return value


def _key(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


@dataclass
class Problem:
    enrolment_id: int
    person_id: int
    column: str
    message: str


def enrolments(project_id: int, date_from=None, date_to=None):
    rows = Enrolment.objects.filter(
        project_id=project_id, person__isnull=False, person__anonymised_at__isnull=True
    )
    if date_from:
        rows = rows.filter(start_date__gte=date_from)
    if date_to:
        rows = rows.filter(start_date__lte=date_to)
    return rows.select_related(
        "person", "person__family", "project", "subgroup", "created_by"
    ).order_by("start_date", "pk")


def row_of(enrolment: Enrolment, project_number: str) -> tuple[list, list[Problem]]:
    """The 43 values of one participant, and what is wrong with them."""
    values, problems = [], []

    def problem(column: str, message: str) -> None:
        problems.append(Problem(enrolment.pk, enrolment.person_id, column, message))

    for column in layout():
        if column.value is not None:
            value = column.value
        elif column.source in DERIVED:
            value = DERIVED[column.source](enrolment, project_number)
        else:
            value = _attribute(enrolment, column.source)
        if column.values is not None and value not in (None, ""):
            mapped = column.values.get(_key(value))
            if mapped is None:
                problem(
                    column.name, _("Wartość „%(value)s” spoza słownika SM EFS.") % {"value": value}
                )
            value = mapped or ""
        if isinstance(value, date):
            value = value.isoformat()
        value = "" if value is None else value
        if column.required and value == "":
            problem(column.name, _("Brak wymaganej wartości."))
        if _formula_like(value):
            problem(
                column.name,
                _(
                    "Wartość zaczyna się od znaku =, +, -, @, tabulatora lub powrotu karetki "
                    "– arkusz kalkulacyjny wziąłby ją za formułę. Popraw ją przed eksportem."
                ),
            )
        values.append(value)
    _check_person(enrolment, problem)
    return values, problems


def _formula_like(value) -> bool:
    """Text the file would carry raw that a spreadsheet would run as a formula."""
    return (
        isinstance(value, str)
        and looks_like_formula(value)
        and not INTERNATIONAL_PHONE.fullmatch(value)
    )


def _check_person(enrolment: Enrolment, problem) -> None:
    person = enrolment.person
    family = person.family
    if person.pesel:
        try:
            pesel_rules.validate_pesel(person.pesel)
        except ValidationError as error:
            problem("PESEL/Inny identyfikator", " ".join(error.messages))
        else:
            if person.sex and pesel_rules.sex_from(person.pesel) != person.sex:
                problem("Płeć", _("Płeć nie zgadza się z numerem PESEL."))
            try:
                born = pesel_rules.birth_date_from(person.pesel)
            except ValidationError:
                born = None
            if person.birth_date and born and born != person.birth_date:
                problem("Wiek", _("Data urodzenia nie zgadza się z numerem PESEL."))
    elif not person.no_pesel:
        problem("PESEL/Inny identyfikator", _("Brak numeru PESEL bez zaznaczenia „brak PESEL”."))
    if family is not None and family.postcode and not POSTCODE.fullmatch(family.postcode):
        problem("Kod pocztowy", _("Kod pocztowy musi mieć postać 00-000."))


def checked_rows(project_id, project_number, date_from=None, date_to=None, *, problems, tally):
    """The rows, each checked as it is read: its problems are added to `problems` and the
    number of rows to tally[0]. One pass, so the file written is the file checked."""
    for enrolment in enrolments(project_id, date_from, date_to).iterator(chunk_size=2000):
        values, found = row_of(enrolment, project_number)
        problems.extend(found)
        tally[0] += 1
        yield values
