"""Participants by the EFS+ common-indicator breakdowns: each person who started taking part
in the range counts once, with their age on their first start date in the range."""

from django.db.models import Min
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from participants.ages import age_on
from participants.models import Enrolment, Person, Sex
from reports.scope import ReportFilters
from reports.tables import INTEGER, Chart, Column, Report, Table

TITLE = gettext_lazy("Uczestnicy według wskaźników EFS+")
SLUG = "efs"

AGE_BANDS = [
    (None, 17, gettext_noop("poniżej 18 lat")),
    (18, 29, gettext_noop("18–29 lat")),
    (30, 54, gettext_noop("30–54 lata")),
    (55, None, gettext_noop("55 lat i więcej")),
]
EDUCATION_GROUPS = [
    ("ISCED 0–2", {"isced0", "isced1", "isced2"}),
    ("ISCED 3–4", {"isced3", "isced4"}),
    ("ISCED 5–8", {"isced5_8"}),
]
CHARACTERISTICS = [
    ("disability", Person._meta.get_field("disability").verbose_name),
    ("foreign_origin", Person._meta.get_field("foreign_origin").verbose_name),
    ("third_country_national", Person._meta.get_field("third_country_national").verbose_name),
    ("minority", Person._meta.get_field("minority").verbose_name),
    (
        "homeless_or_housing_excluded",
        Person._meta.get_field("homeless_or_housing_excluded").verbose_name,
    ),
]
FIELDS = ["birth_date", "sex", "education", "labour_market_status"] + [
    name for name, _label in CHARACTERISTICS
]


def participants(filters: ReportFilters) -> list[dict]:
    """One dict per person: their characteristics and first start date in the range."""
    rows = (
        Enrolment.objects.filter(
            project_id__in=filters.project_ids,
            person__isnull=False,
            **filters.dated("start_date"),
        )
        .order_by()
        .values("person_id", *(f"person__{name}" for name in FIELDS))
        .annotate(first_start=Min("start_date"))
    )
    return [
        {"first_start": row["first_start"], **{name: row[f"person__{name}"] for name in FIELDS}}
        for row in rows
    ]


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    for low, high, label in AGE_BANDS:
        if (low is None or age >= low) and (high is None or age <= high):
            return label
    return None


def _table(key, title, counts: list[tuple[str, int]], total: int) -> Table:
    return Table(
        key=key,
        title=title,
        columns=[Column(_("Kategoria")), Column(_("Liczba osób"), INTEGER)],
        rows=counts,
        footer=(_("Razem"), total),
        chart=Chart(
            0, 1, _("Liczba uczestników w każdej kategorii: %(title)s.") % {"title": title}
        ),
    )


def build(filters: ReportFilters) -> Report:
    people = participants(filters)
    total = len(people)
    unknown = _("brak danych")

    def count(classify, labels) -> list[tuple[str, int]]:
        tally = dict.fromkeys(labels, 0)
        missing = 0
        for person in people:
            label = classify(person)
            if label is None:
                missing += 1
            else:
                tally[label] += 1
        rows = list(tally.items())
        return [*rows, (unknown, missing)] if missing else rows

    sex_labels = {value: str(label) for value, label in Sex.choices}
    by_sex = count(lambda p: sex_labels.get(p["sex"]), list(sex_labels.values()))
    band_labels = [_(label) for _low, _high, label in AGE_BANDS]

    def band_of(person) -> str | None:
        band = age_band(age_on(person["birth_date"], person["first_start"]))
        return _(band) if band else None

    by_age = count(band_of, band_labels)
    education_of = {value: label for label, values in EDUCATION_GROUPS for value in values}
    by_education = count(
        lambda p: education_of.get(p["education"]), [label for label, _v in EDUCATION_GROUPS]
    )
    status_labels = dict(Person.LabourMarketStatus.choices)
    by_status = count(
        lambda p: (
            str(status_labels[p["labour_market_status"]])
            if p["labour_market_status"] in status_labels
            else None
        ),
        [str(label) for label in status_labels.values()],
    )
    characteristics = [
        (str(label), sum(1 for person in people if person[name])) for name, label in CHARACTERISTICS
    ]
    tables = [
        _table("plec", _("Płeć"), by_sex, total),
        _table("wiek", _("Wiek w chwili rozpoczęcia udziału"), by_age, total),
        _table("wyksztalcenie", _("Wykształcenie"), by_education, total),
        _table("rynek-pracy", _("Status na rynku pracy"), by_status, total),
    ]
    traits = _table("cechy", _("Cechy uczestników (EFS+)"), characteristics, total)
    traits.footer = (_("Wszyscy uczestnicy"), total)
    tables.append(traits)
    return Report(SLUG, str(TITLE), tables)
