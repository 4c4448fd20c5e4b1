from __future__ import annotations

from fastapi import Response
from relais_common.auth import CurrentUser
from relais_common.db import DbSession
from relais_common.outgoing import OutgoingFetches, release_connection
from relais_common.routing import Public
from starlette.concurrency import run_in_threadpool

from relais_ambassadors.consents.schemas import ConsentChange
from relais_ambassadors.consents.service import set_account_consent
from relais_ambassadors.people import Myself
from relais_ambassadors.platforms import PLATFORMS, normalise, with_feed
from relais_ambassadors.problems import OwnData, api_router
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
async def preview_account(
    body: AccountInput, _user: CurrentUser, session: DbSession, slots: OutgoingFetches
) -> AccountPreview:
    """Async, like its dependencies: a blog's feed is discovered on the event loop, with no
    thread and no database connection held while the site takes its time."""
    release_connection(session)
    found = normalise(body.platform, body.value, guard=slots.guard)
    found = await with_feed(found, slots=slots)
    return AccountPreview(
        platform=found.platform,
        handle=found.handle,
        profile_url=found.profile_url,
        feed_url=found.feed_url,
    )


@router.get(
    "/me/accounts",
    response_model=list[SocialAccountRead],
    name="mine",
    dependencies=[OwnData],
)
def my_accounts(session: DbSession, me: Myself) -> list[SocialAccountRead]:
    return [SocialAccountRead.model_validate(a) for a in accounts_of(session, me.id)]


@router.post(
    "/me/accounts",
    status_code=201,
    response_model=SocialAccountRead,
    name="add",
    dependencies=[OwnData],
)
async def add_account(
    body: AccountCreate, session: DbSession, user: CurrentUser, slots: OutgoingFetches
) -> SocialAccountRead:
    """Check, fetch with nothing held, then read and store in one thread hop."""
    found = normalise(body.platform, body.value, guard=slots.guard)
    release_connection(session)
    found = await with_feed(found, slots=slots)
    account = await run_in_threadpool(
        service.add_for, session, user.user_id, found, public=body.public
    )
    return SocialAccountRead.model_validate(account)


@router.delete("/me/accounts/{account_id}", status_code=204, name="remove", dependencies=[OwnData])
def remove_account(account_id: str, session: DbSession, me: Myself) -> Response:
    service.remove(session, me, service.get_own(session, me, account_id))
    return Response(status_code=204)


@router.put(
    "/me/accounts/{account_id}/consent",
    response_model=SocialAccountRead,
    name="consent",
    dependencies=[OwnData],
)
def set_consent(
    account_id: str, body: ConsentChange, session: DbSession, me: Myself
) -> SocialAccountRead:
    account = service.get_own(session, me, account_id)
    return SocialAccountRead.model_validate(set_account_consent(session, me, account, body.public))
