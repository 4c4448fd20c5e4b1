"""The presence map of a network, a department or the whole company (public accounts only)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.errors import NotFound
from sqlalchemy import Row
from sqlalchemy.orm import Session

from relais_ambassadors.externals.models import NetworkExternal
from relais_ambassadors.externals.repository import ExternalRepository
from relais_ambassadors.networks.access import NetworkAccess
from relais_ambassadors.platforms import PLATFORMS
from relais_ambassadors.presence import repository
from relais_ambassadors.presence.schemas import (
    ExternalRow,
    Graph,
    GraphEdge,
    GraphNode,
    PersonRow,
    PlatformColumn,
    Presence,
    PresenceMap,
    Scope,
)
from relais_ambassadors.schemas import TaxonomyRef

EXTERNALS_CAP = 100


def _people(session: Session, rows: list[Row[Any]], network_id: str | None) -> list[PersonRow]:
    ids = [r.id for r in rows]
    accounts: dict[str, list[Presence]] = {}
    for a in repository.public_accounts(session, ids):
        accounts.setdefault(a.ambassador_id, []).append(
            Presence(platform=a.platform, handle=a.handle, profile_url=a.profile_url)
        )
    roles = repository.roles(session, network_id, ids) if network_id else {}
    return [
        PersonRow(
            id=r.id,
            display_name=r.display_name,
            department=TaxonomyRef(
                id=r.department_id, slug=r.department_slug, name=r.department_name
            )
            if r.department_id
            else None,
            role=roles.get(r.id),
            presences=accounts.get(r.id, []),
        )
        for r in rows
    ]


def _externals(rows: Sequence[NetworkExternal]) -> list[ExternalRow]:
    return [
        ExternalRow(
            id=e.id,
            name=e.name,
            kind=e.kind,
            organisation=e.organisation,
            presences=[Presence(**a) for a in e.accounts],
        )
        for e in rows
    ]


def _graph(people: list[PersonRow], externals: list[ExternalRow]) -> Graph:
    nodes: dict[str, GraphNode] = {}
    edges: list[GraphEdge] = []
    holders = [("person", p.id, p.display_name, p.presences) for p in people]
    holders += [("external", e.id, e.name, e.presences) for e in externals]
    for kind, id_, label, presences in holders:
        nodes[f"{kind}:{id_}"] = GraphNode(id=f"{kind}:{id_}", kind=kind, label=label)
        for p in presences:
            target = f"platform:{p.platform}"
            label = PLATFORMS[p.platform].label if p.platform in PLATFORMS else p.platform
            nodes.setdefault(target, GraphNode(id=target, kind="platform", label=label))
            edges.append(GraphEdge(source=f"{kind}:{id_}", target=target, handle=p.handle))
    return Graph(nodes=list(nodes.values()), edges=edges)


def _columns(people_on: dict[str, int], externals: list[ExternalRow]) -> list[PlatformColumn]:
    ext_on: dict[str, int] = {}
    for e in externals:
        for platform in {p.platform for p in e.presences}:
            ext_on[platform] = ext_on.get(platform, 0) + 1
    used = set(people_on) | set(ext_on)
    return [
        PlatformColumn(
            id=p, label=info.label, people=people_on.get(p, 0), externals=ext_on.get(p, 0)
        )
        for p, info in PLATFORMS.items()
        if p in used
    ]


def presence_map(
    session: Session,
    scope: Scope,
    *,
    network: NetworkAccess | None,
    cursor: str | None,
    limit: int,
) -> PresenceMap:
    network_id = network.network.id if network else None
    department_id = scope.id if scope.kind == "department" else None
    rows, next_cursor = repository.people_page(
        session, network_id=network_id, department_id=department_id, cursor=cursor, limit=limit
    )
    people = _people(session, rows, network_id)
    externals: list[ExternalRow] = []
    if network is not None:
        found = ExternalRepository.from_session(session).all_of(
            network.network.id, consented_only=not network.is_committee, cap=EXTERNALS_CAP
        )
        externals = _externals(found)
    total, people_on = repository.totals(
        session, network_id=network_id, department_id=department_id
    )
    return PresenceMap(
        scope=scope,
        platforms=_columns(people_on, externals),
        people=people,
        externals=externals,
        graph=_graph(people, externals),
        total_people=total,
        next_cursor=next_cursor,
    )


def scope_of(session: Session, department_id: str | None) -> Scope:
    if department_id is None:
        return Scope(kind="company", id=None, name="")
    department = repository.department(session, department_id)
    if department is None:
        raise NotFound("There is no department with this id.")
    return Scope(kind="department", id=department.id, name=department.name)
