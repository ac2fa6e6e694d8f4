"""generate_load_data, run tiny: the rows it makes are valid records of the demo projects,
the monthly totals match them, a second run adds without colliding, --reset removes them."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Sum

from participants.models import Enrolment, Family, Person
from participants.pesel import validate_pesel
from services.models import Consultation, ConsultationMonthlyTotal

pytestmark = pytest.mark.django_db


def run(*args):
    call_command("generate_load_data", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_tiny_load(seeded, monkeypatch):
    # Exercise the big-load path too (on PostgreSQL: constraints dropped and recreated).
    monkeypatch.setattr("reports.load_data.BULK_MODE_FROM", 0)
    run("--participants", "21", "--consultations", "150")
    assert Family.objects.count() == 11
    assert Person.objects.count() == 21
    assert Enrolment.objects.count() == 21
    assert Consultation.objects.count() == 150
    totals = ConsultationMonthlyTotal.objects.aggregate(n=Sum("consultations"), m=Sum("minutes"))
    assert totals == {
        "n": 150,
        "m": Consultation.objects.aggregate(m=Sum("duration_minutes"))["m"],
    }
    for person in Person.objects.select_related("family"):
        validate_pesel(person.pesel)
        person.full_clean()  # sex and birth date agree with the PESEL, every field valid
        assert person.family.created_in_project_id == person.created_in_project_id
    for consultation in Consultation.objects.select_related("place_kind", "specialist")[:50]:
        try:
            consultation.full_clean(exclude=["idempotency_key"])
        except ValidationError as error:  # pragma: no cover - the message says which field
            pytest.fail(str(error))
        assert consultation.project.start_date <= consultation.date
        assert consultation.date <= consultation.project.end_date

    run("--participants", "4", "--consultations", "10")
    assert Person.objects.count() == 25 and Consultation.objects.count() == 160

    run("--reset", "--participants", "0", "--consultations", "0")
    assert not Person.objects.exists() and not Consultation.objects.exists()
    assert not ConsultationMonthlyTotal.objects.exclude(consultations=0).exists()
