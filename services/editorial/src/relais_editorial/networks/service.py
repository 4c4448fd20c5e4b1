"""Network rules editorial owns: who sees which network, and the committee's settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from relais_common.errors import InvalidInput
from sqlalchemy.orm import Session

from relais_editorial.counting.instances import DEFAULT_LIMIT, InstanceLimit, InstanceLimits
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.concurrency import require_version
from relais_editorial.networks.models import COMMITTEE_ROLES, NetworkSettings, NetworkView
from relais_editorial.networks.repository import (
    NetworkRepository,
    RoleRepository,
    SettingsRepository,
)
from relais_editorial.networks.schemas import (
    ApprovalMode,
    ApprovalStep,
    MemberList,
    MemberRead,
    NetworkList,
    NetworkRead,
    NetworkSettingsRead,
    NetworkSettingsUpdate,
)


def network_read(network: NetworkView, role: str | None) -> NetworkRead:
    return NetworkRead(
        id=network.id,
        slug=network.slug,
        name=network.name,
        archived=network.archived,
        visibility=network.visibility,
        theme_slugs=list(network.theme_slugs or []),
        my_role=role,
    )


def list_networks(
    session: Session, *, person_id: str, is_admin: bool, cursor: str | None, limit: int
) -> NetworkList:
    """A person's networks; the core team sees every network."""
    networks, next_cursor = NetworkRepository.from_session(session).page(
        person_id=None if is_admin else person_id, cursor=cursor, limit=limit
    )
    roles = RoleRepository.from_session(session).roles_of_person(person_id)
    return NetworkList(
        items=[network_read(n, roles.get(n.id)) for n in networks], next_cursor=next_cursor
    )


def list_members(
    session: Session, access: NetworkAccess, *, cursor: str | None, limit: int
) -> MemberList:
    rows, next_cursor = RoleRepository.from_session(session).members_page(
        access.network.id, cursor=cursor, limit=limit
    )
    items = [
        MemberRead(person_id=r.person_id, display_name=r.display_name, role=r.role) for r in rows
    ]
    return MemberList(items=items, next_cursor=next_cursor)


def settings_read(row: NetworkSettings, default_disclosure: str) -> NetworkSettingsRead:
    return NetworkSettingsRead(
        approval_mode=cast(ApprovalMode, row.approval_mode),
        approval_steps=[ApprovalStep.model_validate(s) for s in row.approval_steps or []],
        disclosure=row.disclosure or default_disclosure,
        disclosure_is_default=row.disclosure is None,
        mastodon_instance=row.mastodon_instance,
        mastodon_limit=row.mastodon_limit,
        mastodon_limit_source="instance" if row.mastodon_limit_source == "instance" else "default",
        version=row.version,
    )


def read_settings(
    session: Session, network_id: str, default_disclosure: str
) -> NetworkSettingsRead:
    return settings_read(
        SettingsRepository.from_session(session).of(network_id), default_disclosure
    )


def disclosure_of(session: Session, network_id: str, default_disclosure: str) -> str:
    return SettingsRepository.from_session(session).of(network_id).disclosure or default_disclosure


@dataclass(frozen=True, slots=True)
class Counting:
    """What a network's variants are counted with: its disclosure and its Mastodon limit."""

    disclosure: str
    mastodon_limit: int


def counting_of(session: Session, network_id: str, default_disclosure: str) -> Counting:
    row = SettingsRepository.from_session(session).of(network_id)
    return Counting(row.disclosure or default_disclosure, row.mastodon_limit)


def _check_steps(session: Session, network_id: str, body: NetworkSettingsUpdate) -> None:
    if body.approval_mode != "multi_step":
        if body.approval_steps:
            raise InvalidInput(
                "Approval steps are only for the multi-step mode.",
                errors=[{"field": "approval_steps", "message": "Leave empty in this mode."}],
            )
        return
    if not body.approval_steps:
        raise InvalidInput(
            "The multi-step mode needs at least one step.",
            errors=[{"field": "approval_steps", "message": "Add at least one step."}],
        )
    roles = RoleRepository.from_session(session)
    for n, step in enumerate(body.approval_steps):
        for person_id in step.approvers:
            row = roles.role_of(network_id, person_id)
            if row is None or row.role not in COMMITTEE_ROLES:
                message = f"{person_id} is not on this network's committee."
                raise InvalidInput(
                    message, errors=[{"field": f"approval_steps.{n}.approvers", "message": message}]
                )


def check_settings(
    session: Session,
    access: NetworkAccess,
    body: NetworkSettingsUpdate,
    *,
    if_match: str | None,
    default_disclosure: str,
) -> None:
    """The write's checks before the instance is asked (a stale or bad write costs no fetch);
    :func:`update_settings` makes them again under the row's lock."""
    _checked_row(session, access, body, if_match, default_disclosure, for_update=False)


def _checked_row(
    session: Session,
    access: NetworkAccess,
    body: NetworkSettingsUpdate,
    if_match: str | None,
    default_disclosure: str,
    *,
    for_update: bool,
) -> NetworkSettings:
    row = SettingsRepository.from_session(session).of(access.network.id, for_update=for_update)
    require_version(
        if_match,
        settings_etag_id(access.network.id),
        row.version,
        lambda: settings_read(row, default_disclosure),
    )
    _check_steps(session, access.network.id, body)
    return row


async def mastodon_limit(limits: InstanceLimits, body: NetworkSettingsUpdate) -> InstanceLimit:
    """The limit to store: the instance's (read once, through the app's cache), else 500.
    Call it holding no database connection: an instance may take seconds to answer."""
    if body.mastodon_instance is None:
        return DEFAULT_LIMIT
    return await limits.lookup(body.mastodon_instance)


def update_settings(
    session: Session,
    access: NetworkAccess,
    body: NetworkSettingsUpdate,
    *,
    if_match: str | None,
    default_disclosure: str,
    mastodon: InstanceLimit,
) -> NetworkSettingsRead:
    row = _checked_row(session, access, body, if_match, default_disclosure, for_update=True)
    row.approval_mode = body.approval_mode
    row.approval_steps = [s.model_dump() for s in body.approval_steps]
    row.disclosure = body.disclosure
    row.mastodon_instance = body.mastodon_instance
    row.mastodon_limit = mastodon.value
    row.mastodon_limit_source = mastodon.source
    row.version += 1
    session.flush()
    return settings_read(row, default_disclosure)


def settings_etag_id(network_id: str) -> str:
    return f"settings-{network_id}"
