"""The network's cycle: its current phase and dated notes per phase."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Response
from relais_common.concurrency import IfMatch, check_if_match, set_etag
from relais_common.db import DbSession

from relais_ambassadors.cycle import service
from relais_ambassadors.cycle.schemas import CycleRead, NoteCreate, NoteRead, PhaseChange
from relais_ambassadors.networks.access import CommitteeOf, MemberOf
from relais_ambassadors.networks.models import Network
from relais_ambassadors.problems import api_router

router = api_router("cycle")


def _view(session: DbSession, network: Network, response: Response) -> CycleRead:
    set_etag(response, service.etag_key(network), network.cycle_version)
    return service.view(session, network)


@router.get("/networks/{slug}/cycle", response_model=CycleRead, name="get")
def get_cycle(access: MemberOf, session: DbSession, response: Response) -> CycleRead:
    """The five phases in order, the current one marked, each with its notes."""
    return _view(session, access.network, response)


@router.put("/networks/{slug}/cycle/phase", response_model=CycleRead, name="move")
def move_phase(
    access: CommitteeOf,
    body: PhaseChange,
    session: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> CycleRead:
    """Move the network to another phase (If-Match: the cycle's ETag)."""
    check_if_match(if_match, service.etag_key(access.network), access.network.cycle_version)
    return _view(session, service.move(session, access, body.phase), response)


@router.post(
    "/networks/{slug}/cycle/notes", status_code=201, response_model=NoteRead, name="add_note"
)
def add_note(access: CommitteeOf, body: NoteCreate, session: DbSession) -> NoteRead:
    return service.add_note(session, access, body)


@router.delete("/networks/{slug}/cycle/notes/{note_id}", status_code=204, name="delete_note")
def delete_note(
    access: CommitteeOf, note_id: Annotated[str, Path(max_length=64)], session: DbSession
) -> Response:
    service.delete_note(session, access, note_id)
    return Response(status_code=204)
