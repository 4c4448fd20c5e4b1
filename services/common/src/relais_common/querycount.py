"""Count the SQL statements an engine runs: tests assert that a page costs a constant number.

    with count_queries(app.state.engine) as queries:
        client.get("/admin/ambassadors")
    assert len(queries) <= 8, queries.statements

Listens to ``before_cursor_execute`` (every statement SQLAlchemy sends, ORM or Core, on any
connection of the engine, from any thread), so an N+1 shows up as a count that grows with the
page. The engine's readers count too (relais_common.db.reader_engines: the loop reader, and
the asyncio readers of the fast reads, made on first use, perhaps inside the block).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from relais_common.db import reader_engines


@dataclass
class QueryCounter:
    statements: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __len__(self) -> int:
        return len(self.statements)

    def record(self, statement: str) -> None:
        with self._lock:
            self.statements.append(statement)


@contextmanager
def count_queries(engine: Engine) -> Iterator[QueryCounter]:
    counter = QueryCounter()

    def before(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if conn.engine is engine or conn.engine in reader_engines(engine):
            counter.record(statement)

    event.listen(Engine, "before_cursor_execute", before)
    try:
        yield counter
    finally:
        event.remove(Engine, "before_cursor_execute", before)
