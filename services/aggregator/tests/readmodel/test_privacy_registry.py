"""Privacy by construction: every table holding a person is exported, erased or exempted."""

from __future__ import annotations

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from relais_aggregator.models import Base
from relais_aggregator.privacy import REGISTRY
from sqlalchemy import func, select


def rows_of(app: FastAPI, table: str, person_id: str) -> int:
    t = Base.metadata.tables[table]
    column = t.c.id if table == "public_person" else t.c.person_id
    with app.state.sessionmaker() as session:  # the test's own transaction (rolled back after)
        return int(session.scalar(select(func.count()).where(column == person_id)) or 0)


def test_every_table_holding_a_person_is_covered() -> None:
    assert REGISTRY.uncovered(Base.metadata) == [], "register these in relais_aggregator.privacy"
    assert REGISTRY.stale(Base.metadata) == []


def test_erasure_removes_every_registered_row(app: FastAPI, feed: Feed) -> None:
    apply(
        app, feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada"), feed.public("p2", "Bo")
    )
    covered = [t for c in REGISTRY.contributions.values() for t in c.tables]
    assert all(rows_of(app, table, "p1") for table in covered)  # stored before erasure
    apply(app, feed.gone("erased", "p1"))
    assert not any(rows_of(app, table, "p1") for table in covered)
    assert all(rows_of(app, table, "p2") for table in covered)  # nobody else's
