"""Enquiries from families: the one write path for the public form, the admin and commands.

- `submit_enquiry()` records what a family sent from the public form (consent required, phone
  normalised, nothing saved on any error) and notifies the project's staff by e-mail;
- `change_enquiry_status()` moves it along NEW → CONTACTED → ENROLLED, with CLOSED reachable
  from every open status and a closed enquiry reopened as CONTACTED;
- `assign_enquiry()` gives it to a member of the project's team who handles enquiries.

E-mails carry the reference number, the project and an admin link, never the family's data:
mail leaves our systems and is read on phones and shared mailboxes.
"""

import contextlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.log import acting_as, current_context
from projects.models import ProjectMembership
from projects.scoping import RECORD_KEEPING_ROLES, can_keep_records
from services.models import Enquiry
from services.phone import normalise_polish_phone

logger = logging.getLogger(__name__)

# Roles that handle enquiries (see the list, change them, are notified of new ones).
HANDLING_ROLES = RECORD_KEEPING_ROLES

# The consent a family gives on the form. A new wording gets a new version, so each enquiry
# keeps which text its sender agreed to.
CONSENT_TEXT_VERSION = "2026-12-01"
CONSENT_TEXT = gettext_lazy(
    "Zgadzam się, aby pracownik projektu skontaktował się ze mną telefonicznie lub e-mailem "
    "w sprawie tego zgłoszenia. Podanie danych jest dobrowolne; zgodę mogę wycofać w każdej "
    "chwili."
)

CONSENT_REQUIRED = gettext_lazy("Zaznacz zgodę na kontakt – bez niej nie możemy oddzwonić.")

Status = Enquiry.Status
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.CONTACTED, Status.CLOSED}),
    Status.CONTACTED: frozenset({Status.ENROLLED, Status.CLOSED}),
    Status.ENROLLED: frozenset({Status.CLOSED}),
    # A family that calls back after the enquiry was closed: reopened, already in contact.
    Status.CLOSED: frozenset({Status.CONTACTED}),
}
_REFERENCE_ATTEMPTS = 5


def check_enquiry(
    *,
    project,
    name: str,
    consent: bool,
    phone: str = "",
    email: str = "",
    preferred_contact_time: str = Enquiry.ContactTime.ANY,
    message: str = "",
    offer=None,
) -> tuple[Enquiry, dict[str, list[str]]]:
    """The unsaved enquiry and every rule it breaks, by field (forms show them all at once)."""
    enquiry = Enquiry(
        project=project,
        offer=offer,
        name=(name or "").strip(),
        phone=(phone or "").strip(),
        email=(email or "").strip(),
        preferred_contact_time=preferred_contact_time,
        message=(message or "").strip(),
        consent_text_version=CONSENT_TEXT_VERSION,
        consented_at=timezone.now(),
    )
    errors: dict[str, list[str]] = {}
    if not consent:
        errors["consent"] = [str(CONSENT_REQUIRED)]
    if enquiry.phone:
        # An invalid number stays as typed: full_clean() reports it next to the field.
        with contextlib.suppress(ValidationError):
            enquiry.phone = normalise_polish_phone(enquiry.phone)
    try:
        enquiry.full_clean(exclude=["reference"])
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    return enquiry, errors


def submit_enquiry(**fields) -> Enquiry:
    """Record a family's enquiry (the arguments of `check_enquiry`), or raise ValidationError
    (by field) and save nothing.

    Logged in the audit log without an actor and without the sender's IP address (a public
    submission: the log must not become a register of who asked for help from where).
    """
    enquiry, errors = check_enquiry(**fields)
    if errors:
        raise ValidationError(errors)
    request_id = current_context().request_id
    with acting_as(None, request_id=request_id, ip_address=None), transaction.atomic():
        _save_with_fresh_reference(enquiry)
        transaction.on_commit(lambda: notify_new_enquiry(enquiry))
    return enquiry


