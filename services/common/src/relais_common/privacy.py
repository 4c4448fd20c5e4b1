"""Privacy by construction: each noun registers its part of a person's export and erasure.

A service keeps one :class:`PrivacyRegistry`. Each noun that stores something about a person
registers, next to its own code, what goes into the person's export and how it is erased,
naming the tables it covers. :meth:`PrivacyRegistry.uncovered` walks the service's metadata
and names every table that holds a person's data (a foreign key to the person table, a column
named like a person reference, or a column marked ``info={"person": ...}``) but is neither
registered nor exempted with a reason: each service's test asserts there is none, so a new
table cannot forget the person's rights.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import Session

P = TypeVar("P")  # what identifies the person: a model row, or only their id
PERSON_COLUMNS = frozenset({"email", "ambassador_id", "person_id", "user_id", "admin_id"})


@dataclass(frozen=True)
class Contribution(Generic[P]):
    key: str
    tables: tuple[str, ...]
    export: Callable[[Session, P], Any] | None
    erase: Callable[[Session, P], None] | None
    order: int


class PrivacyRegistry(Generic[P]):
    """Export contributors and erasure handlers, keyed by noun, with the tables they cover."""

    def __init__(
        self, *, person_table: str, person_columns: Iterable[str] = PERSON_COLUMNS
    ) -> None:
        self.person_table = person_table
        self.person_columns = frozenset(person_columns)
        self.contributions: dict[str, Contribution[P]] = {}
        self.exemptions: dict[str, str] = {}

    def register(
        self,
        key: str,
        *,
        tables: Iterable[str],
        export: Callable[[Session, P], Any] | None = None,
        erase: Callable[[Session, P], None] | None = None,
        order: int = 0,
    ) -> None:
        """``key`` names the part in the export; erasers run by ``order``, then registration."""
        if export is None and erase is None:
            raise ValueError(f"{key}: register an export, an erasure, or both")
        if key in self.contributions:
            raise ValueError(f"{key} is already registered")
        self.contributions[key] = Contribution(key, tuple(tables), export, erase, order)

    def exempt(self, table: str, why: str) -> None:
        """A table that holds person references but needs neither (say why, for the reader)."""
        if not why.strip():
            raise ValueError("an exemption needs its reason")
        self.exemptions[table] = why

    def export(self, session: Session, person: P) -> dict[str, Any]:
        return {
            c.key: c.export(session, person)
            for c in self.contributions.values()
            if c.export is not None
        }

    def erase(self, session: Session, person: P) -> None:
        erasers = sorted(
            (c for c in self.contributions.values() if c.erase is not None),
            key=lambda c: c.order,
        )
        for contribution in erasers:
            assert contribution.erase is not None
            contribution.erase(session, person)

    def holds_person_data(self, table: Table) -> bool:
        if table.name == self.person_table:
            return True
        for column in table.columns:
            if column.info.get("person") or column.name in self.person_columns:
                return True
            if any(fk.column.table.name == self.person_table for fk in column.foreign_keys):
                return True
        return False

    def covered(self) -> set[str]:
        return {t for c in self.contributions.values() for t in c.tables} | set(self.exemptions)

    def uncovered(self, metadata: MetaData) -> list[str]:
        """Tables holding a person's data with no export, no erasure and no exemption."""
        covered = self.covered()
        return sorted(
            table.name
            for table in metadata.sorted_tables
            if self.holds_person_data(table) and table.name not in covered
        )

    def stale(self, metadata: MetaData) -> list[str]:
        """Registered or exempted table names that the metadata does not have (typos)."""
        return sorted(self.covered() - set(metadata.tables))
