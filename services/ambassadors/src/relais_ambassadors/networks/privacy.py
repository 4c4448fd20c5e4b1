"""The networks a person created (as the core team): listed in their export; on erasure the
networks stay and forget their creator."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador
from relais_ambassadors.networks.repository import NetworkRepository
from relais_ambassadors.privacy.repository import REGISTRY


def _export(session: Session, person: Ambassador) -> list[dict[str, Any]]:
    return NetworkRepository.from_session(session).created_by(person.id)


def _erase(session: Session, person: Ambassador) -> None:
    NetworkRepository.from_session(session).forget_creator(person.id)


REGISTRY.register("networks_created", tables=["network"], export=_export, erase=_erase)
