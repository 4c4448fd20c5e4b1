"""Networks: the core team creates, edits and archives them and appoints their chairs.

Every change is a ``network.changed`` event (editorial builds its read model from it).
"""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.auth import Identity
from relais_common.db import utcnow
from relais_common.errors import Conflict, field_error
from sqlalchemy.orm import Session

from relais_ambassadors import outbox
from relais_ambassadors.memberships import service as memberships
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.networks.models import Network
from relais_ambassadors.networks.repository import NetworkRepository
from relais_ambassadors.networks.schemas import NetworkCreate, NetworkRead, NetworkUpdate
from relais_ambassadors.schemas import TaxonomyRef
from relais_ambassadors.validation import free_slug, same_name, slugify


def _repo(session: Session) -> NetworkRepository:
    return NetworkRepository.from_session(session)


def _free_slug(session: Session, name: str, own_id: str | None = None) -> str:
    """Like themes: refused when another network has the same name, suffixed when another
    name reads the same in ASCII."""
    base = slugify(name, fallback="network")
    others = [row for row in _repo(session).similar_slugs(base) if row.id != own_id]
    for other in others:
        if same_name(other.name, name):
            raise Conflict(
                f"A network called “{other.name}” already exists.",
                errors=[{"field": "name", "message": "Another network already has this name."}],
            )
    return free_slug(base, {row.slug for row in others})


def _checked_themes(session: Session, theme_ids: Sequence[str]) -> list[str]:
    wanted = list(dict.fromkeys(theme_ids))
    found = {t.id for t in _repo(session).open_themes(wanted)}
    missing = [t for t in wanted if t not in found]
    if missing:
        raise field_error("theme_ids", f"Unknown or archived theme: {', '.join(missing[:5])}.")
    return wanted


def changed(session: Session, network: Network) -> None:
    themes = _repo(session).themes_of([network.id]).get(network.id, [])
    event = outbox.NetworkChanged(
        id=network.id,
        slug=network.slug,
        name=network.name,
        purpose=network.purpose,
        visibility=network.visibility,
        archived=network.archived_at is not None,
        theme_slugs=[t.slug for t in themes],
    )
    outbox.emit(session, event)


def themes_changed(session: Session, theme_ids: Sequence[str]) -> None:
    """A theme was renamed: the networks built around it say so (editorial keeps their theme
    slugs, which calendar entries are checked against)."""
    session.flush()
    _announce(session, _repo(session).with_themes(theme_ids))


def theme_merged(session: Session, source_id: str, target_id: str) -> None:
    """The merged theme's networks now have the theme it went into, and say so."""
    session.flush()
    affected = _repo(session).with_themes([source_id])
    _repo(session).move_theme(source_id, target_id)
    _announce(session, affected)


def _announce(session: Session, networks: Sequence[Network]) -> None:
    for network in networks:
        network.version += 1  # its themes read differently: a held ETag is stale
        changed(session, network)


def create(session: Session, body: NetworkCreate, admin: Identity) -> Network:
    chair = memberships.participant(session, body.chair_id)
    theme_ids = _checked_themes(session, body.theme_ids)
    network = Network(
        name=body.name,
        slug=_free_slug(session, body.name),
        purpose=body.purpose.strip(),
        visibility=body.visibility,
        created_by=admin.user_id,
        version=1,
        created_at=utcnow(),
    )
    _repo(session).create(network, flush=True)
    _repo(session).set_themes(network.id, theme_ids)
    changed(session, network)
    memberships.appoint_chair(session, network, chair.id, actor_id=admin.user_id, keep_current=True)
    return network


def update(session: Session, network: Network, body: NetworkUpdate) -> Network:
    memberships.require_open(network)
    if body.name is not None and body.name != network.name:
        network.slug = _free_slug(session, body.name, network.id)
        network.name = body.name
    if body.purpose is not None:
        network.purpose = body.purpose.strip()
    if body.visibility is not None:
        network.visibility = body.visibility
    if body.theme_ids is not None:
        _repo(session).set_themes(network.id, _checked_themes(session, body.theme_ids))
    network.version += 1
    session.flush()
    changed(session, network)
    return network


def archive(session: Session, network: Network) -> Network:
    memberships.require_open(network)
    network.archived_at = utcnow()
    network.version += 1
    changed(session, network)
    return network


def views(session: Session, rows: Sequence[Network], viewer_id: str) -> list[NetworkRead]:
    """Read models of a page of networks in three queries (themes, counts, the viewer's place)."""
    ids = [n.id for n in rows]
    themes = _repo(session).themes_of(ids)
    counts = _repo(session).member_counts(ids)
    mine = MembershipRepository.from_session(session).statuses_of(viewer_id, ids)
    out = []
    for n in rows:
        status, role = mine.get(n.id, (None, None))
        out.append(
            NetworkRead(
                id=n.id,
                slug=n.slug,
                name=n.name,
                purpose=n.purpose,
                visibility=n.visibility,
                themes=[
                    TaxonomyRef(id=t.id, slug=t.slug, name=t.name) for t in themes.get(n.id, [])
                ],
                current_phase=n.current_phase,
                member_count=counts.get(n.id, 0),
                my_status=status,
                my_role=role if status == "member" else None,
                archived_at=n.archived_at,
                created_at=n.created_at,
                version=n.version,
            )
        )
    return out


def page(
    session: Session,
    user: Identity,
    *,
    include_archived: bool,
    theme: str | None,
    mine: bool,
    cursor: str | None,
    limit: int,
) -> tuple[list[NetworkRead], str | None]:
    rows, next_cursor = _repo(session).page(
        viewer_id=user.user_id,
        admin=user.is_admin,
        include_archived=include_archived,
        theme_slug=theme,
        mine=mine,
        cursor=cursor,
        limit=limit,
    )
    return views(session, rows, user.user_id), next_cursor
