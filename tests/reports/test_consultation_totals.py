"""The monthly totals follow every write of a consultation: logging, changing its date, kind or
length, deleting it (directly or by cascade), and a rebuild gives the same table."""

from datetime import date

import pytest

from projects.models import StaffRole
from services import consultation_totals, consultations
from services.models import ConsultationMonthlyTotal
from tests.factories import (
    make_consultation,
    make_enrolment,
    make_person,
    make_project,
    make_staff,
    place_kind,
    specialist_kind,
)

pytestmark = pytest.mark.django_db


def table():
    return sorted(
        (t.month.isoformat(), t.specialist_kind.slug, t.place_kind.slug, t.consultations, t.minutes)
        for t in ConsultationMonthlyTotal.objects.select_related("specialist_kind", "place_kind")
    )


@pytest.fixture
def team():
    project = make_project("sumy")
    coordinator = make_staff(project, StaffRole.COORDINATOR)
    person = make_person(project, actor=coordinator)
    make_enrolment(actor=coordinator, person=person)
    return project, coordinator, person


def test_log_change_and_delete_keep_the_totals(team):
    project, coordinator, person = team
    first = make_consultation(
        actor=coordinator, project=project, person=person, date=date(2025, 3, 3)
    )
    make_consultation(
        actor=coordinator,
        project=project,
        person=person,
        date=date(2025, 3, 28),
        duration_minutes=45,
    )
    assert table() == [("2025-03-01", "psychologist", "office", 2, 105)]

    consultations.update_consultation(
        actor=coordinator,
        consultation=first,
        date=date(2025, 4, 1),
        specialist_kind=specialist_kind("dietitian"),
        duration_minutes=30,
    )
    assert table() == [
        ("2025-03-01", "psychologist", "office", 1, 45),
        ("2025-04-01", "dietitian", "office", 1, 30),
    ]

    first.delete()
    assert table() == [
        ("2025-03-01", "psychologist", "office", 1, 45),
        ("2025-04-01", "dietitian", "office", 0, 0),
    ]

    person.delete()  # cascades to the other consultation
    assert [row[3:] for row in table()] == [(0, 0), (0, 0)]


def test_a_repeated_submission_counts_once(team):
    import uuid

    project, coordinator, person = team
    key = uuid.uuid4()
    for _ in range(2):
        make_consultation(
            actor=coordinator,
            project=project,
            person=person,
            idempotency_key=key,
            place_kind=place_kind("home-visit"),
        )
    assert table() == [("2025-03-01", "psychologist", "home-visit", 1, 60)]


def test_rebuild_gives_the_same_totals(team):
    project, coordinator, person = team
    for day, minutes in [(date(2025, 1, 31), 50), (date(2025, 2, 1), 70), (date(2025, 2, 9), 20)]:
        make_consultation(
            actor=coordinator, project=project, person=person, date=day, duration_minutes=minutes
        )
    kept = table()
    assert kept == [
        ("2025-01-01", "psychologist", "office", 1, 50),
        ("2025-02-01", "psychologist", "office", 2, 90),
    ]
    assert consultation_totals.rebuild() == 2
    assert table() == kept
