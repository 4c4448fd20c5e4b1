"""RepositoryBase[M]: the one place a noun's SQL lives (shaped like polar's kit/repository).

A noun's ``repository.py`` subclasses it, names its ``model`` and adds the queries the noun
needs; services call ``XRepository.from_session(session)`` and never build SQL themselves
(``scripts/check_sql_placement.py``, run by ``make lint``, fails on SQL anywhere else).
Repositories never commit: the request's session dependency does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar

from sqlalchemy import Executable, Result, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Mapped, Session

from relais_common.db import utcnow
from relais_common.pagination import paginate


class HasId(Protocol):
    id: Mapped[Any]


M = TypeVar("M", bound=HasId)


class RepositoryBase(Generic[M]):
    model: ClassVar[type[Any]]

    def __init__(self, session: Session) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: Session) -> Self:
        return cls(session)

    def get_base_statement(self) -> Select[tuple[M]]:
        """Every read starts here: a subclass narrows it (tenancy, soft deletion...)."""
        return select(self.model)

    def get_one_or_none(self, statement: Select[tuple[M]]) -> M | None:
        result: M | None = self.session.execute(statement).unique().scalar_one_or_none()
        return result

    def get_all(self, statement: Select[tuple[M]]) -> Sequence[M]:
        return self.session.execute(statement).unique().scalars().all()

    def get(self, id_: Any) -> M | None:
        """By primary key through the session's identity map: no query when already loaded,
        no autoflush (``session.get``); ignores get_base_statement's narrowing."""
        found: M | None = self.session.get(self.model, id_)
        return found

    def get_by_id(self, id_: Any, *, for_update: bool = False) -> M | None:
        statement = self.get_base_statement().where(self.model.id == id_)
        if for_update:
            statement = statement.with_for_update(of=self.model)
        return self.get_one_or_none(statement)

    def count(self, statement: Select[tuple[M]]) -> int:
        counted = select(func.count()).select_from(statement.order_by(None).subquery())
        return int(self.session.execute(counted).scalar_one())

    def paginate(
        self,
        statement: Select[tuple[M]],
        *,
        sort: InstrumentedAttribute[Any],
        tiebreak: InstrumentedAttribute[Any],
        cursor: str | None,
        limit: int,
        descending: bool = False,
    ) -> tuple[list[M], str | None]:
        """Keyset pagination with the one cursor helper (relais_common.pagination)."""
        return paginate(
            self.session,
            statement,
            sort=sort,
            tiebreak=tiebreak,
            cursor=cursor,
            limit=limit,
            descending=descending,
        )

    def create(self, obj: M, *, flush: bool = False) -> M:
        self.session.add(obj)
        if flush:
            self.session.flush()
        return obj

    def update(
        self, obj: M, *, update_dict: dict[str, Any] | None = None, flush: bool = False
    ) -> M:
        for attribute, value in (update_dict or {}).items():
            setattr(obj, attribute, value)
        self.session.add(obj)
        if flush:
            self.session.flush()
        return obj

    def delete(self, obj: M, *, flush: bool = False) -> None:
        self.session.delete(obj)
        if flush:
            self.session.flush()

    def execute(
        self, statement: Executable, params: Sequence[dict[str, Any]] | None = None
    ) -> Result[Any]:
        """Bulk statements (insert, update, delete) of the subclass's own queries."""
        return self.session.execute(statement, params)


class SoftDeletionMixin(RepositoryBase[M]):
    """Rows are marked, not deleted: reads leave them out unless asked.

    ``deleted_at_attribute`` names the marking column (``archived_at`` for themes).
    """

    deleted_at_attribute: ClassVar[str] = "deleted_at"

    def get_base_statement(self, *, include_deleted: bool = False) -> Select[tuple[M]]:
        statement = super().get_base_statement()
        if not include_deleted:
            statement = statement.where(getattr(self.model, self.deleted_at_attribute).is_(None))
        return statement

    def soft_delete(self, obj: M, *, flush: bool = False) -> M:
        return self.update(obj, update_dict={self.deleted_at_attribute: utcnow()}, flush=flush)
