"""Retention: `anonymise_expired_participants` removes the personal data of everyone whose
every project ended more than PARTICIPANT_RETENTION_YEARS ago, keeps what the reports count,
is idempotent, batch-wise, dry-runnable and logged once per run without personal data."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Count, Sum

from audit.models import AuditEntry
from participants import records
from participants.ages import age_on
from participants.anonymisation import (
    MARKER,
    earliest_birth_date_with_age,
    generalised_birth_date,
)
from participants.models import Enrolment, Family, Person
from participants.pesel import synthetic_pesel
from participants.retention import anonymise_expired, retention_cutoff
from participants.signals import participants_anonymised
from services.models import Consultation
from tests.factories import make_person
from tests.participants.conftest import PERSONAL_STRINGS_OF_EXPIRED, TODAY, audit_log_text

pytestmark = pytest.mark.django_db


# --- what a report counts, computed the way a report would ------------------------------------


def persons_by_sex_per_project() -> dict:
    rows = (
        Enrolment.objects.filter(person__isnull=False)
        .values_list("project__slug", "person__sex")
        .annotate(persons=Count("person", distinct=True))
    )
    return {(slug, sex): persons for slug, sex, persons in rows}


def ages_at_enrolment() -> dict:
    """Age in full years at the start of every participation, a family's members included."""
    ages = {}
    for enrolment in Enrolment.objects.select_related("project", "person", "family"):
        members = (
            [enrolment.person] if enrolment.person_id else list(enrolment.family.members.all())
        )
        for person in members:
            key = (enrolment.project.slug, enrolment.pk, person.pk)
            ages[key] = age_on(person.birth_date, enrolment.start_date)
    return ages


def consultations_per_kind() -> dict:
    rows = Consultation.objects.values_list("project__slug", "specialist_kind__slug").annotate(
        count=Count("pk"), minutes=Sum("duration_minutes")
    )
    return {(slug, kind): (count, minutes) for slug, kind, count, minutes in rows}


def efs_characteristics() -> dict:
    return {
        flag: Person.objects.filter(**{flag: True}).count()
        for flag in ("disability", "third_country_national", "single_adult_with_children")
    } | dict(Person.objects.values_list("education").annotate(Count("pk")).order_by("education"))


def snapshot() -> dict:
    return {
        "persons": list(Person.objects.order_by("pk").values()),
        "families": list(Family.objects.order_by("pk").values()),
        "consultations": list(Consultation.objects.order_by("pk").values()),
        "audit": AuditEntry.objects.count(),
    }


# --- the specification -------------------------------------------------------------------------


def test_expired_persons_lose_names_identifiers_and_contacts_and_keep_statistics(world):
    run = anonymise_expired(today=TODAY)

    assert run.cutoff == date(2016, 12, 2)
    assert (run.persons, run.families, run.counts["consultations"]) == (3, 1, 1)
    world.reload()
    ola = world.ola
    assert (ola.first_name, ola.last_name, ola.pesel, ola.no_pesel) == (MARKER, MARKER, None, True)
    assert (ola.other_identifier, ola.phone, ola.email) == ("", "", "")
    assert world.jan.other_identifier == ""
    assert ola.anonymised_at is not None
    # Kept for the monitoring reports.
    assert (ola.sex, ola.education, ola.labour_market_status) == (
        "K",
        Person.Education.ISCED3,
        Person.LabourMarketStatus.INACTIVE,
    )
    assert (ola.disability, ola.single_adult_with_children, ola.family_id) == (
        True,
        True,
        world.family.pk,
    )
    assert (ola.relation_to_family, ola.created_in_project_id) == ("parent", world.old.pk)
    assert world.jan.third_country_national is True
    # Birth dates generalised to the earliest date with the same ages at every enrolment:
    # Ola was 27 on 2013-03-01 and on 2013-05-10, Piotr 3 on 2013-05-10, Jan 34 on 2014-01-07.
    assert (ola.birth_date, world.piotr.birth_date, world.jan.birth_date) == (
        date(1985, 5, 11),
        date(2009, 5, 11),
        date(1979, 1, 8),
    )


def test_an_expired_family_keeps_only_its_municipality_county_and_voivodeship(world):
    anonymise_expired(today=TODAY)

    family = Family.objects.get(pk=world.family.pk)
    wiped = (family.label, family.street, family.postcode, family.town, family.phone)
    assert wiped == (MARKER, "", "", "", "")
    assert (family.email, family.notes) == ("", "")
    assert (family.municipality, family.county, family.voivodeship) == (
        "Opole",
        "Opole",
        "opolskie",
    )
    assert family.anonymised_at is not None


