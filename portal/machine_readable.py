"""The portal described in plain text for programs (the /llms.txt convention): what the portal
is, its pages, and every project and offer with its address, generated from the database."""

from django.urls import reverse
from django.utils import translation

from portal.models import AccessibilityStatement
from projects.models import Project
from services.models import Situation, SupportOffer


def portal_description(base_url: str) -> str:
    """Markdown-flavoured plain text; Polish, the portal's default language."""
    with translation.override("pl"):
        return "\n".join(_lines(base_url.rstrip("/"))) + "\n"


def _lines(base: str):
    yield "# Portal wsparcia rodzin"
    yield ""
    yield (
        "> Bezpłatna pomoc dla rodzin w polskich miastach: projekty ośrodków pomocy społecznej "
        "współfinansowane z Unii Europejskiej, ich oferty (specjaliści, asystenci rodziny, "
        "piecza zastępcza), kontakty i telefony. Strony są po polsku, ukraińsku i angielsku "
        "(/pl/, /uk/, /en/)."
    )
    yield ""
    yield "## Strony"
    yield f"- [Strona główna]({base}{reverse('projects:home')}): pomoc według sytuacji i miasta"
    yield f"- [Oferty wsparcia]({base}{reverse('services:offer-list')}): lista z filtrami"
    yield f"- [Tekst łatwy do czytania]({base}{reverse('portal:easy-read')})"
    yield f"- [Deklaracja dostępności]({base}{reverse('portal:accessibility')})"
    yield ""
    yield "## Sytuacje rodzin"
    offers_url = base + reverse("services:offer-list")
    for situation in Situation.objects.all():
        link = f"[{situation.name}]({offers_url}?situation={situation.slug})"
        yield f"- {link}: {situation.description}"
    yield ""
    yield "## Projekty"
    projects = Project.objects.with_status_order().prefetch_related("contacts")
    for project in projects:
        period = f"{project.start_date:%Y-%m-%d} – {project.end_date:%Y-%m-%d}"
        yield (
            f"- [{project.title}]({base}{project.get_absolute_url()}): {project.city}, "
            f"{period}, {project.get_status_display()}. {project.summary}"
        )
        for contact in project.contacts.all():
            reach = ", ".join(part for part in (contact.phone, contact.email) if part)
            if reach:
                yield f"  - {contact.label}: {reach}"
    yield ""
    yield "## Oferty"
    offers = SupportOffer.objects.select_related("project").order_by("project__title", "order")
    for offer in offers:
        yield (
            f"- [{offer.title}]({base}{offer.get_absolute_url()}) ({offer.project.title}, "
            f"{offer.project.city}): {offer.who_for}"
        )
    statement = AccessibilityStatement.objects.current()
    if statement:
        yield ""
        yield "## Kontakt w sprawie dostępności"
        yield f"- {statement.contact_person}: {statement.contact_email}, {statement.contact_phone}"
