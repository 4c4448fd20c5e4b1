"""python -m relais_gateway: serve the gateway on RELAIS_HOST:RELAIS_PORT."""

from __future__ import annotations

import gc

import uvicorn

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
    config = server_config(GatewaySettings())
    # What start-up made (modules, routes, settings: ~80,000 objects) is kept out of every later
    # full garbage collection, which scanned them all: 130-300 ms each on a loaded machine,
    # a pause for every connection at once. Here only: tests build many apps in one process.
    gc.collect()
    gc.freeze()
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main()
