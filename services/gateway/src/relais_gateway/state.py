"""What the gateway's endpoints share, kept on app.state.gateway."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from relais_gateway.config import GatewaySettings
from relais_gateway.standing import Standings
from relais_gateway.upstreams import Upstreams


@dataclass
class Gateway:
    settings: GatewaySettings
    upstreams: Upstreams
    standings: Standings
    openapi_at: float = float("-inf")
    openapi_document: dict[str, Any] | None = None


def gateway_of(request: Request) -> Gateway:
    gateway: Gateway = request.app.state.gateway
    return gateway
