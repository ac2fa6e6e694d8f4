"""The funding summary of the user's projects: value, co-financing, EU share, state subsidy
and own contribution, with their percentages of the value. Not dated: the agreement's figures."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.models import Funding
from projects.money import percent_of
from reports.scope import ReportFilters
from reports.tables import PERCENT, PLN, Chart, Column, Report, Table

TITLE = gettext_lazy("Finansowanie")
SLUG = "finansowanie"
PARTS = ("total_value", "co_financing", "eu_share", "state_subsidy", "own_contribution")


def _row(label, value, co_financing, eu_share, state_subsidy, own_contribution) -> tuple:
    return (
        label,
        value,
        co_financing,
        percent_of(co_financing, value),
        eu_share,
        percent_of(eu_share, value),
        state_subsidy,
        percent_of(state_subsidy, value),
        own_contribution,
        percent_of(own_contribution, value),
    )


def build(filters: ReportFilters) -> Report:
    fundings = (
        Funding.objects.filter(project_id__in=filters.project_ids)
        .select_related("project")
        .order_by("project__title")
    )
    rows, sums = [], dict.fromkeys(PARTS, Decimal("0"))
    for funding in fundings:
        own = funding.derived_own_contribution
        values = [funding.total_value, funding.co_financing, funding.eu_share]
        values += [funding.state_subsidy, own]
        for name, value in zip(PARTS, values, strict=True):
            sums[name] += value or 0
        rows.append(_row(funding.project.title, *values))
    table = Table(
        key="finansowanie",
        title=_("Finansowanie projektów"),
        columns=[
            Column(_("Projekt")),
            Column(_("Wartość projektu"), PLN),
            Column(_("Dofinansowanie"), PLN),
            Column(_("Dofinansowanie (% wartości)"), PERCENT),
            Column(_("Środki UE"), PLN),
            Column(_("Środki UE (% wartości)"), PERCENT),
            Column(_("Dotacja celowa"), PLN),
            Column(_("Dotacja celowa (% wartości)"), PERCENT),
            Column(_("Wkład własny"), PLN),
            Column(_("Wkład własny (% wartości)"), PERCENT),
        ],
        rows=rows,
        footer=_row(_("Razem"), *(sums[name] for name in PARTS)),
        chart=Chart(0, 1, _("Wartość każdego projektu w złotych.")),
    )
    return Report(SLUG, str(TITLE), [table])
