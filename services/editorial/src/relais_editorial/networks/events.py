"""The ambassadors' network events, applied to editorial's read model (idempotently).

``network.changed`` carries the whole network, ``network.member`` one person's role (``null``
when they left): applying an event twice, or an older copy after a newer one of the same
feed, leaves the rows as the last event says.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from relais_common.db import utcnow
from relais_common.events import Handler
from sqlalchemy.orm import Session

from relais_editorial.networks.models import NetworkRoleView, NetworkView
from relais_editorial.networks.repository import (
    NetworkRepository,
    RoleRepository,
    SettingsRepository,
)

log = logging.getLogger("relais.editorial.networks")
Id = Annotated[str, Field(min_length=1, max_length=64)]


class NetworkChanged(BaseModel):
    """What editorial reads from ``network.changed`` (the contract test checks the schema)."""

    model_config = ConfigDict(extra="ignore")
    id: Id
    slug: Annotated[str, Field(min_length=1, max_length=140)]
    name: Annotated[str, Field(max_length=200)]
    visibility: Annotated[str, Field(max_length=20)]
    archived: bool
    theme_slugs: list[str]


class NetworkMember(BaseModel):
    """What editorial reads from ``network.member``; ``role: None``: no longer a member."""

    model_config = ConfigDict(extra="ignore")
    network_id: Id
    person_id: Id
    display_name: Annotated[str, Field(max_length=200)] = ""
    role: Literal["chair", "committee", "member"] | None


def _payload(event: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = event.get("payload") or {}
    return payload


def on_network_changed(session: Session, event: dict[str, Any]) -> None:
    data = NetworkChanged.model_validate(_payload(event))
    networks = NetworkRepository.from_session(session)
    networks.free_slug(data.slug, data.id)
    values = {
        "slug": data.slug,
        "name": data.name,
        "visibility": data.visibility,
        "archived": data.archived,
        "theme_slugs": sorted(set(data.theme_slugs)),
        "updated_at": utcnow(),
    }
    network = networks.get(data.id)
    if network is None:
        networks.create(NetworkView(id=data.id, **values), flush=True)
    else:
        networks.update(network, update_dict=values, flush=True)
    # the settings row comes with the network (an older network gets it at its next change),
    # so reading settings never writes
    SettingsRepository.from_session(session).ensure(data.id)


def on_network_member(session: Session, event: dict[str, Any]) -> None:
    data = NetworkMember.model_validate(_payload(event))
    network = NetworkRepository.from_session(session).get(data.network_id)
    if network is None:
        # the feed is ordered: a network's own event always comes before its members'
        log.warning("member event for unknown network %s ignored", data.network_id)
        return
    # the network row moves with its members: cached calendar views show their names
    network.updated_at = utcnow()
    roles = RoleRepository.from_session(session)
    row = roles.role_of(data.network_id, data.person_id)
    if data.role is None:
        if row is not None:
            roles.delete(row, flush=True)
        return
    if row is None:
        roles.create(
            NetworkRoleView(
                network_id=data.network_id,
                person_id=data.person_id,
                role=data.role,
                display_name=data.display_name,
            ),
            flush=True,
        )
    else:
        roles.update(row, update_dict={"role": data.role, "display_name": data.display_name})


HANDLERS: dict[str, Handler] = {
    "network.changed": on_network_changed,
    "network.member": on_network_member,
}
