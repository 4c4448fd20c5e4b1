"""The demo's networks (demo_data.NETWORKS), through the service layer; idempotent."""

from __future__ import annotations

from typing import Any

from relais_common.auth import Identity
from relais_common.ssrf import SSRFGuard
from sqlalchemy.orm import Session

from relais_ambassadors import demo_data
from relais_ambassadors.externals import service as externals
from relais_ambassadors.externals.schemas import AccountInput, ConsentChange, ExternalCreate
from relais_ambassadors.memberships import invitations
from relais_ambassadors.memberships import service as memberships
from relais_ambassadors.networks import service as networks
from relais_ambassadors.networks.access import NetworkAccess
from relais_ambassadors.networks.models import Network
from relais_ambassadors.networks.repository import NetworkRepository
from relais_ambassadors.networks.schemas import NetworkCreate
from relais_ambassadors.people import by_email
from relais_ambassadors.themes import service as themes


def _external(session: Session, access: NetworkAccess, line: str, ids: dict[str, str]) -> None:
    kind, name, organisation, accounts, owner, consented = line.split("|")
    items = [
        AccountInput(platform=a.split(":", 1)[0], value=a.split(":", 1)[1])
        for a in accounts.split(",")
    ]
    body = ExternalCreate(
        kind=kind,
        name=name,
        organisation=organisation,
        accounts=items,
        owner_id=ids[owner],
        notes="Met at the customer day; prefers e-mail.",
    )
    external = externals.create(session, access, body, SSRFGuard(""))
    if consented == "yes":
        evidence = ConsentChange(granted=True, evidence="Signed consent form (demo)")
        externals.record_consent(session, access, external, evidence)


def _network(session: Session, spec: dict[str, Any], admin: Identity, email_of: Any) -> Network:
    names = [spec["chair"], *spec["committee"], *spec["members"]]
    names += [line.split("|")[4] for line in spec["externals"]]
    ids = {}
    for name in names:
        person = by_email(session, email_of(name))
        assert person is not None, name
        ids[name] = person.id
    theme_ids = {t.name: t.id for t in themes.listing(session, include_archived=False)}
    body = NetworkCreate(
        name=spec["name"],
        purpose=spec["purpose"],
        visibility=spec["visibility"],
        theme_ids=[theme_ids[t] for t in spec["themes"]],
        chair_id=ids[spec["chair"]],
    )
    network = networks.create(session, body, admin)
    access = NetworkAccess(network, admin, None)
    for name in [*spec["committee"], *spec["members"]]:
        invitations.invite(session, access, ids[name], "")
        own = NetworkAccess(network, Identity(user_id=ids[name]), None)
        invitations.answer_invitation(session, own, accept=True)
    for name in spec["committee"]:
        memberships.set_role(session, access, ids[name], "committee")
    for line in spec["externals"]:
        _external(session, access, line, ids)
    return network


def load_networks(session: Session, admin_id: str, email_of: Any) -> int:
    """Create the demo networks that do not exist yet; how many were created."""
    admin = Identity(user_id=admin_id, roles=frozenset({"admin"}))
    repo = NetworkRepository.from_session(session)
    created = 0
    for spec in demo_data.NETWORKS:
        if repo.by_name(spec["name"]) is None:
            _network(session, spec, admin, email_of)
            created += 1
    return created
