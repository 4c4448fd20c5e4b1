"""Privacy by construction: every table holding a person is exported, erased or exempted."""

from __future__ import annotations

from relais_editorial.models import Base
from relais_editorial.privacy import REGISTRY


def test_every_table_holding_a_person_is_covered() -> None:
    assert REGISTRY.uncovered(Base.metadata) == [], "register these in relais_editorial.privacy"
    assert REGISTRY.stale(Base.metadata) == []
