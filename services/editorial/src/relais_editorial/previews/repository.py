"""All SQL for preview links."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.repository import RepositoryBase
from sqlalchemy import select, update

from relais_editorial.previews.models import PreviewLink


class PreviewRepository(RepositoryBase[PreviewLink]):
    model = PreviewLink

    def by_hash(self, token_hash: str) -> PreviewLink | None:
        return self.get_one_or_none(select(PreviewLink).where(PreviewLink.token_hash == token_hash))

    def of_network(self, network_id: str) -> Sequence[PreviewLink]:
        statement = (
            select(PreviewLink)
            .where(PreviewLink.network_id == network_id)
            .order_by(PreviewLink.created_at.desc(), PreviewLink.id)
            .limit(200)
        )
        return self.get_all(statement)

    def in_network(self, network_id: str, preview_id: str) -> PreviewLink | None:
        statement = select(PreviewLink).where(
            PreviewLink.id == preview_id, PreviewLink.network_id == network_id
        )
        return self.get_one_or_none(statement)

    def made_by(self, person_id: str) -> Sequence[PreviewLink]:
        return self.get_all(select(PreviewLink).where(PreviewLink.created_by == person_id))

    def forget_person(self, person_id: str) -> None:
        """The links stay (they belong to the network's committee); their maker is forgotten."""
        self.execute(
            update(PreviewLink).where(PreviewLink.created_by == person_id).values(created_by=None)
        )
