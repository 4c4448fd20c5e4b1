"""RepositoryBase on a real database (SQLite or PostgreSQL, as the suite runs)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from relais_common.db import UTCDateTime, make_engine, make_sessionmaker, new_metadata
from relais_common.repository import RepositoryBase, SoftDeletionMixin
from relais_common.testing import throwaway_database
from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    metadata = new_metadata()


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    text: Mapped[str] = mapped_column(String(40))
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class NoteRepository(SoftDeletionMixin[Note]):
    model = Note
    deleted_at_attribute = "archived_at"


class PlainNotes(RepositoryBase[Note]):
    model = Note


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with throwaway_database("common_repository", tmp_path) as url:
        engine = make_engine(url)
        Base.metadata.create_all(engine)
        try:
            with make_sessionmaker(engine)() as s:
                yield s
        finally:
            engine.dispose()


def test_create_read_update_delete(session: Session) -> None:
    notes = PlainNotes.from_session(session)
    for n in range(5):
        notes.create(Note(id=n, text=f"note {n}"))
    session.flush()
    first = notes.get_by_id(1)
    assert first is not None and first.text == "note 1"
    assert notes.get(1) is first  # the identity map's instance
    notes.update(first, update_dict={"text": "changed"}, flush=True)
    assert notes.get_one_or_none(notes.get_base_statement().where(Note.text == "changed"))
    notes.delete(first, flush=True)
    assert notes.get_by_id(1) is None
    assert notes.count(notes.get_base_statement()) == 4


def test_paginate_uses_the_cursor_helper(session: Session) -> None:
    notes = PlainNotes.from_session(session)
    for n in range(5):
        notes.create(Note(id=n, text="same"))
    session.flush()
    seen: list[int] = []
    cursor: str | None = None
    while True:
        page, cursor = notes.paginate(
            notes.get_base_statement(), sort=Note.text, tiebreak=Note.id, cursor=cursor, limit=2
        )
        seen += [note.id for note in page]
        if cursor is None:
            break
    assert seen == [0, 1, 2, 3, 4]


def test_soft_deleted_rows_are_left_out_unless_asked(session: Session) -> None:
    notes = NoteRepository.from_session(session)
    kept, gone = notes.create(Note(id=1, text="kept")), notes.create(Note(id=2, text="gone"))
    notes.soft_delete(gone, flush=True)
    assert gone.archived_at is not None
    assert notes.get_all(notes.get_base_statement()) == [kept]
    assert notes.get_by_id(2) is None
    assert len(notes.get_all(notes.get_base_statement(include_deleted=True))) == 2
