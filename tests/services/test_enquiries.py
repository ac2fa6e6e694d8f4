"""The enquiry write functions: status steps, assignment rules, who may handle enquiries."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from audit.log import acting_as
from audit.models import AuditEntry
from projects.models import StaffRole
from services.enquiries import assign_enquiry, change_enquiry_status, submit_enquiry
from services.models import Enquiry, new_enquiry_reference
from tests.factories import make_project, make_staff

pytestmark = pytest.mark.django_db
S = Enquiry.Status


@pytest.fixture
def alfa():
    return make_project("alfa")


@pytest.fixture
def caseworker(alfa):
    return make_staff(alfa, StaffRole.CASEWORKER, email="ewa@mops.invalid")


@pytest.fixture
def enquiry(alfa):
    return submit_enquiry(project=alfa, name="Ola", phone="+48 12 345 67 89", consent=True)


def with_status(enquiry, status, actor):
    """Walk the enquiry to `status` through allowed steps."""
    path = {S.NEW: [], S.CONTACTED: [S.CONTACTED], S.ENROLLED: [S.CONTACTED, S.ENROLLED]}
    path[S.CLOSED] = [S.CLOSED]
    for step in path[status]:
        change_enquiry_status(actor=actor, enquiry=enquiry, status=step)
    return enquiry


STEPS = [
    (S.NEW, S.CONTACTED, True),
    (S.NEW, S.CLOSED, True),
    (S.NEW, S.ENROLLED, False),  # nobody is enrolled before someone spoke to them
    (S.CONTACTED, S.ENROLLED, True),
    (S.CONTACTED, S.CLOSED, True),
    (S.CONTACTED, S.NEW, False),
    (S.ENROLLED, S.CLOSED, True),
    (S.ENROLLED, S.CONTACTED, False),
    (S.CLOSED, S.CONTACTED, True),  # reopened when the family calls back
    (S.CLOSED, S.ENROLLED, False),
    (S.CONTACTED, S.CONTACTED, False),
]


@pytest.mark.parametrize(("start", "target", "allowed"), STEPS)
def test_status_steps(enquiry, caseworker, start, target, allowed):
    with_status(enquiry, start, caseworker)
    if allowed:
        change_enquiry_status(actor=caseworker, enquiry=enquiry, status=target)
        enquiry.refresh_from_db()
        assert enquiry.status == target
    else:
        with pytest.raises(ValidationError) as error:
            change_enquiry_status(actor=caseworker, enquiry=enquiry, status=target)
        assert "nie można oznaczyć jako" in error.value.message_dict["status"][0]
        enquiry.refresh_from_db()
        assert enquiry.status == start


def test_a_status_change_is_audited_with_its_actor(enquiry, caseworker):
    with acting_as(caseworker):
        change_enquiry_status(actor=caseworker, enquiry=enquiry, status=S.CONTACTED)
    entry = AuditEntry.objects.for_object(enquiry).filter(action=AuditEntry.Action.CHANGE).get()
    assert entry.actor == caseworker
    assert entry.changes == {"status": ["new", "contacted"]}


@pytest.mark.parametrize(
    "persona",
    ["specialist_a", "caseworker_b", "roleless", "inactive_caseworker_a"],
)
def test_only_the_projects_handlers_may_change_an_enquiry(alfa, enquiry, persona):
    from django.contrib.auth import get_user_model

    beta = make_project("beta")
    users = {
        "specialist_a": lambda: make_staff(alfa, StaffRole.SPECIALIST),
        "caseworker_b": lambda: make_staff(beta, StaffRole.CASEWORKER),
        "roleless": lambda: get_user_model().objects.create_user("nikt", is_staff=True),
        "inactive_caseworker_a": lambda: make_staff(alfa, StaffRole.CASEWORKER, is_active=False),
    }
    actor = users[persona]()
    with pytest.raises(PermissionDenied):
        change_enquiry_status(actor=actor, enquiry=enquiry, status=S.CONTACTED)
    with pytest.raises(PermissionDenied):
        assign_enquiry(actor=actor, enquiry=enquiry, assignee=None)
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.assignee) == (S.NEW, None)


def test_an_enquiry_is_assigned_to_a_handler_of_its_project_who_is_told_by_email(
    alfa, enquiry, caseworker, django_capture_on_commit_callbacks
):
    coordinator = make_staff(alfa, StaffRole.COORDINATOR, email="piotr@mops.invalid")
    with django_capture_on_commit_callbacks(execute=True):
        assign_enquiry(actor=coordinator, enquiry=enquiry, assignee=caseworker)
    enquiry.refresh_from_db()
    assert enquiry.assignee == caseworker
    [message] = mail.outbox
    assert message.to == ["ewa@mops.invalid"]
    assert enquiry.reference in message.subject
    assert "Ola" not in message.body and "345" not in message.body


@pytest.mark.parametrize("assignee", ["specialist_a", "caseworker_b", "superuser"])
def test_an_enquiry_is_not_assigned_outside_its_projects_handlers(
    alfa, enquiry, caseworker, assignee, django_user_model
):
    candidates = {
        "specialist_a": lambda: make_staff(alfa, StaffRole.SPECIALIST),
        "caseworker_b": lambda: make_staff(make_project("beta"), StaffRole.CASEWORKER),
        "superuser": lambda: django_user_model.objects.create_superuser("root", password="x"),
    }
    with pytest.raises(ValidationError) as error:
        assign_enquiry(actor=caseworker, enquiry=enquiry, assignee=candidates[assignee]())
    assert error.value.message_dict["assignee"] == [
        "Zgłoszenie można przydzielić tylko osobie z zespołu tego projektu."
    ]


def test_submit_refuses_an_offer_of_another_project(alfa):
    from services.models import SupportOffer

    beta = make_project("beta")
    offer = SupportOffer.objects.create(
        project=beta, title="Oferta", slug="oferta", description="-", who_for="-"
    )
    with pytest.raises(ValidationError) as error:
        submit_enquiry(project=alfa, offer=offer, name="Ola", email="o@example.invalid", consent=1)
    assert error.value.message_dict["offer"] == ["Ta oferta należy do innego projektu."]
    assert not Enquiry.objects.exists()


def test_the_database_refuses_an_enquiry_without_any_contact(alfa):
    from django.db import IntegrityError, transaction

    enquiry = submit_enquiry(project=alfa, name="Ola", email="o@example.invalid", consent=True)
    enquiry.email = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        enquiry.save()


def test_references_are_random_and_a_collision_draws_a_new_one(alfa, monkeypatch):
    references = {new_enquiry_reference() for _ in range(200)}
    assert len(references) == 200
    first = submit_enquiry(project=alfa, name="Ola", email="o@example.invalid", consent=True)
    # The next draw collides once with the existing reference, then succeeds.
    draws = iter([first.reference, "ZG-2222-3333"])
    field = Enquiry._meta.get_field("reference")
    monkeypatch.setattr(field, "get_default", lambda: next(draws))
    second = submit_enquiry(project=alfa, name="Ala", email="a@example.invalid", consent=True)
    assert second.reference == "ZG-2222-3333"
    assert Enquiry.objects.count() == 2


def test_answered_enquiries_are_deleted_a_year_after_their_last_change(alfa, caseworker, settings):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    settings.ENQUIRY_RETENTION_DAYS = 365
    old_closed, old_new, recent_closed = (
        submit_enquiry(project=alfa, name=name, email=f"{name}@example.invalid", consent=True)
        for name in ("a", "b", "c")
    )
    for enquiry in (old_closed, recent_closed):
        change_enquiry_status(actor=caseworker, enquiry=enquiry, status=S.CLOSED)
    # A year and a day ago (updated_at is auto_now: set it behind the model's back).
    Enquiry.objects.filter(pk__in=[old_closed.pk, old_new.pk]).update(
        updated_at=timezone.now() - timedelta(days=366)
    )

    out = StringIO()
    call_command("delete_expired_enquiries", "--dry-run", stdout=out)
    assert "would delete 1." in out.getvalue()
    assert Enquiry.objects.count() == 3

    call_command("delete_expired_enquiries", stdout=out)
    # The open one waits for an answer however old it is; the recent one is kept.
    assert set(Enquiry.objects.values_list("pk", flat=True)) == {old_new.pk, recent_closed.pk}
    deleted = AuditEntry.objects.get(action=AuditEntry.Action.DELETE)
    assert (deleted.object_id, deleted.actor) == (str(old_closed.pk), None)
