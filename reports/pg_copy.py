"""On PostgreSQL, a CSV register straight from the database's own COPY: the same query the
Python writer would read (same columns, joins, labels), a few times faster for a million rows.
Used only for registers whose rows need no conversion (`Exporter.csv_ready`)."""

from collections.abc import Iterator

from django.db import connection

BUFFER_BYTES = 256 * 1024


def available() -> bool:
    return connection.vendor == "postgresql"


def csv_body(queryset, tally: list[int]) -> Iterator[bytes]:
    """The rows as `;`-separated CSV (NULL as an empty field, ISO dates), in chunks of about
    BUFFER_BYTES; the number of rows is added to tally[0] at the end."""
    from psycopg import ClientCursor

    sql, params = queryset.query.sql_with_params()
    connection.ensure_connection()
    raw = connection.connection
    query = ClientCursor(raw).mogrify(sql, params)
    buffer, size = [], 0
    with raw.cursor() as cursor:
        cursor.execute("SET LOCAL DateStyle = 'ISO, YMD'")
        with cursor.copy(f"COPY ({query}) TO STDOUT WITH (FORMAT csv, DELIMITER ';')") as copy:
            for data in copy:
                buffer.append(bytes(data))
                size += len(data)
                if size >= BUFFER_BYTES:
                    yield b"".join(buffer)
                    buffer, size = [], 0
        tally[0] += max(cursor.rowcount, 0)
    if buffer:
        yield b"".join(buffer)
