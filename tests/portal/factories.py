"""Many public projects at once, for the query-count checks (5 vs 200 projects)."""

from datetime import date

from projects.models import Funding, Organisation, Partnership, Project, ProjectContact
from services.models import PlaceKind, Situation, SpecialistKind, SupportOffer


def make_public_projects(count: int, *, city_count: int = 4) -> list[Project]:
    """`count` ongoing/completed projects, each with funding, a contact and two offers tied to
    a situation, a specialist kind and a place kind (the hotline for one of them)."""
    situation, _ = Situation.objects.get_or_create(slug="newborn", defaults={"name": "Dziecko"})
    specialist, _ = SpecialistKind.objects.get_or_create(
        slug="psychologist", defaults={"name": "psycholog"}
    )
    hotline, _ = PlaceKind.objects.get_or_create(
        slug="hotline", defaults={"name": "infolinia", "is_remote": True}
    )
    projects = Project.objects.bulk_create(
        Project(
            slug=f"masowy-{number}",
            title=f"Projekt masowy {number}",
            city=f"Miasto {number % city_count}",
            voivodeship="opolskie",
            start_date=date(2020 + number % 8, 1, 1),
            end_date=date(2021 + number % 8, 12, 31),
            programming_period=Project.ProgrammingPeriod.P2021_2027,
            summary="Projekt do sprawdzania liczby zapytań.",
            easy_to_read="To jest projekt dla rodzin.",
        )
        for number in range(count)
    )
    Funding.objects.bulk_create(
        Funding(project=project, total_value=1000, co_financing=900, eu_share=800)
        for project in projects
    )
    leader, _ = Organisation.objects.get_or_create(
        name="Ośrodek masowy", defaults={"kind": Organisation.Kind.SOCIAL_ASSISTANCE_CENTRE}
    )
    Partnership.objects.bulk_create(
        Partnership(project=project, organisation=leader, role=Partnership.Role.LEADER)
        for project in projects
    )
    ProjectContact.objects.bulk_create(
        ProjectContact(project=project, label="Biuro", phone="600 100 200", email="a@example.pl")
        for project in projects
    )
    offers = SupportOffer.objects.bulk_create(
        SupportOffer(
            project=project,
            slug=f"oferta-{kind}",
            title=f"Oferta {kind} {project.slug}",
            description="Opis.",
            who_for="Rodziny.",
        )
        for project in projects
        for kind in ("a", "b")
    )
    SupportOffer.situations.through.objects.bulk_create(
        SupportOffer.situations.through(supportoffer=offer, situation=situation) for offer in offers
    )
    SupportOffer.specialist_kinds.through.objects.bulk_create(
        SupportOffer.specialist_kinds.through(supportoffer=offer, specialistkind=specialist)
        for offer in offers
    )
    SupportOffer.place_kinds.through.objects.bulk_create(
        SupportOffer.place_kinds.through(supportoffer=offer, placekind=hotline)
        for offer in offers[::2]
    )
    return projects
