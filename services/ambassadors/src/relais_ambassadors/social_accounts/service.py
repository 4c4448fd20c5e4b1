"""Declared social accounts: validated per platform, one consent each."""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import Conflict, NotFound, Unauthorized
from sqlalchemy.orm import Session

from relais_ambassadors.consents.service import record
from relais_ambassadors.models import Ambassador, SocialAccount
from relais_ambassadors.platforms import NormalisedAccount
from relais_ambassadors.publication import republish
from relais_ambassadors.social_accounts import repository


def get_own(session: Session, person: Ambassador, account_id: str) -> SocialAccount:
    account = repository.by_id(session, account_id)
    if account is None or account.ambassador_id != person.id:
        raise NotFound("You have no account with this id.")
    return account


def add(
    session: Session, person: Ambassador, normalised: NormalisedAccount, *, public: bool
) -> SocialAccount:
    duplicate = repository.declared(session, person.id, normalised.platform, normalised.handle)
    if duplicate is not None:
        raise Conflict(
            f"You already declared {normalised.handle} on {normalised.platform}.",
            errors=[{"field": "value", "message": "This account is already in your profile."}],
        )
    account = SocialAccount(
        ambassador_id=person.id,
        platform=normalised.platform,
        handle=normalised.handle,
        profile_url=normalised.profile_url,
        feed_url=normalised.feed_url,
        public=public,
        consented_at=utcnow() if public else None,
        created_at=utcnow(),
    )
    session.add(account)
    session.flush()
    person.version += 1
    if public:
        record(session, person, granted=True, account=account)
    republish(session, person)
    return account


def add_for(
    session: Session, person_id: str, normalised: NormalisedAccount, *, public: bool
) -> SocialAccount:
    """:func:`add` for the person with this id (a request that fetched first loads them late)."""
    person = repository.person(session, person_id)
    if person is None:
        raise Unauthorized("Your account no longer exists; please sign in again.")
    return add(session, person, normalised, public=public)


def remove(session: Session, person: Ambassador, account: SocialAccount) -> None:
    if account.public:
        record(session, person, granted=False, account=account)
    session.delete(account)
    person.version += 1
    republish(session, person)