def _save_with_fresh_reference(enquiry: Enquiry) -> None:
    for attempt in range(_REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():  # a savepoint: a duplicate reference leaves no trace
                enquiry.save()
            return
        except IntegrityError:
            if attempt == _REFERENCE_ATTEMPTS - 1:
                raise
            enquiry.reference = Enquiry._meta.get_field("reference").get_default()
            enquiry.pk = None
            enquiry._state.adding = True


def can_handle(user, project) -> bool:
    return can_keep_records(user, project)


def _require_handler(actor, enquiry: Enquiry) -> None:
    if not can_handle(actor, enquiry.project_id):
        raise PermissionDenied(_("Zgłoszenia tego projektu prowadzi jego zespół."))


def allowed_statuses(enquiry: Enquiry) -> frozenset[str]:
    return TRANSITIONS[enquiry.status]


@transaction.atomic
def change_enquiry_status(*, actor, enquiry: Enquiry, status: str) -> Enquiry:
    """Move the enquiry to `status` if the step is allowed (see TRANSITIONS)."""
    _require_handler(actor, enquiry)
    current = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if status not in Status.values:
        raise ValidationError({"status": _("Nieznany status zgłoszenia.")})
    if status not in TRANSITIONS[current.status]:
        raise ValidationError(
            {
                "status": _(
                    "Zgłoszenia o statusie „%(current)s” nie można oznaczyć jako „%(new)s”."
                )
                % {"current": current.get_status_display(), "new": Status(status).label}
            }
        )
    enquiry.status = status
    enquiry.save(update_fields=["status", "updated_at"])
    return enquiry


def handlers_of(project):
    """Active users who handle the project's enquiries (see HANDLING_ROLES)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True,
        pk__in=ProjectMembership.objects.filter(project=project, role__in=HANDLING_ROLES).values(
            "user_id"
        ),
    )


@transaction.atomic
def assign_enquiry(*, actor, enquiry: Enquiry, assignee) -> Enquiry:
    """Give the enquiry to `assignee` (None: nobody); they must handle the project's enquiries.
    The new assignee is told by e-mail (reference and link only)."""
    _require_handler(actor, enquiry)
    if assignee is not None and not handlers_of(enquiry.project_id).filter(pk=assignee.pk).exists():
        raise ValidationError(
            {"assignee": _("Zgłoszenie można przydzielić tylko osobie z zespołu tego projektu.")}
        )
    if enquiry.assignee_id == getattr(assignee, "pk", None):
        return enquiry
    enquiry.assignee = assignee
    enquiry.save(update_fields=["assignee", "updated_at"])
    if assignee is not None and assignee != actor:
        transaction.on_commit(lambda: notify_assignee(enquiry))
    return enquiry


# --- Notifications ------------------------------------------------------------------------


def admin_link(enquiry: Enquiry) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("admin:services_enquiry_change", args=[enquiry.pk])
    return f"{settings.PORTAL_BASE_URL.rstrip('/')}{path}"


def _send(recipients, subject: str, body: str) -> int:
    """One message per recipient (nobody sees who else was told). A mail server failure is
    logged and does not undo the enquiry: staff find it in the back office anyway."""
    sent = 0
    for address in recipients:
        try:
            sent += EmailMessage(subject, body, to=[address]).send()
        except Exception:
            logger.exception("enquiry notification not sent")
    return sent


def notify_new_enquiry(enquiry: Enquiry) -> int:
    recipients = sorted(
        set(handlers_of(enquiry.project_id).exclude(email="").values_list("email", flat=True))
    )
    with translation.override(settings.LANGUAGE_CODE):
        context = {"reference": enquiry.reference, "project": enquiry.project.title}
        subject = _("Nowe zgłoszenie %(reference)s w projekcie %(project)s") % context
        body = "\n\n".join(
            [
                _("W projekcie „%(project)s” wpłynęło nowe zgłoszenie rodziny %(reference)s.")
                % context,
                _("Szczegóły zobaczysz po zalogowaniu: %(link)s") % {"link": admin_link(enquiry)},
                _("Ta wiadomość celowo nie zawiera danych osoby zgłaszającej."),
            ]
        )
    return _send(recipients, subject, body)


def notify_assignee(enquiry: Enquiry) -> int:
    assignee = enquiry.assignee
    if assignee is None or not assignee.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"reference": enquiry.reference, "project": enquiry.project.title}
        subject = _("Przydzielono Ci zgłoszenie %(reference)s") % context
        body = "\n\n".join(
            [
                _("Prowadzisz teraz zgłoszenie %(reference)s w projekcie „%(project)s”.") % context,
                _("Szczegóły zobaczysz po zalogowaniu: %(link)s") % {"link": admin_link(enquiry)},
            ]
        )
    return _send([assignee.email], subject, body)


# --- Retention ------------------------------------------------------------------------------


def expired_enquiries(now=None):
    """Answered enquiries (enrolled or closed) untouched for settings.ENQUIRY_RETENTION_DAYS:
    the record of processing keeps an enquiry until it is answered plus that period. Open ones
    (new, contacted) stay until someone answers them."""
    now = now or timezone.now()
    return Enquiry.objects.filter(
        status__in=[Status.ENROLLED, Status.CLOSED],
        updated_at__lt=now - timedelta(days=settings.ENQUIRY_RETENTION_DAYS),
    )


def delete_expired_enquiries(*, dry_run: bool = False, now=None) -> int:
    """Delete the expired enquiries (each delete is in the audit log, without the family's data)
    and return how many; with `dry_run`, only count them."""
    expired = expired_enquiries(now)
    if dry_run:
        return expired.count()
    with transaction.atomic():
        count = 0
        # Row by row, so the audit log records each delete (QuerySet.delete() sends the
        # signals too, but this keeps memory flat on a large backlog).
        for enquiry in expired.order_by("pk").iterator():
            enquiry.delete()
            count += 1
    return count
