from __future__ import annotations

from fastapi import Response
from relais_common.auth import CurrentUser
from relais_common.db import DbSession
from relais_common.routing import Public

from relais_ambassadors.consents.schemas import ConsentChange
from relais_ambassadors.consents.service import set_account_consent
from relais_ambassadors.people import Guard, Myself
from relais_ambassadors.platforms import PLATFORMS, normalise
from relais_ambassadors.problems import api_router
from relais_ambassadors.schemas import SocialAccountRead
from relais_ambassadors.social_accounts import service
from relais_ambassadors.social_accounts.schemas import (
    AccountCreate,
    AccountInput,
    AccountPreview,
    PlatformRead,
)
from relais_ambassadors.views import accounts_of

router = api_router("accounts")


@router.get(
    "/platforms", response_model=list[PlatformRead], name="platforms", dependencies=[Public]
)
def list_platforms() -> list[PlatformRead]:
    """Public: the platforms a person can declare, with an input hint each."""
    return [
        PlatformRead(id=p.id, label=p.label, placeholder=p.placeholder, has_feed=p.has_feed)
        for p in PLATFORMS.values()
    ]


@router.post("/accounts/preview", response_model=AccountPreview, name="preview")
def preview_account(body: AccountInput, _user: CurrentUser, guard: Guard) -> AccountPreview:
    found = normalise(body.platform, body.value, guard=guard, discover=True)
    return AccountPreview(
        platform=found.platform,
        handle=found.handle,
        profile_url=found.profile_url,
        feed_url=found.feed_url,
    )


@router.get("/me/accounts", response_model=list[SocialAccountRead], name="mine")
def my_accounts(session: DbSession, me: Myself) -> list[SocialAccountRead]:
    return [SocialAccountRead.model_validate(a) for a in accounts_of(session, me.id)]


@router.post("/me/accounts", status_code=201, response_model=SocialAccountRead, name="add")
def add_account(
    body: AccountCreate, session: DbSession, me: Myself, guard: Guard
) -> SocialAccountRead:
    found = normalise(body.platform, body.value, guard=guard, discover=True)
    return SocialAccountRead.model_validate(service.add(session, me, found, public=body.public))


@router.delete("/me/accounts/{account_id}", status_code=204, name="remove")
def remove_account(account_id: str, session: DbSession, me: Myself) -> Response:
    service.remove(session, me, service.get_own(session, me, account_id))
    return Response(status_code=204)


@router.put("/me/accounts/{account_id}/consent", response_model=SocialAccountRead, name="consent")
def set_consent(
    account_id: str, body: ConsentChange, session: DbSession, me: Myself
) -> SocialAccountRead:
    account = service.get_own(session, me, account_id)
    return SocialAccountRead.model_validate(set_account_consent(session, me, account, body.public))
