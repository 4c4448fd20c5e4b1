"""All SQL about the networks' read model, their members' roles and their settings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.repository import RepositoryBase
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError

from relais_editorial.networks.models import NetworkRoleView, NetworkSettings, NetworkView

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

    def of_person(self, person_id: str) -> Sequence[NetworkRoleView]:
        return self.get_all(select(NetworkRoleView).where(NetworkRoleView.person_id == person_id))

    def forget_person(self, person_id: str) -> None:
        self.execute(delete(NetworkRoleView).where(NetworkRoleView.person_id == person_id))


class SettingsRepository(RepositoryBase[NetworkSettings]):
    model = NetworkSettings

    def of(self, network_id: str, *, for_update: bool = False) -> NetworkSettings:
        """The network's settings row, made with the defaults the first time it is asked for."""
        statement = select(NetworkSettings).where(NetworkSettings.network_id == network_id)
        if for_update:
            statement = statement.with_for_update()
        found = self.get_one_or_none(statement)
        if found is not None:
            return found
        # Two first reads at once (the calendar asks for the path and the settings together) both
        # insert: the loser's savepoint rolls back and it reads the winner's row.
        try:
            with self.session.begin_nested():
                return self.create(
                    NetworkSettings(
                        network_id=network_id,
                        approval_mode="required",
                        approval_steps=[],
                        version=1,
                        path_version=1,
                    ),
                    flush=True,
                )
        except IntegrityError:
            winner = self.get_one_or_none(statement)
            if winner is None:  # the insert failed for another reason: let it surface
                raise
            return winner

    def naming(self, person_id: str) -> Sequence[NetworkSettings]:
        """Settings whose approval steps name the person (JSON: filtered here in Python)."""
        rows = self.get_all(select(NetworkSettings))  # one row per network: few
        return [r for r in rows if any(person_id in s.get("approvers", []) for s in _steps(r))]


def _steps(row: NetworkSettings) -> list[dict[str, Any]]:
    return list(row.approval_steps or [])
