"""Target vs achieved per participant subgroup: families and participants whose participation
started in the range. A person counts once (one enrolment per project, and once in the total
across projects); a family counts once, whether enrolled as a family or through its members."""

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participants.models import Enrolment, ParticipantSubgroup
from projects.money import percent_of
from reports.scope import ReportFilters
from reports.tables import INTEGER, PERCENT, Chart, Column, Report, Table

TITLE = gettext_lazy("Cele i wykonanie")
SLUG = "cele"


def _enrolments(filters: ReportFilters):
    return Enrolment.objects.filter(
        project_id__in=filters.project_ids, **filters.dated("start_date")
    ).order_by()


def _family_of_enrolment():
    return Coalesce("family_id", "person__family_id")


def build(filters: ReportFilters) -> Report:
    enrolments = _enrolments(filters)
    per_subgroup = {
        row["subgroup_id"]: row
        for row in enrolments.values("subgroup_id").annotate(
            families=Count(_family_of_enrolment(), distinct=True),
            participants=Count("person_id", distinct=True),
        )
    }
    overall = enrolments.aggregate(
        families=Count(_family_of_enrolment(), distinct=True),
        participants=Count("person_id", distinct=True),
    )
    subgroups = (
        ParticipantSubgroup.objects.filter(project_id__in=filters.project_ids)
        .select_related("project")
        .order_by("project__title", "order", "pk")
    )
    rows = []
    target_families = target_participants = 0
    for subgroup in subgroups:
        achieved = per_subgroup.get(subgroup.pk, {})
        families, participants = achieved.get("families", 0), achieved.get("participants", 0)
        target_families += subgroup.target_families or 0
        target_participants += subgroup.target_participants or 0
        rows.append(
            (
                subgroup.project.title,
                subgroup.name,
                subgroup.target_families,
                families,
                percent_of(families, subgroup.target_families),
                subgroup.target_participants,
                participants,
                percent_of(participants, subgroup.target_participants),
            )
        )
    footer = (
        _("Razem (osoba i rodzina liczone raz)"),
        "",
        target_families or None,
        overall["families"],
        percent_of(overall["families"], target_families),
        target_participants or None,
        overall["participants"],
        percent_of(overall["participants"], target_participants),
    )
    table = Table(
        key="podgrupy",
        title=_("Cel a wykonanie według podgrup uczestników"),
        columns=[
            Column(_("Projekt")),
            Column(_("Podgrupa")),
            Column(_("Cel: rodziny"), INTEGER),
            Column(_("Wykonanie: rodziny"), INTEGER),
            # xgettext:no-python-format
            Column(_("Wykonanie rodzin (% celu)"), PERCENT),
            Column(_("Cel: uczestnicy"), INTEGER),
            Column(_("Wykonanie: uczestnicy"), INTEGER),
            # xgettext:no-python-format
            Column(_("Wykonanie uczestników (% celu)"), PERCENT),
        ],
        rows=rows,
        footer=footer,
        chart=Chart(
            label_column=1,
            value_column=6,
            description=_("Liczba uczestników, którzy rozpoczęli udział, w każdej podgrupie."),
        ),
    )
    return Report(SLUG, str(TITLE), [table])
