"""JSON columns read back exactly what was written, on both databases (PostgreSQL's results are
parsed by pydantic_core there, make_engine's json_deserializer, not by the json module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from relais_common.db import make_engine, new_metadata
from relais_common.testing import throwaway_database
from sqlalchemy import JSON, Column, Integer, Table, insert, literal_column, select

metadata = new_metadata()
documents = Table(
    "document", metadata, Column("id", Integer, primary_key=True), Column("body", JSON)
)

VALUES: list[Any] = [
    {"name": "Zoé Ñúñez 🌍", "nested": {"list": [1, 2.5, None, True, False, "x"]}},
    [{"a": 1}, {"a": 2}],
    2**70,
    -0.000125,
    'a "quoted" \\ string\n',
    {},
    [],
]


def test_json_round_trips(tmp_path: Path) -> None:
    with throwaway_database("common", tmp_path) as url:
        engine = make_engine(url)
        try:
            metadata.create_all(engine)
            with engine.begin() as conn:
                conn.execute(
                    insert(documents), [{"id": i, "body": v} for i, v in enumerate(VALUES)]
                )
                rows = conn.execute(select(documents.c.body).order_by(documents.c.id)).scalars()
                assert list(rows) == VALUES
                if engine.dialect.name == "postgresql":  # a json value the database builds
                    built = literal_column("""json_build_object('k', 'é', 'n', 1.5)""", JSON)
                    assert conn.execute(select(built)).scalar() == {"k": "é", "n": 1.5}
        finally:
            engine.dispose()
