"""A paginator for big admin tables: on PostgreSQL a list of many rows takes its row count
from the planner's estimate instead of counting every row on every page — for the unfiltered
list the table's pg_class.reltuples, for a filtered one (a user's projects, a list filter) the
planner's row estimate of its query (EXPLAIN, no execution).

Below EXACT_BELOW estimated rows the count is exact (cheap there, and a small list's total must
be right); on other databases, and for never-analysed tables, it is always exact.
"""

import json

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Below this many estimated rows an exact count is cheap, and an estimate would look wrong.
EXACT_BELOW = 100_000


# The table's size is looked up at most once in this many seconds (per cache).
TABLE_ROWS_TTL = 300


def estimated_rows(queryset) -> int | None:
    """The planner's estimate of the table's rows, or None where there is none; cached, so a
    page of a small table costs no extra query."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    key = f"paginator:reltuples:{queryset.db}:{queryset.model._meta.db_table}"
    return cache.get_or_set(key, lambda: _reltuples(connection, queryset), TABLE_ROWS_TTL)


def _reltuples(connection, queryset) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [queryset.model._meta.db_table],
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] is not None and row[0] >= 0 else None


def planned_rows(queryset) -> int | None:
    """The planner's row estimate for the queryset (PostgreSQL; None elsewhere)."""
    if connections[queryset.db].vendor != "postgresql":
        return None
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is None or query.distinct:
            return super().count
        table = estimated_rows(queryset)
        if table is None or table < EXACT_BELOW:
            return super().count
        if not query.where:
            return table
        estimate = planned_rows(queryset)
        return estimate if estimate >= EXACT_BELOW else super().count
