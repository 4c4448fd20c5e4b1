"""python -m relais_gateway: serve the gateway on RELAIS_HOST:RELAIS_PORT."""

from __future__ import annotations

import uvicorn
from relais_common.memory import freeze_startup_objects

from relais_gateway.config import GatewaySettings
from relais_gateway.edge import header_deadline_protocol
from relais_gateway.main import create_app


def server_config(settings: GatewaySettings) -> uvicorn.Config:
    """How the gateway is served (the tests serve it the same way)."""
    protocol = header_deadline_protocol(settings.body_timeout)
    return uvicorn.Config(
        create_app(settings),
        http=protocol or "auto",
        host=settings.host,
        port=settings.port,
        access_log=False,  # the gateway writes its own JSON access log
        server_header=False,
        proxy_headers=False,
        log_config=None,
        limit_concurrency=settings.max_connections,  # beyond: 503 and the connection closed
        timeout_keep_alive=settings.keepalive_seconds,
    )


def main() -> None:
    settings = GatewaySettings()
    config = server_config(settings)
    freeze_startup_objects(settings)  # after the app is built (server_config made it)
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main()
