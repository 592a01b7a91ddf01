"""Running a few SQL statements as one unit, in one round trip where the database allows it."""

from contextlib import nullcontext

from django.db import connection, transaction


def execute_together(statements: list[tuple[str, list]]) -> list[tuple | None]:
    """Run `statements` ([(sql, params)]) as one transaction and return the first row of each
    (None for a statement without rows).

    On PostgreSQL the statements travel as one message, which the server runs as one implicit
    transaction outside an atomic block (inside one, under a savepoint): a lock the first
    statement takes is held only while the server works, not while this process waits for the
    network or for Python. Elsewhere (SQLite) they run one by one inside `transaction.atomic()`.
    A failing statement undoes them all and raises as `cursor.execute` would.
    """
    rows = []
    if connection.vendor == "postgresql":  # Django's client-side binding cursor takes several
        sql = ";\n".join(sql for sql, _params in statements)
        params = [param for _sql, statement_params in statements for param in statement_params]
        savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
        with savepoint, connection.cursor() as cursor:
            cursor.execute(sql, params)
            while True:
                rows.append(cursor.fetchone() if cursor.description else None)
                if not cursor.nextset():
                    return rows
    with transaction.atomic(), connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            rows.append(cursor.fetchone() if cursor.description else None)
    return rows
