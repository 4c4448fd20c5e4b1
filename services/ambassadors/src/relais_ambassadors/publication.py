"""The one place that decides whether a person is listed publicly, and tells the others.

Call :func:`republish` after every change that can affect the public view. It emits
``ambassador.public`` with the public projection (only consented data, in the version the core
team approved: moderation/changes.py) while the person is listed, and ``ambassador.unlisted``
once when they stop being listed, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from relais_common.db import utcnow
from sqlalchemy.orm import Session

from relais_ambassadors import outbox
from relais_ambassadors.charters import repository as charters
from relais_ambassadors.models import Ambassador
from relais_ambassadors.moderation.changes import Values, approved_values
from relais_ambassadors.social_accounts import repository as social_accounts
from relais_ambassadors.themes import repository as themes


def current_charter_version(session: Session) -> int | None:
    return charters.current_version(session)


def status_of(person: Ambassador, current_version: int | None) -> str:
    if person.suspended_at is not None:
        return "suspended"
    if current_version is None or person.accepted_charter_version == current_version:
        return "active"
    return "pending"


def is_listed(person: Ambassador, current_version: int | None) -> bool:
    return (
        status_of(person, current_version) == "active"
        and person.listing_public
        and person.moderation == "approved"
    )


def public_projection(
    session: Session, person: Ambassador, values: Values
) -> outbox.AmbassadorPublic:
    """The event payload from approved values (moderation/changes.py), theme names current."""
    shown = themes.open_themes(session, values["theme_ids"])
    accounts = sorted(values["accounts"], key=lambda a: (a["platform"], a["handle"]))
    posts = social_accounts.posts_consented(session, person.id)  # live: never moderated
    return outbox.AmbassadorPublic(
        id=person.id,
        display_name=values["display_name"],
        job_title=values["job_title"],
        location=values["location"],
        languages=values["languages"],
        bio=values["bio"],
        themes=[outbox.PublicTheme(slug=t.slug, name=t.name) for t in shown],
        accounts=[
            outbox.PublicAccount(
                platform=a["platform"],
                handle=a["handle"],
                profile_url=a["profile_url"],
                feed_url=a["feed_url"],
                posts=a.get("id") in posts,
            )
            for a in accounts
        ],
        listed_at=person.listed_at,
    )


def republish(session: Session, person: Ambassador, current_version: int | None = None) -> None:
    """Recompute the person's public listing and emit the matching event."""
    session.flush()
    if current_version is None:
        current_version = current_charter_version(session)
    if is_listed(person, current_version):
        if person.listed_at is None:
            person.listed_at = utcnow()
        values = approved_values(session, person)
        outbox.emit(session, public_projection(session, person, values))
    elif person.listed_at is not None:
        person.listed_at = None
        outbox.emit(session, outbox.AmbassadorUnlisted(id=person.id))


def republish_all(session: Session, people: Iterable[Ambassador]) -> None:
    current = current_charter_version(session)
    for person in people:
        republish(session, person, current)


def republish_theme_members(session: Session, theme_ids: Iterable[str]) -> None:
    """Listed people who declared one of these themes: their projection changed.

    People with a change waiting may show a theme publicly (approved) that they no longer have:
    they are republished too (a few; the approved snapshot is JSON, not joinable).
    """
    republish_all(session, themes.listed_people_to_republish(session, list(theme_ids)))
