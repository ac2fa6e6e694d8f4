"""The funding summary of the user's projects: value, co-financing, EU share, state subsidy
and own contribution, with their percentages of the value. Not dated: the agreement's figures.

The totals row adds up the figures that are known: an amount no project has stays empty ("–"),
not 0,00 zł; a part's percentage compares it with the value over the same projects, those where
both are known, so a project of unknown value cannot push a share past 100 %."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

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


def _known_sum(amounts) -> Decimal | None:
    """The sum of the known amounts; None when none is known."""
    known = [amount for amount in amounts if amount is not None]
    return sum(known, Decimal("0")) if known else None


def _share(pairs) -> Decimal | None:
    """A part's percentage of the value, both summed over the projects knowing both."""
    both = [(part, value) for part, value in pairs if part is not None and value is not None]
    if not both:
        return None
    return percent_of(sum(part for part, _v in both), sum(value for _p, value in both))


def _footer(figures: list[list]) -> tuple:
    values = [row[0] for row in figures]
    covered = sum(value is not None for value in values)
    label = _("Razem")
    if covered < len(figures):
        label = ngettext(
            "Razem; udziały procentowe obejmują %(covered)d z %(count)d projektu "
            "(tylko te o znanej wartości)",
            "Razem; udziały procentowe obejmują %(covered)d z %(count)d projektów "
            "(tylko te o znanej wartości)",
            len(figures),
        ) % {"covered": covered, "count": len(figures)}
    footer = [label, _known_sum(values)]
    for number in range(1, len(PARTS)):
        parts = [row[number] for row in figures]
        footer += [_known_sum(parts), _share(zip(parts, values, strict=True))]
    return tuple(footer)


def build(filters: ReportFilters) -> Report:
    fundings = (
        Funding.objects.filter(project_id__in=filters.project_ids)
        .select_related("project")
        .order_by("project__title")
    )
    rows, figures = [], []
    for funding in fundings:
        own = funding.derived_own_contribution
        values = [funding.total_value, funding.co_financing, funding.eu_share]
        values += [funding.state_subsidy, own]
        figures.append(values)
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
        footer=_footer(figures),
        chart=Chart(0, 1, _("Wartość każdego projektu w złotych.")),
    )
    return Report(SLUG, str(TITLE), [table])
