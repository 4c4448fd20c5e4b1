"""Externals name their relationship owner and who recorded their consent: on erasure of that
colleague the external stays (it belongs to the network), without the colleague."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from relais_ambassadors.externals.repository import ExternalRepository
from relais_ambassadors.models import Ambassador
from relais_ambassadors.privacy.repository import REGISTRY


def _export(session: Session, person: Ambassador) -> list[dict[str, Any]]:
    return ExternalRepository.from_session(session).owned_by(person.id)


def _erase(session: Session, person: Ambassador) -> None:
    ExternalRepository.from_session(session).forget_colleague(person.id)


REGISTRY.register(
    "externals_owned",
    tables=["network_external", "external_consent"],
    export=_export,
    erase=_erase,
)
