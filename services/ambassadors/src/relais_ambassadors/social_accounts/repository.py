"""SQL for declared social accounts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, SocialAccount


def by_id(session: Session, account_id: str) -> SocialAccount | None:
    return session.get(SocialAccount, account_id)


def declared(session: Session, person_id: str, platform: str, handle: str) -> SocialAccount | None:
    """The person's account with this platform and handle, if declared already."""
    return session.scalar(
        select(SocialAccount).where(
            SocialAccount.ambassador_id == person_id,
            SocialAccount.platform == platform,
            SocialAccount.handle == handle,
        )
    )


def person(session: Session, person_id: str) -> Ambassador | None:
    return session.get(Ambassador, person_id)


def of_person(session: Session, person_id: str) -> list[SocialAccount]:
    """The person's accounts in the order they were declared."""
    return list(
        session.scalars(
            select(SocialAccount)
            .where(SocialAccount.ambassador_id == person_id)
            .order_by(SocialAccount.created_at, SocialAccount.id)
        )
    )


def posts_consented(session: Session, person_id: str) -> set[str]:
    """Ids of the person's accounts whose posts they consented to show."""
    return set(
        session.scalars(
            select(SocialAccount.id).where(
                SocialAccount.ambassador_id == person_id, SocialAccount.posts_public.is_(True)
            )
        )
    )
