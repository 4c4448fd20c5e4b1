"""The core team's moderation policy: one row, read once per session, ETag on writes."""

from __future__ import annotations

from relais_common.db import utcnow
from sqlalchemy.orm import Session

from relais_ambassadors.models import ModerationPolicy
from relais_ambassadors.moderation import repository

POLICY_ID = 1
_CACHE_KEY = "relais.moderate_changes"


def current(session: Session) -> ModerationPolicy:
    """The policy row, created with the defaults on first use (concurrent first uses: one wins)."""
    row = repository.policy(session, POLICY_ID)
    if row is None:
        defaults = {"id": POLICY_ID, "moderate_changes": True, "version": 1, "updated_at": utcnow()}
        repository.insert_policy_if_missing(session, defaults)
        row = repository.policy(session, POLICY_ID, reload=True)
    assert row is not None
    return row


def moderates_changes(session: Session) -> bool:
    """Whether public changes wait for approval (cached per session: republish runs per person)."""
    cached = session.info.get(_CACHE_KEY)
    if cached is None:
        row = repository.policy(session, POLICY_ID)
        cached = True if row is None else row.moderate_changes
        session.info[_CACHE_KEY] = cached
    return bool(cached)


def set_moderate_changes(session: Session, value: bool) -> ModerationPolicy:
    row = current(session)
    if row.moderate_changes != value:
        row.moderate_changes = value
        row.version += 1
        row.updated_at = utcnow()
    session.info[_CACHE_KEY] = value
    return row
