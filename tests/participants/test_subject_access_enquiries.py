"""Data-subject access covers the enquiries a person sent from the public pages: matched by the
person's own e-mail (any case) or phone (any spelling of the same Polish number), never by the
family's shared contacts, and shown on the readable page."""

import pytest
from django.urls import reverse

from participants.subject_access import build_subject_data
from services.enquiries import submit_enquiry

pytestmark = pytest.mark.django_db


def send(project, **fields):
    return submit_enquiry(project=project, consent=True, **{"name": "Ola", **fields})


@pytest.fixture
def enquiries(world):
    # Ola's e-mail is ola@example.invalid and her phone 600100200; the family's 774000000.
    return {
        "by e-mail, other case": send(world.old, email="OLA@Example.invalid", message="Pomocy"),
        "by phone, other spelling": send(world.recent, phone="+48 600-100-200"),
        "the family's phone": send(world.old, name="Piotr", phone="774000000"),
        "somebody else": send(world.old, name="Obca", email="obca@example.invalid"),
    }


def test_the_export_lists_the_enquiries_sent_with_the_persons_own_contacts(world, enquiries):
    rows = build_subject_data(world.ola)["enquiries"]

    assert [row["reference"] for row in rows] == [
        enquiries["by e-mail, other case"].reference,
        enquiries["by phone, other spelling"].reference,
    ]
    first, second = rows
    assert (first["email"], first["message"], first["status"]) == (
        "OLA@Example.invalid",
        "Pomocy",
        "nowe",
    )
    assert first["project"] == {"id": world.old.pk, "title": world.old.title}
    assert second["phone"] == "+48600100200"


def test_a_person_without_contacts_has_no_enquiries_even_when_others_do(world, enquiries):
    assert build_subject_data(world.ewa)["enquiries"] == []


def test_the_readable_page_shows_the_enquiries_section(client, world, enquiries):
    client.force_login(world.coordinator_old)
    url = reverse("admin:participants_person_subject_access", kwargs={"object_id": world.ola.pk})

    html = client.get(url).content.decode()

    assert "Zgłoszenia wysłane przez portal" in html
    assert enquiries["by phone, other spelling"].reference in html
    assert enquiries["the family's phone"].reference not in html
