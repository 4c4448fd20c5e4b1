"""Membership of a network: join or ask, invitations, roles, leaving, the ledger."""

from __future__ import annotations

from typing import Annotated

from fastapi import Body, Path, Query, Response
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page

from relais_ambassadors.memberships import invitations, service
from relais_ambassadors.memberships.models import NetworkMembership
from relais_ambassadors.memberships.schemas import (
    InvitationCreate,
    JoinRequest,
    MemberRead,
    MyMembership,
    RoleChangeRead,
    RoleUpdate,
)
from relais_ambassadors.memberships.views import history_page, member_views, members_page
from relais_ambassadors.networks.access import ChairOf, CommitteeOf, MemberOf, NetworkVisible
from relais_ambassadors.people import ambassador_or_404
from relais_ambassadors.problems import api_router

router = api_router("memberships")
Cursor = Annotated[str | None, Query(max_length=1000)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
PersonId = Annotated[str, Path(max_length=64, description="The ambassador's id")]


def _page(
    session: DbSession, network_id: str, status: str, cursor: str | None, limit: int
) -> Page[MemberRead]:
    items, next_cursor = members_page(session, network_id, status, cursor=cursor, limit=limit)
    return Page[MemberRead](items=items, next_cursor=next_cursor)


def _mine(slug: str, row: NetworkMembership) -> MyMembership:
    member = row.status == "member"
    return MyMembership(network_slug=slug, status=row.status, role=row.role if member else None)


@router.get("/networks/{slug}/members", response_model=Page[MemberRead], name="members")
def list_members(
    access: MemberOf, session: DbSession, cursor: Cursor = None, limit: Limit = 50
) -> Page[MemberRead]:
    """The members, by name, with their roles (members and the core team)."""
    return _page(session, access.network.id, "member", cursor, limit)


@router.post("/networks/{slug}/join", response_model=MyMembership, name="join")
def join(
    access: NetworkVisible, session: DbSession, body: Annotated[JoinRequest | None, Body()] = None
) -> MyMembership:
    """Open network: you are a member. On request: your request (with its optional note)
    waits for the committee. Invited: this accepts. Invitation only: 403."""
    note = body.note if body is not None else ""
    return _mine(access.network.slug, service.join(session, access, note))


@router.post("/networks/{slug}/leave", status_code=204, name="leave")
def leave(access: MemberOf, session: DbSession) -> Response:
    """Leave the network (409 for its last chair)."""
    service.leave(session, access)
    return Response(status_code=204)


@router.get("/networks/{slug}/requests", response_model=Page[MemberRead], name="requests")
def list_requests(
    access: CommitteeOf, session: DbSession, cursor: Cursor = None, limit: Limit = 50
) -> Page[MemberRead]:
    return _page(session, access.network.id, "requested", cursor, limit)


@router.post(
    "/networks/{slug}/requests/{ambassador_id}/accept",
    response_model=MyMembership,
    name="accept_request",
)
def accept_request(
    access: CommitteeOf, ambassador_id: PersonId, session: DbSession
) -> MyMembership:
    return _mine(access.network.slug, invitations.accept_request(session, access, ambassador_id))


@router.post(
    "/networks/{slug}/requests/{ambassador_id}/decline", status_code=204, name="decline_request"
)
def decline_request(access: CommitteeOf, ambassador_id: PersonId, session: DbSession) -> Response:
    invitations.decline_request(session, access, ambassador_id)
    return Response(status_code=204)


@router.get("/networks/{slug}/invitations", response_model=Page[MemberRead], name="invitations")
def list_invitations(
    access: CommitteeOf, session: DbSession, cursor: Cursor = None, limit: Limit = 50
) -> Page[MemberRead]:
    return _page(session, access.network.id, "invited", cursor, limit)


@router.post(
    "/networks/{slug}/invitations", status_code=201, response_model=MemberRead, name="invite"
)
def invite(access: CommitteeOf, body: InvitationCreate, session: DbSession) -> MemberRead:
    """Invite a confirmed ambassador (one who asked to join is accepted at once)."""
    row = invitations.invite(session, access, body.ambassador_id, body.note)
    person = ambassador_or_404(session, body.ambassador_id)
    return member_views(session, [(row, person)])[0]


@router.delete(
    "/networks/{slug}/invitations/{ambassador_id}", status_code=204, name="withdraw_invitation"
)
def withdraw_invitation(
    access: CommitteeOf, ambassador_id: PersonId, session: DbSession
) -> Response:
    invitations.withdraw_invitation(session, access, ambassador_id)
    return Response(status_code=204)


@router.post(
    "/networks/{slug}/invitation/accept", response_model=MyMembership, name="accept_invitation"
)
def accept_invitation(access: NetworkVisible, session: DbSession) -> MyMembership:
    """The invited person accepts (404 without an invitation)."""
    row = invitations.answer_invitation(session, access, accept=True)
    assert row is not None
    return _mine(access.network.slug, row)


@router.post("/networks/{slug}/invitation/decline", status_code=204, name="decline_invitation")
def decline_invitation(access: NetworkVisible, session: DbSession) -> Response:
    invitations.answer_invitation(session, access, accept=False)
    return Response(status_code=204)


@router.put(
    "/networks/{slug}/members/{ambassador_id}/role", response_model=MemberRead, name="set_role"
)
def set_role(
    access: ChairOf, ambassador_id: PersonId, body: RoleUpdate, session: DbSession
) -> MemberRead:
    """The chair names committee members; only the core team appoints a chair; the last
    chair keeps the role (409)."""
    row = service.set_role(session, access, ambassador_id, body.role)
    person = ambassador_or_404(session, ambassador_id)
    return member_views(session, [(row, person)])[0]


@router.delete("/networks/{slug}/members/{ambassador_id}", status_code=204, name="remove")
def remove_member(access: CommitteeOf, ambassador_id: PersonId, session: DbSession) -> Response:
    service.remove(session, access, ambassador_id)
    return Response(status_code=204)


@router.get("/networks/{slug}/history", response_model=Page[RoleChangeRead], name="history")
def role_history(
    access: CommitteeOf, session: DbSession, cursor: Cursor = None, limit: Limit = 50
) -> Page[RoleChangeRead]:
    """Every change of role, newest first: who, from what to what, by whom, when."""
    items, next_cursor = history_page(session, access.network.id, cursor=cursor, limit=limit)
    return Page[RoleChangeRead](items=items, next_cursor=next_cursor)
