"""The consent ledger: dated, who/what/when, with the charter version the person accepted."""

from __future__ import annotations

from relais_common.auth import EmailUnverified
from relais_common.db import utcnow
from sqlalchemy.orm import Session

from relais_ambassadors.consents import repository
from relais_ambassadors.models import Ambassador, ConsentRecord, SocialAccount
from relais_ambassadors.moderation.changes import unchanged_since_approval
from relais_ambassadors.moderation.policy import moderates_changes
from relais_ambassadors.publication import republish

UNLISTABLE = (
    "Confirm your e-mail address first (open the link we mailed you): the public page lists only "
    "colleagues whose address is confirmed."
)


def record(
    session: Session,
    person: Ambassador,
    *,
    granted: bool,
    account: SocialAccount | None = None,
    actor: str = "self",
    scope: str | None = None,
) -> ConsentRecord:
    entry = ConsentRecord(
        ambassador_id=person.id,
        scope=scope or ("account" if account else "listing"),
        account_id=account.id if account else None,
        platform=account.platform if account else None,
        handle=account.handle if account else None,
        granted=granted,
        charter_version=person.accepted_charter_version,
        actor=actor,
        created_at=utcnow(),
    )
    session.add(entry)
    return entry


def ledger(session: Session, person: Ambassador) -> list[ConsentRecord]:
    return repository.ledger(session, person.id)


def _approved_before(session: Session, person: Ambassador) -> bool:
    if person.public_snapshot is None:
        return False
    return not moderates_changes(session) or unchanged_since_approval(session, person)


def set_listing(session: Session, person: Ambassador, public: bool) -> Ambassador:
    """Granting puts the listing in the moderation queue; withdrawing unlists at once.

    Granting again after a withdrawal lists at once when nothing public changed since the last
    approval (or when changes are not moderated); after a rejection, it asks again. Only a
    confirmed address may ask: otherwise an admin could approve someone posing as a colleague.
    """
    if public and person.email_verified_at is None:
        raise EmailUnverified(UNLISTABLE)
    if public and person.listing_public and person.moderation == "rejected":
        person.moderation, person.moderation_reason = "pending", None
        person.version += 1
        return person
    if public == person.listing_public:
        return person
    person.listing_public = public
    if public:
        person.listing_consented_at = utcnow()
        person.moderation = "approved" if _approved_before(session, person) else "pending"
    else:
        person.listing_consented_at = None
        person.moderation = "none"
    person.moderation_reason = None
    person.change_status, person.change_reason = "none", None
    person.version += 1
    record(session, person, granted=public)
    republish(session, person)
    return person


def set_account_consent(
    session: Session, person: Ambassador, account: SocialAccount, public: bool
) -> SocialAccount:
    if public != account.public:
        account.public = public
        account.consented_at = utcnow() if public else None
        person.version += 1
        record(session, person, granted=public, account=account)
        republish(session, person)
    return account


def set_posts_consent(
    session: Session, person: Ambassador, account: SocialAccount, public: bool
) -> SocialAccount:
    """The consent to show this account's posts (its feed) on the public page: dated, in the
    ledger as the ``posts`` scope, live at once (withdrawing reaches every output through the
    next ``ambassador.public`` event; the aggregator then erases the feed and its posts)."""
    if public != account.posts_public:
        account.posts_public = public
        account.posts_consented_at = utcnow() if public else None
        person.version += 1
        record(session, person, granted=public, account=account, scope="posts")
        republish(session, person)
    return account
