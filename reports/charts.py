"""Server-rendered bar charts: geometry for `reports/chart.svg.html`, an accessible SVG with a
title and a description, every bar labelled with its category and value in text (colour is
never the only carrier), and the data table printed right after it."""

from dataclasses import dataclass

from reports.tables import Table, display

WIDTH = 640
LABEL_WIDTH = 220
BAR_AREA = 330
ROW_HEIGHT = 26
TOP = 8


@dataclass(frozen=True)
class Bar:
    y: int
    text_y: int
    width: int
    label: str
    value: str
    value_x: int


@dataclass(frozen=True)
class BarChart:
    key: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]


def _truncate(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(table: Table) -> BarChart | None:
    chart = table.chart
    if chart is None or not table.rows:
        return None
    kind = table.columns[chart.value_column].kind
    values = [row[chart.value_column] or 0 for row in table.rows]
    biggest = max(values) or 1
    bars = []
    for index, (row, value) in enumerate(zip(table.rows, values, strict=True)):
        width = round(float(value) / float(biggest) * BAR_AREA)
        y = TOP + index * ROW_HEIGHT
        bars.append(
            Bar(
                y=y,
                text_y=y + ROW_HEIGHT // 2 + 4,
                width=width,
                label=_truncate(str(row[chart.label_column])),
                value=display(value, kind),
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return BarChart(
        key=table.key,
        title=table.title,
        description=f"{chart.description} "
        + "; ".join(
            f"{row[chart.label_column]}: {bar.value}"
            for row, bar in zip(table.rows, bars, strict=True)
        ),
        width=WIDTH,
        height=TOP * 2 + len(bars) * ROW_HEIGHT,
        label_width=LABEL_WIDTH,
        bar_height=ROW_HEIGHT - 8,
        bars=bars,
    )
