"""Moderation of public changes: the approved version stays public until a change is approved.

Each listed person has an approved snapshot of their public values (``public_snapshot``). The
``ambassador.public`` event publishes the snapshot, not the live profile; a difference between
the two is a *change*, pending until an admin approves (snapshot := live) or declines it.
Withdrawals never wait: an account whose consent is withdrawn (or that is deleted) leaves the
snapshot at once, and admin-side theme merges and archives follow the theme. With the policy
off (moderation/policy.py), the snapshot simply follows the live values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from relais_common.db import utcnow
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, SocialAccount, Theme
from relais_ambassadors.moderation import repository
from relais_ambassadors.moderation.policy import moderates_changes

Values = dict[str, Any]
TEXT_FIELDS = ("display_name", "job_title", "location", "bio")


def account_values(account: SocialAccount) -> Values:
    return {
        "id": account.id,
        "platform": account.platform,
        "handle": account.handle,
        "profile_url": account.profile_url,
        "feed_url": account.feed_url,
    }


def values_of(
    person: Ambassador, theme_ids: Iterable[str], public: Iterable[SocialAccount]
) -> Values:
    """Live public values from loaded rows (current themes, consented accounts)."""
    accounts = sorted(public, key=lambda a: (a.platform, a.handle, a.id))
    return {
        **{name: getattr(person, name) for name in TEXT_FIELDS},
        "languages": person.language_list,
        "theme_ids": sorted(set(theme_ids)),
        "accounts": [account_values(a) for a in accounts],
    }


def live_values(session: Session, person: Ambassador) -> Values:
    """What the person's public entry would show now (consented accounts only)."""
    theme_ids = repository.open_theme_ids(session, person.id)
    accounts = repository.public_accounts(session, person.id)
    return values_of(person, theme_ids, accounts)


def themes_by_id(session: Session, ids: Iterable[str]) -> dict[str, Theme]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {t.id: t for t in repository.themes_with_ids(session, wanted)}


def reconciled(snapshot: Values, live: Values, themes: Mapping[str, Theme]) -> Values:
    """The snapshot after what needs no approval: withdrawn accounts, merged or archived themes.

    `themes` holds at least the snapshot's themes (:func:`themes_by_id`).
    """
    still_public = {a["id"] for a in live["accounts"]}
    theme_ids: set[str] = set()
    for theme_id in snapshot["theme_ids"]:
        theme = themes.get(theme_id)
        if theme is not None and theme.archived_at is None:
            theme_ids.add(theme.id)
        elif theme is not None and theme.merged_into_id:
            theme_ids.add(theme.merged_into_id)
    return {
        **snapshot,
        "theme_ids": sorted(theme_ids),
        "accounts": [a for a in snapshot["accounts"] if a["id"] in still_public],
    }


def approve_live(person: Ambassador, live: Values) -> None:
    person.public_snapshot = live
    person.change_status, person.change_reason = "none", None
    person.change_submitted_at = person.declined_snapshot = None


def decline_live(person: Ambassador, live: Values, reason: str) -> None:
    person.change_status, person.change_reason = "declined", reason
    person.declined_snapshot = live


def _track(person: Ambassador, live: Values, snapshot: Values) -> None:
    if live == snapshot:
        approve_live(person, live)
    elif person.change_status == "declined" and person.declined_snapshot == live:
        return  # the same values were declined: they wait for the person, not for an admin
    elif person.change_status != "pending":
        person.change_status, person.change_reason = "pending", None
        person.change_submitted_at = utcnow()


def _reconciled(session: Session, snapshot: Values, live: Values) -> Values:
    return reconciled(snapshot, live, themes_by_id(session, snapshot["theme_ids"]))


def approved_values(session: Session, person: Ambassador) -> Values:
    """The values to publish, updating the snapshot and the state of the change."""
    live = live_values(session, person)
    if person.public_snapshot is None or not moderates_changes(session):
        approve_live(person, live)
        return live
    snapshot = _reconciled(session, person.public_snapshot, live)
    if snapshot != person.public_snapshot:
        person.public_snapshot = snapshot
    _track(person, live, snapshot)
    return snapshot


def unchanged_since_approval(session: Session, person: Ambassador) -> bool:
    """Re-listing after a withdrawal needs no new approval when nothing changed since."""
    if person.public_snapshot is None:
        return False
    live = live_values(session, person)
    return _reconciled(session, person.public_snapshot, live) == live


def differences(snapshot: Values | None, live: Values) -> list[tuple[str, Any, Any]]:
    """(field, approved, live) for each public field that differs from the approved version."""
    if snapshot is None:
        return []
    return [
        (key, snapshot.get(key), value) for key, value in live.items() if snapshot.get(key) != value
    ]
