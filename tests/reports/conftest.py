"""A small hand-made dataset with figures worked out by hand (see the tests' comments).

Alfa (the coordinator's project), two subgroups:
  "Rodziny" (target 10 families), "Dzieci" (target 4 participants).
  F1: P1 (woman, 1990-05-12, ISCED 3, employed, disability) in Rodziny from 2025-03-01,
      P2 (boy, 2015-06-01, ISCED 1, child) in Dzieci from 2025-03-01.
  F2: P3 (woman, 1970-01-10, ISCED 5–8, registered unemployed, foreign origin, third-country
      national) in Rodziny from 2025-04-15.
  P4 (man, 2006-02-01, ISCED 2, inactive in education, minority, homeless; no family) in
      Dzieci from 2025-06-01.
  P5 (woman, 1985-07-07) in Rodziny from 2024-12-01: before the 2025 range.
  F3 enrolled as a family (no member enrolled) in Rodziny from 2025-05-05.
  Consultations: 2025-03-03 psychologist/office 60', 2025-03-20 psychologist/home 90',
  2025-04-02 dietitian/office 30', 2025-04-30 psychologist/office 45', 2025-05-15
  dietitian/online 120', 2024-12-20 psychologist/office 60' (out of range).
  Activities: workshops (4 planned) held 2025-04-05 (12 people), 2025-05-10 (8), 2024-11-01
  (5, out of range); a picnic (1 planned) never held.
  Funding: 1 000 000,00 value; 950 000,00 co-financing; 800 000,00 EU; 100 000,00 subsidy;
  50 000,00 own contribution.
Beta (another project): Q1 in its Rodziny from 2025-02-01 with one consultation; P1 is also
  enrolled in Beta from 2025-02-10 (people take part in several projects).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from participants.models import ParticipantSubgroup, Person
from participants.pesel import FEMALE, MALE
from projects.models import Funding, StaffRole
from services import consultations
from services.models import Activity
from tests.factories import (
    make_consultation,
    make_enrolment,
    make_family,
    make_person,
    make_project,
    make_staff,
    place_kind,
    specialist_kind,
    subgroup_of,
)

RANGE_2025 = {"date_from": "2025-01-01", "date_to": "2025-12-31"}


@dataclass
class Dataset:
    alfa: object
    beta: object
    coordinator: object
    beta_coordinator: object
    caseworker: object
    superuser: object
    persons: dict
    families: dict
    consultations: list


def address(**more):
    return {
        "town": "Opole",
        "postcode": "45-001",
        "municipality": "Opole",
        "county": "Opole",
        "voivodeship": "opolskie",
        **more,
    }


@pytest.fixture
def dataset(db, superuser):
    alfa = make_project("alfa", title="Alfa")
    beta = make_project("beta", title="Beta")
    rodziny = subgroup_of(alfa)
    dzieci = ParticipantSubgroup.objects.create(
        project=alfa, name="Dzieci", target_participants=4, order=1
    )
    Funding.objects.create(
        project=alfa,
        total_value=Decimal("1000000.00"),
        co_financing=Decimal("950000.00"),
        eu_share=Decimal("800000.00"),
        state_subsidy=Decimal("100000.00"),
        own_contribution=Decimal("50000.00"),
    )
    coordinator = make_staff(alfa, StaffRole.COORDINATOR, username="koordynator_alfa")
    caseworker = make_staff(alfa, StaffRole.CASEWORKER, username="pracownik_alfa")
    beta_coordinator = make_staff(beta, StaffRole.COORDINATOR, username="koordynator_beta")

    f1 = make_family(alfa, actor=coordinator, **address())
    f2 = make_family(alfa, actor=coordinator, **address(town="Opole-Zaodrze"))
    f3 = make_family(alfa, actor=coordinator, **address())
    p1 = make_person(
        alfa,
        actor=coordinator,
        family=f1,
        birth_date=date(1990, 5, 12),
        sex=FEMALE,
        education=Person.Education.ISCED3,
        labour_market_status=Person.LabourMarketStatus.EMPLOYED,
        disability=True,
    )
    p2 = make_person(
        alfa,
        actor=coordinator,
        family=f1,
        birth_date=date(2015, 6, 1),
        sex=MALE,
        education=Person.Education.ISCED1,
        labour_market_status=Person.LabourMarketStatus.CHILD,
    )
    p3 = make_person(
        alfa,
        actor=coordinator,
        family=f2,
        birth_date=date(1970, 1, 10),
        sex=FEMALE,
        education=Person.Education.ISCED5_8,
        labour_market_status=Person.LabourMarketStatus.UNEMPLOYED_REGISTERED,
        foreign_origin=True,
        third_country_national=True,
    )
    p4 = make_person(
        alfa,
        actor=coordinator,
        birth_date=date(2006, 2, 1),
        sex=MALE,
        education=Person.Education.ISCED2,
        labour_market_status=Person.LabourMarketStatus.INACTIVE_IN_EDUCATION,
        minority=True,
        homeless_or_housing_excluded=True,
    )
    p5 = make_person(alfa, actor=coordinator, family=f3, birth_date=date(1985, 7, 7))
    for person, subgroup, start in [
        (p1, rodziny, date(2025, 3, 1)),
        (p2, dzieci, date(2025, 3, 1)),
        (p3, rodziny, date(2025, 4, 15)),
        (p4, dzieci, date(2025, 6, 1)),
    ]:
        make_enrolment(actor=coordinator, person=person, subgroup=subgroup, start_date=start)
    make_enrolment(actor=coordinator, person=p5, subgroup=rodziny, start_date=date(2024, 12, 1))
    make_enrolment(actor=coordinator, family=f3, subgroup=rodziny, start_date=date(2025, 5, 5))

    psychologist, dietitian = specialist_kind("psychologist"), specialist_kind("dietitian")
    office, home, online = place_kind("office"), place_kind("home-visit"), place_kind("online")
    logged = [
        make_consultation(
            actor=coordinator,
            project=alfa,
            person=person,
            date=day,
            specialist_kind=kind,
            place_kind=place,
            duration_minutes=minutes,
        )
        for person, day, kind, place, minutes in [
            (p1, date(2025, 3, 3), psychologist, office, 60),
            (p1, date(2025, 3, 20), psychologist, home, 90),
            (p3, date(2025, 4, 2), dietitian, office, 30),
            (p2, date(2025, 4, 30), psychologist, office, 45),
            (p4, date(2025, 5, 15), dietitian, online, 120),
            (p1, date(2024, 12, 20), psychologist, office, 60),
        ]
    ]
    workshops = Activity.objects.create(
        project=alfa, kind=Activity.Kind.WORKSHOP, name="Warsztaty", planned_count=4, order=0
    )
    Activity.objects.create(
        project=alfa, kind=Activity.Kind.PICNIC, name="Piknik", planned_count=1, order=1
    )
    for day, attendance in [(date(2025, 4, 5), 12), (date(2025, 5, 10), 8), (date(2024, 11, 1), 5)]:
        consultations.record_activity_session(
            actor=coordinator, activity=workshops, date=day, attendance=attendance
        )

    q1 = make_person(beta, actor=beta_coordinator, family=None, birth_date=date(1995, 1, 1))
    make_enrolment(actor=beta_coordinator, person=q1, start_date=date(2025, 2, 1))
    make_enrolment(
        actor=superuser,
        person=p1,
        project=beta,
        subgroup=subgroup_of(beta),
        start_date=date(2025, 2, 10),
    )
    beta_consultation = make_consultation(
        actor=beta_coordinator, project=beta, person=q1, date=date(2025, 2, 3)
    )
    return Dataset(
        alfa=alfa,
        beta=beta,
        coordinator=coordinator,
        beta_coordinator=beta_coordinator,
        caseworker=caseworker,
        superuser=superuser,
        persons={"p1": p1, "p2": p2, "p3": p3, "p4": p4, "p5": p5, "q1": q1},
        families={"f1": f1, "f2": f2, "f3": f3},
        consultations=[*logged, beta_consultation],
    )
