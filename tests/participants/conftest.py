"""A small world for the GDPR tests: projects that ended long ago, recently and not yet, and
synthetic families and persons in them. Every name, PESEL, phone and e-mail is invented.

    old project "stary"   2012-01-01 – 2014-12-31   past the 10-year retention in 2026
    recent project "nowy" 2020-01-01 – 2021-12-31   still within it
    ongoing "trwa"        2024-01-01 – 2027-12-31

    family F1 (stary): Ola Zielińska (enrolled 2013-03-01), her son Piotr (only through the
                       family's enrolment of 2013-05-10)
    Jan Obcy (stary, no PESEL, passport number)
    Ewa Długa (stary, enrolled there and in "nowy") — kept
    Tomasz Bieżący (trwa) — kept
"""

import json
from dataclasses import dataclass
from datetime import date

import pytest

from audit.models import AuditEntry
from participants.models import Family, Person
from participants.pesel import FEMALE, MALE
from projects.models import Project, StaffRole
from tests.factories import (
    add_role,
    make_consultation,
    make_enrolment,
    make_family,
    make_person,
    make_project,
    make_staff,
)

TODAY = date(2026, 12, 2)

# Every piece of personal data in the world; none may survive anonymisation or reach the log.
OLA = {
    "first_name": "Ola",
    "last_name": "Zielińska",
    "phone": "600100200",
    "email": "ola@example.invalid",
}
PERSONAL_STRINGS_OF_EXPIRED = [
    "Zielińska",
    "Zieliński",
    "Obcy",
    "600100200",
    "ola@example.invalid",
    "PASZPORT-EX123",
    "ul. Wiosenna 5",
    "F1/2013",
    "Temat: dieta malucha",
    "Notatka poufna o rodzinie",
]


@dataclass
class World:
    old: Project
    recent: Project
    ongoing: Project
    keeper: object  # caseworker of all three projects
    coordinator_old: object
    family: Family
    ola: Person
    piotr: Person
    jan: Person
    ewa: Person
    tomasz: Person

    def reload(self):
        for name in ("family", "ola", "piotr", "jan", "ewa", "tomasz"):
            getattr(self, name).refresh_from_db()


@pytest.fixture
def world(db) -> World:
    old = make_project("stary", start_date=date(2012, 1, 1), end_date=date(2014, 12, 31))
    recent = make_project("nowy", start_date=date(2020, 1, 1), end_date=date(2021, 12, 31))
    ongoing = make_project("trwa")
    keeper = make_staff(old, StaffRole.CASEWORKER, username="opiekunka")
    add_role(keeper, recent, StaffRole.CASEWORKER)
    add_role(keeper, ongoing, StaffRole.CASEWORKER)
    coordinator_old = make_staff(old, StaffRole.COORDINATOR, username="koordynatorka-stary")

    family = make_family(
        old,
        actor=keeper,
        label="F1/2013",
        street="ul. Wiosenna 5",
        postcode="45-001",
        town="Opole",
        municipality="Opole",
        county="Opole",
        voivodeship="opolskie",
        phone="774000000",
        email="rodzina@example.invalid",
        notes="Notatka poufna o rodzinie",
    )
    ola = make_person(
        old,
        actor=keeper,
        family=family,
        relation_to_family=Person.Relation.PARENT,
        birth_date=date(1985, 6, 15),
        sex=FEMALE,
        education=Person.Education.ISCED3,
        labour_market_status=Person.LabourMarketStatus.INACTIVE,
        single_adult_with_children=True,
        disability=True,
        **OLA,
    )
    piotr = make_person(
        old,
        actor=keeper,
        family=family,
        first_name="Piotr",
        last_name="Zieliński",
        relation_to_family=Person.Relation.CHILD,
        birth_date=date(2010, 2, 3),
        sex=MALE,
    )
    jan = make_person(
        old,
        actor=keeper,
        first_name="Jan",
        last_name="Obcy",
        no_pesel=True,
        other_identifier="PASZPORT-EX123",
        birth_date=date(1979, 12, 31),
        sex=MALE,
        third_country_national=True,
    )
    ewa = make_person(old, actor=keeper, first_name="Ewa", last_name="Długa")
    tomasz = make_person(ongoing, actor=keeper, first_name="Tomasz", last_name="Bieżący", sex=MALE)

    make_enrolment(actor=keeper, person=ola, family=family, start_date=date(2013, 3, 1))
    make_enrolment(actor=keeper, family=family, start_date=date(2013, 5, 10))
    make_enrolment(actor=keeper, person=jan, start_date=date(2014, 1, 7))
    make_enrolment(actor=keeper, person=ewa, start_date=date(2013, 9, 1))
    make_enrolment(actor=keeper, person=ewa, project=recent, start_date=date(2020, 2, 1))
    make_enrolment(actor=keeper, person=tomasz, start_date=date(2025, 3, 1))

    make_consultation(
        actor=keeper,
        project=old,
        person=ola,
        date=date(2013, 4, 2),
        duration_minutes=50,
        topic="Temat: dieta malucha",
        notes="Notatka psychologa",
    )
    make_consultation(
        actor=keeper, project=old, family=family, date=date(2013, 6, 1), duration_minutes=90
    )
    make_consultation(
        actor=keeper, project=ongoing, person=tomasz, duration_minutes=30, topic="Temat bieżący"
    )
    return World(
        old, recent, ongoing, keeper, coordinator_old, family, ola, piotr, jan, ewa, tomasz
    )


def audit_log_text() -> str:
    """Every audit entry as one JSON text, to search for personal data."""
    return json.dumps(
        list(AuditEntry.objects.values("object_repr", "changes", "detail")),
        ensure_ascii=False,
        default=str,
    )
