"""The cycle: promotion, education, action, lessons, consolidation. The committee moves the
current phase and writes dated notes per phase; members read them."""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import NotFound, field_error
from sqlalchemy.orm import Session

from relais_ambassadors.cycle.models import NetworkPhaseNote
from relais_ambassadors.cycle.repository import PhaseNoteRepository
from relais_ambassadors.cycle.schemas import CycleRead, NoteCreate, NoteRead, PhaseNotes
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.memberships.service import require_open
from relais_ambassadors.networks.access import NetworkAccess
from relais_ambassadors.networks.models import PHASES, Network

CYCLE = "cycle"


def etag_key(network: Network) -> str:
    """The cycle has its own ETag: moving the phase never conflicts with editing the network."""
    return f"{network.id}-{CYCLE}"


def _note_views(session: Session, rows: list[NetworkPhaseNote]) -> list[NoteRead]:
    authors = sorted({r.author_id for r in rows if r.author_id})
    names = MembershipRepository.from_session(session).names(authors)
    return [
        NoteRead(
            id=r.id,
            phase=r.phase,
            note_date=r.note_date,
            body=r.body,
            author_id=r.author_id,
            author_name=names.get(r.author_id) if r.author_id else None,
            created_at=r.created_at,
        )
        for r in rows
    ]


def view(session: Session, network: Network) -> CycleRead:
    notes = _note_views(
        session, list(PhaseNoteRepository.from_session(session).of_network(network.id))
    )
    return CycleRead(
        current_phase=network.current_phase,
        phases=[
            PhaseNotes(
                phase=phase,
                current=phase == network.current_phase,
                notes=[n for n in notes if n.phase == phase],
            )
            for phase in PHASES
        ],
        version=network.cycle_version,
    )


def move(session: Session, access: NetworkAccess, phase: str) -> Network:
    network = access.network
    require_open(network)
    if phase != network.current_phase:
        network.current_phase = phase
        network.cycle_version += 1
    return network


def add_note(session: Session, access: NetworkAccess, body: NoteCreate) -> NoteRead:
    require_open(access.network)
    if body.note_date.year < 2000:
        raise field_error("note_date", "Give a date from 2000 on.")
    note = NetworkPhaseNote(
        network_id=access.network.id,
        phase=body.phase,
        note_date=body.note_date,
        body=body.body.strip(),
        author_id=access.user.user_id,
        created_at=utcnow(),
    )
    PhaseNoteRepository.from_session(session).create(note, flush=True)
    return _note_views(session, [note])[0]


def delete_note(session: Session, access: NetworkAccess, note_id: str) -> None:
    repo = PhaseNoteRepository.from_session(session)
    note = repo.get(note_id)
    if note is None or note.network_id != access.network.id:
        raise NotFound("There is no note with this id in this network.")
    require_open(access.network)
    repo.delete(note, flush=True)
