"""A consultation form submitted several times at once (double clicks, a retrying phone)
is recorded exactly once: the database's unique key decides, the losers get the winner's row."""

import threading
import uuid

import pytest
from django.db import connection, connections

from projects.models import StaffRole
from services.consultations import log_consultation
from services.models import Consultation
from tests.factories import (
    make_enrolment,
    make_person,
    make_project,
    make_staff,
    place_kind,
    specialist_kind,
)


def test_the_same_key_twice_returns_the_first_consultation(db):
    project = make_project("alfa")
    specialist = make_staff(project, StaffRole.SPECIALIST)
    caseworker = make_staff(project, StaffRole.CASEWORKER)
    person = make_person(project, actor=caseworker)
    make_enrolment(actor=caseworker, person=person)
    key = uuid.uuid4()
    fields = {
        "actor": specialist,
        "project": project,
        "person": person,
        "specialist_kind": specialist_kind(),
        "place_kind": place_kind(),
        "date": project.start_date,
        "duration_minutes": 30,
        "idempotency_key": key,
    }
    first = log_consultation(**fields)
    again = log_consultation(**fields)
    assert again.pk == first.pk
    assert Consultation.objects.filter(idempotency_key=key).count() == 1


# serialized_rollback: the flush after a transactional test would wipe the role groups that
# the data migrations created, and make_staff needs them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_of_one_form_create_one_row():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    project = make_project("alfa")
    specialist = make_staff(project, StaffRole.SPECIALIST)
    caseworker = make_staff(project, StaffRole.CASEWORKER)
    person = make_person(project, actor=caseworker)
    make_enrolment(actor=caseworker, person=person)
    kind, place = specialist_kind(), place_kind()
    key = uuid.uuid4()
    submitters = 6
    start = threading.Barrier(submitters)
    results, errors = [], []

    def submit():
        try:
            start.wait()
            results.append(
                log_consultation(
                    actor=specialist,
                    project=project,
                    person=person,
                    specialist_kind=kind,
                    place_kind=place,
                    date=project.start_date,
                    duration_minutes=45,
                    idempotency_key=key,
                ).pk
            )
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(submitters)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == submitters and len(set(results)) == 1
    assert Consultation.objects.filter(idempotency_key=key).count() == 1