def test_consultations_of_expired_participants_lose_topic_and_notes_but_keep_the_rest(world):
    anonymise_expired(today=TODAY)

    olas = Consultation.objects.get(person=world.ola)
    assert (olas.topic, olas.notes) == ("", "")
    assert (olas.date, olas.duration_minutes, olas.specialist_kind.slug) == (
        date(2013, 4, 2),
        50,
        "psychologist",
    )
    assert Consultation.objects.get(person=world.tomasz).topic == "Temat bieżący"


def test_participants_of_a_project_within_the_retention_period_are_kept(world):
    ewa_before = Person.objects.filter(pk=world.ewa.pk).values().get()
    tomasz_before = Person.objects.filter(pk=world.tomasz.pk).values().get()

    anonymise_expired(today=TODAY)

    # Ewa's old project expired, but she also took part in "nowy" (ended 2021).
    assert Person.objects.filter(pk=world.ewa.pk).values().get() == ewa_before
    assert Person.objects.filter(pk=world.tomasz.pk).values().get() == tomasz_before


def test_the_reports_add_up_the_same_before_and_after(world):
    expected_by_sex = {
        ("stary", "K"): 2,  # Ola, Ewa
        ("stary", "M"): 1,  # Jan
        ("nowy", "K"): 1,  # Ewa
        ("trwa", "M"): 1,  # Tomasz
    }
    assert persons_by_sex_per_project() == expected_by_sex
    ages_before = ages_at_enrolment()
    assert sorted(ages_before.values()) == [3, 23, 27, 27, 29, 34, 34]
    consultations_before = consultations_per_kind()
    assert consultations_before == {
        ("stary", "psychologist"): (2, 140),
        ("trwa", "psychologist"): (1, 30),
    }
    efs_before = efs_characteristics()

    anonymise_expired(today=TODAY)

    assert persons_by_sex_per_project() == expected_by_sex
    assert ages_at_enrolment() == ages_before
    assert consultations_per_kind() == consultations_before
    assert efs_characteristics() == efs_before


def test_a_second_run_changes_nothing_and_says_so(world):
    anonymise_expired(today=TODAY)
    after_first = snapshot()

    second = anonymise_expired(today=TODAY)

    assert (second.persons, second.families, second.batches) == (0, 0, 0)
    after_second = snapshot()
    assert after_second["persons"] == after_first["persons"]
    assert after_second["families"] == after_first["families"]
    assert after_second["consultations"] == after_first["consultations"]
    assert after_second["audit"] == after_first["audit"] + 1  # the run's own entry


def test_a_dry_run_counts_and_changes_nothing_not_even_the_log(world):
    before = snapshot()

    run = anonymise_expired(today=TODAY, dry_run=True)

    assert (run.persons, run.families) == (3, 1)
    assert snapshot() == before


def test_batches_of_one_give_the_same_result_in_one_transaction_each(world):
    run = anonymise_expired(today=TODAY, batch_size=1)

    assert (run.persons, run.families, run.batches) == (3, 1, 4)
    assert set(Person.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True)) == {
        world.ola.pk,
        world.piotr.pk,
        world.jan.pk,
    }


def test_one_audit_entry_per_run_with_counts_only(world):
    pesels = [world.ola.pesel, world.piotr.pesel]
    assert "Zielińska" in audit_log_text()  # the records' history named her

    anonymise_expired(today=TODAY)

    entry = AuditEntry.objects.get(detail__operation="retention_anonymisation")
    assert (entry.action, entry.actor, entry.object_id, entry.project) == ("change", None, "", None)
    assert entry.detail == {
        "operation": "retention_anonymisation",
        "cutoff": "2016-12-02",
        "retention_years": 10,
        "batches": 2,
        "completed": True,
        "persons": 3,
        "families": 1,
        "consultations": 1,
        "history_entries": 4,  # the create entries of Ola, Piotr, Jan and the family
    }
    log = audit_log_text()
    for personal in [*PERSONAL_STRINGS_OF_EXPIRED, *pesels]:
        assert personal not in log
    # Ewa is still within the period: her history is untouched.
    assert "Długa" in log


def test_the_admin_history_no_longer_names_the_person(world):
    content_type = ContentType.objects.get_for_model(Person)
    LogEntry.objects.log_actions(
        user_id=world.keeper.pk, queryset=[world.ola], action_flag=CHANGE, change_message="[]"
    )
    assert LogEntry.objects.get(object_id=str(world.ola.pk)).object_repr == str(world.ola)

    anonymise_expired(today=TODAY)

    entry = LogEntry.objects.get(content_type=content_type, object_id=str(world.ola.pk))
    assert entry.object_repr == MARKER


def test_the_period_counts_from_the_day_after_the_project_ended(world):
    # "stary" ended 2014-12-31: kept through 2024-12-31, expired from 2025-01-01.
    assert anonymise_expired(today=date(2024, 12, 31), dry_run=True).persons == 0
    assert anonymise_expired(today=date(2025, 1, 1), dry_run=True).persons == 3


