"""Demo enquiries: per project three invented families who asked for contact from the public
form — one new, one taken by the caseworker and contacted, one closed — written through
`services.enquiries`, so statuses, assignees and the audit log look as in real use.

Registered as a step of `demo_people.DEMO_STEPS` on import (load_demo_data imports it).
Idempotent: each enquiry is found by its invented e-mail address before it is created. Only
e-mail addresses under example.invalid, never phone numbers: a demo must not ring anyone.
"""

from audit.log import acting_as
from projects.models import StaffRole
from services.enquiries import assign_enquiry, change_enquiry_status, submit_enquiry
from services.models import Enquiry
from services.seed.demo_people import DEMO_STEPS, PROJECT_CODES, DemoCast

# (suffix, name or nickname, preferred time, message, status it ends in)
DEMO_ENQUIRIES = [
    ("1", "Ania", Enquiry.ContactTime.AFTERNOON, "Chcemy zapisać się na warsztaty.", "new"),
    (
        "2",
        "Mama Julka",
        Enquiry.ContactTime.MORNING,
        "Proszę o telefon w sprawie wsparcia.",
        "contacted",
    ),
    ("3", "Tomek", Enquiry.ContactTime.ANY, "", "closed"),
]


def load_demo_enquiries(cast: DemoCast) -> None:
    for slug, code in PROJECT_CODES.items():
        caseworker = cast.staff.get((slug, StaffRole.CASEWORKER))
        if caseworker is None:
            continue
        project = caseworker.project_memberships.get(project__slug=slug).project
        offer = project.offers.order_by("order", "pk").first()
        for suffix, name, when, message, status in DEMO_ENQUIRIES:
            email = f"zgloszenie{suffix}.{code}@example.invalid"
            if Enquiry.objects.filter(project=project, email=email).exists():
                continue
            cast.created += 1
            enquiry = submit_enquiry(
                project=project,
                offer=offer if suffix == "1" else None,
                name=name,
                email=email,
                preferred_contact_time=when,
                message=message,
                consent=True,
            )
            with acting_as(caseworker):
                if status == "contacted":
                    assign_enquiry(actor=caseworker, enquiry=enquiry, assignee=caseworker)
                if status != "new":
                    change_enquiry_status(actor=caseworker, enquiry=enquiry, status=status)


DEMO_STEPS.append(load_demo_enquiries)
