from __future__ import annotations

from fastapi import Response
from relais_common.concurrency import set_etag
from relais_common.db import DbSession

from relais_ambassadors.consents import service
from relais_ambassadors.consents.schemas import ConsentChange, ConsentRead
from relais_ambassadors.people import Myself
from relais_ambassadors.problems import OwnData, api_router
from relais_ambassadors.schemas import Me, SocialAccountRead
from relais_ambassadors.social_accounts import service as social_accounts
from relais_ambassadors.views import me_view

router = api_router("consents", own_data=True)


@router.get("/me/consents", response_model=list[ConsentRead], name="ledger")
def my_consents(session: DbSession, me: Myself) -> list[ConsentRead]:
    return [ConsentRead.model_validate(c) for c in service.ledger(session, me)]


@router.put("/me/listing", response_model=Me, name="listing")
def set_listing(body: ConsentChange, session: DbSession, me: Myself, response: Response) -> Me:
    service.set_listing(session, me, body.public)
    set_etag(response, me.id, me.version)
    return me_view(session, me)


@router.put(
    "/me/accounts/{account_id}/posts",
    response_model=SocialAccountRead,
    name="posts",
    dependencies=[OwnData],
)
def set_posts(
    account_id: str, body: ConsentChange, session: DbSession, me: Myself
) -> SocialAccountRead:
    """Give or withdraw the consent to show this account's posts on the public page (separate
    from listing the account; withdrawing removes its posts from every output within a minute)."""
    account = social_accounts.get_own(session, me, account_id)
    return SocialAccountRead.model_validate(
        service.set_posts_consent(session, me, account, body.public)
    )
