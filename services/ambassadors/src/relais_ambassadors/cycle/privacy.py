"""Phase notes belong to the network: their author is forgotten on erasure, the note stays."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from relais_ambassadors.cycle.repository import PhaseNoteRepository
from relais_ambassadors.models import Ambassador
from relais_ambassadors.privacy.repository import REGISTRY


def _export(session: Session, person: Ambassador) -> list[dict[str, Any]]:
    return PhaseNoteRepository.from_session(session).written_by(person.id)


def _erase(session: Session, person: Ambassador) -> None:
    PhaseNoteRepository.from_session(session).forget_author(person.id)


REGISTRY.register("phase_notes", tables=["network_phase_note"], export=_export, erase=_erase)