def test_the_retention_period_comes_from_the_setting(world, settings):
    settings.PARTICIPANT_RETENTION_YEARS = 15
    assert retention_cutoff(TODAY) == date(2011, 12, 2)
    assert anonymise_expired(today=TODAY, dry_run=True).persons == 0


def test_a_failing_upper_layer_rolls_the_batch_back_and_the_run_is_still_logged(world):
    def broken(sender, **kwargs):
        raise RuntimeError("consultations unavailable")

    participants_anonymised.connect(broken, dispatch_uid="test:broken")
    try:
        with pytest.raises(RuntimeError):
            anonymise_expired(today=TODAY)
    finally:
        participants_anonymised.disconnect(dispatch_uid="test:broken")

    world.reload()
    assert world.ola.anonymised_at is None and world.ola.last_name == "Zielińska"
    entry = AuditEntry.objects.get(detail__operation="retention_anonymisation")
    assert (entry.detail["completed"], entry.detail["persons"]) == (False, 0)


def test_an_anonymised_record_is_valid_and_refuses_identifying_data(world):
    anonymise_expired(today=TODAY)
    ola = Person.objects.get(pk=world.ola.pk)
    ola.full_clean()
    Family.objects.get(pk=world.family.pk).full_clean()

    with pytest.raises(ValidationError) as caught:
        records.update_person(
            actor=world.keeper,
            person=ola,
            pesel=synthetic_pesel(date(1985, 5, 11), "K", 7),
            phone="600999999",
        )
    refused = ["Dane tej osoby zostały zanonimizowane – nie można ich uzupełnić."]
    assert caught.value.message_dict == {"pesel": refused, "phone": refused}
    assert Person.objects.get(pk=ola.pk).phone == ""


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_command_prints_counts_only(world, dry_run):
    out = StringIO()
    call_command("anonymise_expired_participants", *(["--dry-run"] if dry_run else []), stdout=out)

    verb = "would be anonymised" if dry_run else "anonymised"
    first_line = out.getvalue().splitlines()[0]
    assert first_line.endswith(f": 3 persons and 1 families {verb}.")
    assert "Zielińska" not in out.getvalue()
    assert Person.objects.filter(anonymised_at__isnull=False).count() == (0 if dry_run else 3)


def test_earliest_birth_date_with_age_at_month_and_leap_day_edges():
    assert earliest_birth_date_with_age(10, date(2024, 2, 29)) == date(2013, 3, 1)
    assert earliest_birth_date_with_age(5, date(2020, 12, 31)) == date(2015, 1, 1)
    assert earliest_birth_date_with_age(0, date(2021, 1, 1)) == date(2020, 1, 2)


def test_the_generalised_birth_date_keeps_every_age_at_enrolment():
    starts_sets = [
        [date(2013, 3, 1)],
        [date(2013, 3, 1), date(2013, 5, 10), date(2016, 11, 30)],
        [date(2020, 2, 29), date(2021, 2, 28), date(2021, 3, 1)],
    ]
    births = [date(1960, 1, 1), date(1984, 2, 29), date(1999, 12, 31), date(2012, 7, 15)]
    for starts in starts_sets:
        for birth in births:
            generalised = generalised_birth_date(birth, starts)
            assert generalised <= birth
            assert [age_on(generalised, s) for s in starts] == [age_on(birth, s) for s in starts]
    assert generalised_birth_date(date(1990, 1, 1), []) is None


def test_a_name_cannot_be_typed_back_into_an_anonymised_record(world):
    anonymise_expired(today=TODAY)

    with pytest.raises(ValidationError) as caught:
        records.update_person(
            actor=world.keeper, person=Person.objects.get(pk=world.jan.pk), last_name="Obcy"
        )
    assert caught.value.message_dict == {
        "last_name": ["Dane tej osoby zostały zanonimizowane – nie można ich uzupełnić."]
    }
    with pytest.raises(ValidationError) as caught:
        records.update_family(
            actor=world.keeper, family=Family.objects.get(pk=world.family.pk), street="ul. Nowa 1"
        )
    assert list(caught.value.message_dict) == ["street"]
    assert str(Person.objects.get(pk=world.jan.pk)) == f"{MARKER} #{world.jan.pk}"


def test_without_any_enrolment_the_birth_date_is_removed(world):
    never_enrolled = make_person(world.old, actor=world.keeper, first_name="Zofia")

    anonymise_expired(today=TODAY)

    never_enrolled.refresh_from_db()
    assert (never_enrolled.birth_date, never_enrolled.sex) == (None, "K")
    never_enrolled.full_clean()
