"""This service's privacy registry, and the SQL that reads and deletes a person's rows.

Each noun registers its tables in its own ``privacy.py`` (imported by privacy.service);
``tests/privacy/test_privacy.py`` fails when a table holding a person's data is registered nowhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from relais_common.privacy import PERSON_COLUMNS, PrivacyRegistry
from sqlalchemy import delete, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from relais_ambassadors.models import Ambassador, as_dict, events

# mail_message.to is the recipient's address
REGISTRY: PrivacyRegistry[Ambassador] = PrivacyRegistry(
    person_table="ambassador", person_columns={*PERSON_COLUMNS, "to"}
)


def register_owned(
    key: str,
    column: InstrumentedAttribute[Any],
    *,
    by: str = "id",
    hide: tuple[str, ...] = (),
    exported: bool = True,
) -> None:
    """The rows whose ``column`` equals the person's ``by`` attribute (their id or e-mail):
    exported under ``key`` (without the ``hide`` columns) and deleted on erasure."""
    model = column.class_

    def export(session: Session, person: Ambassador) -> list[dict[str, Any]]:
        rows = session.scalars(select(model).where(column == getattr(person, by)))
        return [{k: v for k, v in as_dict(r).items() if k not in hide} for r in rows]

    def erase(session: Session, person: Ambassador) -> None:
        session.execute(delete(model).where(column == getattr(person, by)))

    REGISTRY.register(
        key,
        tables=[model.__tablename__],
        export=export if exported else None,
        erase=erase,
    )


def published_events(session: Session, person: Ambassador) -> list[dict[str, Any]]:
    outbox = events.outbox.c
    return [
        {"id": r.id, "type": r.type, "payload": r.payload, "created_at": r.created_at}
        for r in session.execute(select(events.outbox).where(outbox.aggregate_id == person.id))
    ]


def events_eraser(keep_type: str) -> Callable[[Session, Ambassador], None]:
    """Deletes the person's past events except ``keep_type`` (the erasure event itself)."""

    def erase(session: Session, person: Ambassador) -> None:
        outbox = events.outbox.c
        session.execute(
            delete(events.outbox).where(outbox.aggregate_id == person.id, outbox.type != keep_type)
        )

    return erase


def delete_person(session: Session, person: Ambassador) -> None:
    session.delete(person)
    session.flush()
