"""python -m relais_gateway: serve the gateway on RELAIS_HOST:RELAIS_PORT."""

from __future__ import annotations

import uvicorn

from relais_gateway.config import GatewaySettings
from relais_gateway.main import create_app


def main() -> None:
    settings = GatewaySettings()
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log=False,  # the gateway writes its own JSON access log
        server_header=False,
        proxy_headers=False,
        log_config=None,
    )


if __name__ == "__main__":
    main()
