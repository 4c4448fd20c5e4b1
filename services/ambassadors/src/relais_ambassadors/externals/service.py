"""External actors of a network: the committee records them, their accounts checked with the
ambassadors' platform rules, and their consent, a dated ledger; members see only those who
consented, and never the committee's notes."""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import InvalidInput, NotFound
from relais_common.ssrf import SSRFGuard
from sqlalchemy.orm import Session

from relais_ambassadors.externals.models import ExternalConsent, NetworkExternal
from relais_ambassadors.externals.repository import ExternalRepository
from relais_ambassadors.externals.schemas import (
    AccountInput,
    ConsentChange,
    ConsentEntry,
    ExternalAccount,
    ExternalCreate,
    ExternalRead,
    ExternalUpdate,
    PersonRef,
)
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.memberships.service import participant, require_open
from relais_ambassadors.networks.access import NetworkAccess
from relais_ambassadors.platforms import normalise


def _repo(session: Session) -> ExternalRepository:
    return ExternalRepository.from_session(session)


def checked_accounts(items: list[AccountInput], guard: SSRFGuard) -> list[dict[str, str]]:
    """Each account normalised as an ambassador's would be; errors name the item's field."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for index, item in enumerate(items):
        try:
            account = normalise(item.platform, item.value, guard=guard)
        except InvalidInput as exc:
            errors = [
                {"field": f"accounts.{index}.{e['field']}", "message": e["message"]}
                for e in exc.errors or []
            ]
            raise InvalidInput(exc.detail, errors=errors) from exc
        key = (account.platform, account.handle)
        found[key] = {
            "platform": account.platform,
            "handle": account.handle,
            "profile_url": account.profile_url,
        }
    return list(found.values())


def get(session: Session, access: NetworkAccess, external_id: str) -> NetworkExternal:
    external = _repo(session).in_network(access.network.id, external_id)
    if external is None or (external.consented_at is None and not access.is_committee):
        raise NotFound("There is no external actor with this id in this network.")
    return external


def create(
    session: Session, access: NetworkAccess, body: ExternalCreate, guard: SSRFGuard
) -> NetworkExternal:
    require_open(access.network)
    owner = participant(session, body.owner_id).id if body.owner_id else None
    external = NetworkExternal(
        network_id=access.network.id,
        kind=body.kind,
        name=body.name,
        organisation=body.organisation,
        accounts=checked_accounts(body.accounts, guard),
        owner_id=owner,
        notes=body.notes,
        version=1,
        created_at=utcnow(),
    )
    return _repo(session).create(external, flush=True)


def update(
    session: Session,
    access: NetworkAccess,
    external: NetworkExternal,
    body: ExternalUpdate,
    guard: SSRFGuard,
) -> NetworkExternal:
    require_open(access.network)
    changes = body.model_dump(exclude_unset=True, exclude={"accounts", "owner_id"})
    changes = {key: value for key, value in changes.items() if value is not None}
    if body.accounts is not None:
        changes["accounts"] = checked_accounts(body.accounts, guard)
    if body.owner_id is not None:
        changes["owner_id"] = participant(session, body.owner_id).id
    changes["version"] = external.version + 1
    return _repo(session).update(external, update_dict=changes, flush=True)


def delete(session: Session, access: NetworkAccess, external: NetworkExternal) -> None:
    require_open(access.network)
    _repo(session).delete(external, flush=True)


def record_consent(
    session: Session, access: NetworkAccess, external: NetworkExternal, body: ConsentChange
) -> NetworkExternal:
    now = utcnow()
    _repo(session).add_consent(
        ExternalConsent(
            external_id=external.id,
            granted=body.granted,
            evidence=body.evidence,
            recorded_by=access.user.user_id,
            created_at=now,
        )
    )
    external.consented_at = now if body.granted else None
    external.version += 1
    session.flush()
    return external


def views(session: Session, rows: list[NetworkExternal], *, committee: bool) -> list[ExternalRead]:
    """Read models of a page; the notes and the ledger only for the committee."""
    ledger = _repo(session).consents([r.id for r in rows]) if committee else {}
    owner_ids = sorted({r.owner_id for r in rows if r.owner_id})
    names = MembershipRepository.from_session(session).names(owner_ids)
    return [
        ExternalRead(
            id=r.id,
            kind=r.kind,
            name=r.name,
            organisation=r.organisation,
            accounts=[ExternalAccount(**a) for a in r.accounts],
            owner=PersonRef(id=r.owner_id, display_name=names.get(r.owner_id, ""))
            if r.owner_id
            else None,
            consented=r.consented_at is not None,
            consented_at=r.consented_at,
            notes=r.notes if committee else None,
            consent_history=[
                ConsentEntry(
                    granted=c.granted,
                    evidence=c.evidence,
                    recorded_by=c.recorded_by,
                    created_at=c.created_at,
                )
                for c in ledger.get(r.id, [])
            ]
            if committee
            else None,
            created_at=r.created_at,
            version=r.version,
        )
        for r in rows
    ]


def page(
    session: Session, access: NetworkAccess, *, cursor: str | None, limit: int
) -> tuple[list[ExternalRead], str | None]:
    rows, next_cursor = _repo(session).of_network(
        access.network.id, consented_only=not access.is_committee, cursor=cursor, limit=limit
    )
    return views(session, rows, committee=access.is_committee), next_cursor
