"""Count the SQL statements an engine runs: tests assert that a page costs a constant number.

    with count_queries(app.state.engine) as queries:
        client.get("/admin/ambassadors")
    assert len(queries) <= 8, queries.statements

Listens to ``before_cursor_execute`` (every statement SQLAlchemy sends, ORM or Core, on any
connection of the engine, from any thread), so an N+1 shows up as a count that grows with the
page.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


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

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        counter.record(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", before)
