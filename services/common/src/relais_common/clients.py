"""Typed httpx clients for low-volume calls to another service's API."""

from __future__ import annotations

from typing import Any

import httpx

from relais_common.auth import IDENTITY_HEADER, service_token


class ServiceClient:
    """Calls another service's /internal API as a service."""

    def __init__(
        self,
        base_url: str,
        *,
        secret: str,
        caller: str,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 5.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.secret = secret
        self.caller = caller
        self.transport = transport
        self.timeout = timeout

    def _headers(self) -> dict[str, str]:
        return {IDENTITY_HEADER: service_token(self.secret, self.caller)}

    async def get_json(self, path: str, **params: Any) -> Any:
        async with httpx.AsyncClient(
            base_url=self.base_url, transport=self.transport, timeout=self.timeout
        ) as client:
            resp = await client.get(path, params=params, headers=self._headers())
            resp.raise_for_status()
            return resp.json()
