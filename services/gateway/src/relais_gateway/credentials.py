"""Checking e-mail and password with the ambassadors service (POST /internal/auth/check)."""

from __future__ import annotations

from dataclasses import dataclass

import aiohttp
from relais_common.auth import IDENTITY_HEADER, service_token
from relais_common.errors import ProblemError, ServiceUnavailable, TooManyRequests, Unauthorized

from relais_gateway.upstreams import Upstreams

BAD_CREDENTIALS = "The e-mail address or the password is wrong."


@dataclass(frozen=True)
class CheckedUser:
    user_id: str
    roles: list[str]


async def check_credentials(
    upstreams: Upstreams, *, email: str, password: str, client_ip: str
) -> CheckedUser:
    url = upstreams.urls["ambassadors"] + "/internal/auth/check"
    headers = {IDENTITY_HEADER: service_token(upstreams.settings.internal_secret, "gateway")}
    payload = {"email": email, "password": password, "client_ip": client_ip}
    try:
        async with upstreams.session("ambassadors").post(
            url, json=payload, headers=headers
        ) as resp:
            return await _interpret(resp)
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise ServiceUnavailable(
            "Signing in is unavailable right now (the ambassadors service does not answer).",
            headers={"Retry-After": "5"},
        ) from exc


async def _interpret(resp: aiohttp.ClientResponse) -> CheckedUser:
    if resp.status == 200:
        body = await resp.json(content_type=None)
        return CheckedUser(user_id=str(body["user_id"]), roles=[str(r) for r in body["roles"]])
    if resp.status in (401, 422):  # 422: e.g. a password longer than any valid one
        raise Unauthorized(BAD_CREDENTIALS)
    if resp.status == 429:
        retry = resp.headers.get("Retry-After", "60")
        raise TooManyRequests(
            "Too many sign-in attempts; please wait before trying again.",
            headers={"Retry-After": retry},
        )
    error = ProblemError("Signing in failed on our side; please try again later.")
    error.status, error.code = 502, "bad-gateway"
    raise error
