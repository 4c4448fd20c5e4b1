"""All SQL about the networks' read model, their members' roles and their settings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.db import new_id, utcnow
from relais_common.repository import RepositoryBase
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from relais_editorial.counting.rules import MASTODON_DEFAULT_LIMIT
from relais_editorial.networks.models import NetworkRoleView, NetworkSettings, NetworkView

# What a network's settings are until its committee changes them.
DEFAULTS: dict[str, Any] = {
    "approval_mode": "required",
    "approval_steps": [],
    "disclosure": None,
    "mastodon_instance": None,
    "mastodon_limit": MASTODON_DEFAULT_LIMIT,
    "mastodon_limit_source": "default",
    "version": 1,
    "path_version": 1,
}


def default_settings(network_id: str) -> NetworkSettings:
    """The defaults as a row that is never added to the session (a read stays a read)."""
    return NetworkSettings(network_id=network_id, **{**DEFAULTS, "approval_steps": []})


# Built once: every request about a network runs these two (the role check). A statement
# object keeps its cache key, so SQLAlchemy neither rebuilds nor re-hashes it per request.
BY_SLUG = select(NetworkView).where(NetworkView.slug == bindparam("slug"))
ROLE_NAME = select(NetworkRoleView.role).where(
    NetworkRoleView.network_id == bindparam("network_id"),
    NetworkRoleView.person_id == bindparam("person_id"),
)


class NetworkRepository(RepositoryBase[NetworkView]):
    model = NetworkView

    def by_slug(self, slug: str) -> NetworkView | None:
        found: NetworkView | None = self.session.execute(
            BY_SLUG, {"slug": slug}
        ).scalar_one_or_none()
        return found

    def by_ids(self, network_ids: list[str]) -> dict[str, NetworkView]:
        rows = self.get_all(select(NetworkView).where(NetworkView.id.in_(network_ids)))
        return {r.id: r for r in rows}

    def page(
        self, *, person_id: str | None, cursor: str | None, limit: int
    ) -> tuple[list[NetworkView], str | None]:
        """Every network (person_id None: the core team), or those the person is a member of."""
        statement = select(NetworkView)
        if person_id is not None:
            statement = statement.join(
                NetworkRoleView, NetworkRoleView.network_id == NetworkView.id
            ).where(NetworkRoleView.person_id == person_id)
        return self.paginate(
            statement, sort=NetworkView.slug, tiebreak=NetworkView.id, cursor=cursor, limit=limit
        )

    def free_slug(self, slug: str, network_id: str) -> None:
        """A renamed network may take a slug another row still holds in this read model."""
        self.execute(
            update(NetworkView)
            .where(NetworkView.slug == slug, NetworkView.id != network_id)
            .values(slug=NetworkView.id)
        )
        self.session.flush()


class RoleRepository(RepositoryBase[NetworkRoleView]):
    model = NetworkRoleView

    def role_of(self, network_id: str, person_id: str) -> NetworkRoleView | None:
        return self.get_one_or_none(
            select(NetworkRoleView).where(
                NetworkRoleView.network_id == network_id, NetworkRoleView.person_id == person_id
            )
        )

    def role_name(self, network_id: str, person_id: str) -> str | None:
        """The person's role in the network (None: not a member), one column read."""
        role: str | None = self.session.execute(
            ROLE_NAME, {"network_id": network_id, "person_id": person_id}
        ).scalar_one_or_none()
        return role

    def roles_of_person(self, person_id: str) -> dict[str, str]:
        """network_id -> role, for every network the person belongs to."""
        rows = self.session.execute(
            select(NetworkRoleView.network_id, NetworkRoleView.role).where(
                NetworkRoleView.person_id == person_id
            )
        ).all()
        return {r.network_id: r.role for r in rows}

    def members_page(
        self, network_id: str, *, cursor: str | None, limit: int
    ) -> tuple[list[NetworkRoleView], str | None]:
        statement = select(NetworkRoleView).where(NetworkRoleView.network_id == network_id)
        return self.paginate(
            statement,
            sort=NetworkRoleView.display_name,
            tiebreak=NetworkRoleView.person_id,
            cursor=cursor,
            limit=limit,
        )

    def names(self, network_id: str, person_ids: set[str]) -> dict[str, str]:
        if not person_ids:
            return {}
        rows = self.session.execute(
            select(NetworkRoleView.person_id, NetworkRoleView.display_name).where(
                NetworkRoleView.network_id == network_id,
                NetworkRoleView.person_id.in_(sorted(person_ids)),
            )
        ).all()
        return {r.person_id: r.display_name for r in rows}

    def names_across(self, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """(network_id, person_id) -> display name, for people of several networks at once."""
        if not pairs:
            return {}
        rows = self.session.execute(
            select(
                NetworkRoleView.network_id, NetworkRoleView.person_id, NetworkRoleView.display_name
            ).where(
                NetworkRoleView.network_id.in_(sorted({n for n, _ in pairs})),
                NetworkRoleView.person_id.in_(sorted({p for _, p in pairs})),
            )
        ).all()
        return {(r.network_id, r.person_id): r.display_name for r in rows}

    def of_person(self, person_id: str) -> Sequence[NetworkRoleView]:
        return self.get_all(select(NetworkRoleView).where(NetworkRoleView.person_id == person_id))

    def forget_person(self, person_id: str) -> None:
        self.execute(delete(NetworkRoleView).where(NetworkRoleView.person_id == person_id))


class SettingsRepository(RepositoryBase[NetworkSettings]):
    model = NetworkSettings

    def of(self, network_id: str, *, for_update: bool = False) -> NetworkSettings:
        """The network's settings. A read writes nothing: the row is made when the network
        appears (``network.changed``, networks/events.py); a network older than that rule and
        never changed since reads the defaults, unsaved. ``for_update`` (a write) locks the row,
        making it first for such a network."""
        if for_update:
            self.ensure(network_id)
            statement = select(NetworkSettings).where(NetworkSettings.network_id == network_id)
            row = self.get_one_or_none(statement.with_for_update())
            assert row is not None  # ensure() made it in this transaction at the latest
            return row
        found = self.get_one_or_none(
            select(NetworkSettings).where(NetworkSettings.network_id == network_id)
        )
        return found if found is not None else default_settings(network_id)

    def of_networks(self, network_ids: list[str]) -> dict[str, NetworkSettings]:
        """Several networks' settings in one read (the defaults where a network has no row)."""
        rows = self.get_all(
            select(NetworkSettings).where(NetworkSettings.network_id.in_(network_ids))
        )
        found = {r.network_id: r for r in rows}
        return {n: found.get(n) or default_settings(n) for n in network_ids}

    def ensure(self, network_id: str) -> None:
        """The row with the defaults unless it exists: one INSERT that yields to a concurrent
        one (ON CONFLICT DO NOTHING on SQLite and PostgreSQL alike), no savepoint."""
        values = {"id": new_id(), **DEFAULTS, "network_id": network_id, "updated_at": utcnow()}
        insert = sqlite_insert if self.session.get_bind().dialect.name == "sqlite" else pg_insert
        self.execute(insert(NetworkSettings).values(**values).on_conflict_do_nothing())

    def naming(self, person_id: str) -> Sequence[NetworkSettings]:
        """Settings whose approval steps name the person (JSON: filtered here in Python)."""
        rows = self.get_all(select(NetworkSettings))  # one row per network: few
        return [r for r in rows if any(person_id in s.get("approvers", []) for s in _steps(r))]


def _steps(row: NetworkSettings) -> list[dict[str, Any]]:
    return list(row.approval_steps or [])
