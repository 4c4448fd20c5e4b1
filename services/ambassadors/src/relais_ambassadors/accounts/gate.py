"""The one check that keeps people who have not confirmed their address to their own data."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from relais_common.auth import CurrentUser, EmailUnverified, Identity
from relais_common.errors import Unauthorized

from relais_ambassadors.people import standing_of

UNVERIFIED = (
    "Confirm your e-mail address first (open the link we mailed you): until then you can only "
    "see and change your own profile."
)


async def require_verified(request: Request, user: CurrentUser) -> Identity:
    """Read from the database, not the token: a confirmation counts at once, without a new
    sign-in (the token's roles say the same to the other services). Async, and the row the
    erased/suspended check already read: no thread hop, no second query."""
    person = standing_of(request, user)
    if person is None:
        raise Unauthorized("Your account no longer exists; please sign in again.")
    if person.email_verified_at is None:
        raise EmailUnverified(UNVERIFIED)
    return user


VerifiedUser = Annotated[Identity, Depends(require_verified)]
