"""The person's rights: a copy of everything held about them, and erasure."""

from __future__ import annotations

from typing import Any

from relais_common.db import utcnow
from relais_common.errors import Forbidden
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from relais_ambassadors import outbox
from relais_ambassadors.accounts.passwords import verify_password
from relais_ambassadors.models import (
    Ambassador,
    AmbassadorTheme,
    ConsentRecord,
    Invitation,
    LoginFailure,
    MailMessage,
    PasswordReset,
    SocialAccount,
    SuspensionRecord,
    as_dict,
    events,
)
from relais_ambassadors.views import me_view


def _rows(session: Session, model: Any, where: Any) -> list[dict[str, Any]]:
    return [as_dict(r) for r in session.scalars(select(model).where(where))]


def export(session: Session, person: Ambassador) -> dict[str, Any]:
    profile = me_view(session, person).model_dump(mode="json")
    raw = as_dict(person)
    raw.pop("password_hash")
    return {
        "service": "ambassadors",
        "exported_at": utcnow().isoformat(),
        "profile": profile,
        "stored_profile": raw,
        "social_accounts": _rows(session, SocialAccount, SocialAccount.ambassador_id == person.id),
        "consents": _rows(session, ConsentRecord, ConsentRecord.ambassador_id == person.id),
        "suspensions": _rows(
            session, SuspensionRecord, SuspensionRecord.ambassador_id == person.id
        ),
        "invitations": _rows(session, Invitation, Invitation.email == person.email),
        "mail": _rows(session, MailMessage, MailMessage.to == person.email),
        "login_failures": _rows(session, LoginFailure, LoginFailure.email == person.email),
        "password_resets": [
            {k: v for k, v in row.items() if k != "token_hash"}
            for row in _rows(session, PasswordReset, PasswordReset.ambassador_id == person.id)
        ],
        "published_events": [
            {"id": r.id, "type": r.type, "payload": r.payload, "created_at": r.created_at}
            for r in session.execute(
                select(events.outbox).where(events.outbox.c.aggregate_id == person.id)
            )
        ],
    }


def erase(session: Session, person: Ambassador, password: str) -> None:
    """Delete every row about the person; their past events are deleted too.

    The erasure event is written first so that it has the highest id: SQLite may reuse the
    ids of deleted last rows, and a consumer must never miss the erasure.
    """
    if not verify_password(person.password_hash, password):
        raise Forbidden("The password is wrong; nothing was erased.")
    person_id, email = person.id, person.email
    outbox.emit(session, outbox.AmbassadorErased(id=person_id))
    feed = events.outbox.c
    for stmt in (
        delete(ConsentRecord).where(ConsentRecord.ambassador_id == person_id),
        delete(SuspensionRecord).where(SuspensionRecord.ambassador_id == person_id),
        delete(SocialAccount).where(SocialAccount.ambassador_id == person_id),
        delete(AmbassadorTheme).where(AmbassadorTheme.ambassador_id == person_id),
        delete(Invitation).where(Invitation.email == email),
        delete(MailMessage).where(MailMessage.to == email),
        delete(LoginFailure).where(LoginFailure.email == email),
        delete(PasswordReset).where(PasswordReset.ambassador_id == person_id),
        delete(events.outbox).where(
            feed.aggregate_id == person_id, feed.type != outbox.AmbassadorErased.event_type
        ),
    ):
        session.execute(stmt)
    session.delete(person)
    session.flush()
