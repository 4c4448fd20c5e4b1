"""SQL for networks: lookups, the list a person may see, their themes and member counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.repository import RepositoryBase
from sqlalchemy import Row, delete, func, or_, select, update

from relais_ambassadors.memberships.models import NetworkMembership
from relais_ambassadors.models import Theme
from relais_ambassadors.networks.models import Network, NetworkTheme


class NetworkRepository(RepositoryBase[Network]):
    model = Network

    def by_slug(self, slug: str) -> Network | None:
        return self.get_one_or_none(self.get_base_statement().where(Network.slug == slug))

    def by_name(self, name: str) -> Network | None:
        return self.get_one_or_none(self.get_base_statement().where(Network.name == name))

    def similar_slugs(self, base: str) -> Sequence[Row[Any]]:
        """(id, slug, name) of the networks whose slug is ``base`` or ``base-…``."""
        return self.session.execute(
            select(Network.id, Network.slug, Network.name).where(
                or_(Network.slug == base, Network.slug.like(f"{base}-%"))
            )
        ).all()

    def page(
        self,
        *,
        viewer_id: str,
        admin: bool,
        include_archived: bool,
        theme_slug: str | None,
        mine: bool,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[Network], str | None]:
        """By name: admins see every network; others open and on-request ones, and those
        they belong to or are invited to."""
        stmt = self.get_base_statement()
        related = select(NetworkMembership.network_id).where(
            NetworkMembership.ambassador_id == viewer_id
        )
        if not admin:
            stmt = stmt.where(or_(Network.visibility != "invitation", Network.id.in_(related)))
        if mine:
            stmt = stmt.where(Network.id.in_(related))
        if not include_archived:
            stmt = stmt.where(Network.archived_at.is_(None))
        if theme_slug is not None:
            stmt = stmt.where(Network.id.in_(_with_theme(theme_slug)))
        return self.paginate(
            stmt, sort=Network.name, tiebreak=Network.id, cursor=cursor, limit=limit
        )

    def themes_of(self, network_ids: Sequence[str]) -> dict[str, list[Theme]]:
        """Each network's themes by name, in one query."""
        rows = self.session.execute(
            select(NetworkTheme.network_id, Theme)
            .join(Theme, Theme.id == NetworkTheme.theme_id)
            .where(NetworkTheme.network_id.in_(network_ids))
            .order_by(Theme.name, Theme.id)
        ).all()
        found: dict[str, list[Theme]] = {}
        for network_id, theme in rows:
            found.setdefault(network_id, []).append(theme)
        return found

    def member_counts(self, network_ids: Sequence[str]) -> dict[str, int]:
        stmt = (
            select(NetworkMembership.network_id, func.count())
            .where(
                NetworkMembership.network_id.in_(network_ids),
                NetworkMembership.status == "member",
            )
            .group_by(NetworkMembership.network_id)
        )
        return {str(key): int(n) for key, n in self.session.execute(stmt).all()}

    def open_themes(self, theme_ids: Sequence[str]) -> Sequence[Theme]:
        return self.session.scalars(
            select(Theme).where(Theme.id.in_(theme_ids), Theme.archived_at.is_(None))
        ).all()

    def set_themes(self, network_id: str, theme_ids: Sequence[str]) -> None:
        self.session.execute(delete(NetworkTheme).where(NetworkTheme.network_id == network_id))
        self.session.add_all(NetworkTheme(network_id=network_id, theme_id=t) for t in theme_ids)
        self.session.flush()

    def with_themes(self, theme_ids: Sequence[str]) -> Sequence[Network]:
        """Every network, archived or not, built around one of these themes."""
        around = select(NetworkTheme.network_id).where(NetworkTheme.theme_id.in_(theme_ids))
        return self.session.scalars(
            self.get_base_statement().where(Network.id.in_(around)).order_by(Network.id)
        ).all()

    def move_theme(self, source_id: str, target_id: str) -> None:
        """A merged theme's networks keep the theme it went into (once each)."""
        has_target = select(NetworkTheme.network_id).where(NetworkTheme.theme_id == target_id)
        self.session.execute(
            delete(NetworkTheme).where(
                NetworkTheme.theme_id == source_id, NetworkTheme.network_id.in_(has_target)
            )
        )
        self.session.execute(
            update(NetworkTheme)
            .where(NetworkTheme.theme_id == source_id)
            .values(theme_id=target_id)
        )

    def forget_creator(self, person_id: str) -> None:
        self.session.execute(
            update(Network).where(Network.created_by == person_id).values(created_by=None)
        )

    def created_by(self, person_id: str) -> list[dict[str, Any]]:
        rows = self.session.execute(
            select(Network.id, Network.slug, Network.name, Network.created_at).where(
                Network.created_by == person_id
            )
        ).all()
        return [dict(r._mapping) for r in rows]


def _with_theme(slug: str) -> Any:
    return (
        select(NetworkTheme.network_id)
        .join(Theme, Theme.id == NetworkTheme.theme_id)
        .where(Theme.slug == slug)
    )
