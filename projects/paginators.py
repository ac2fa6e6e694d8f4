"""A paginator for big admin tables: an unfiltered list on PostgreSQL takes its row count from
the planner's estimate (pg_class.reltuples) instead of counting every row on every page.

Filtered lists (a search, a filter, a user's scoped projects) are still counted exactly: their
counts are backed by indexes and the pages' numbers must be right. Small or never-analysed
tables are counted too, so a fresh database shows exact figures.
"""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Below this many estimated rows an exact count is cheap, and an estimate would look wrong.
EXACT_BELOW = 100_000


def estimated_rows(queryset) -> int | None:
    """The planner's estimate of the table's rows, or None where there is none."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [queryset.model._meta.db_table],
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] is not None and row[0] >= 0 else None


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is not None and not query.where and not query.distinct:
            estimate = estimated_rows(queryset)
            if estimate is not None and estimate >= EXACT_BELOW:
                return estimate
        return super().count
