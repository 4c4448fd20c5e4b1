"""The same no-I/O endpoint twice, `async def` and `def`, behind Relais's identity check.

Served by thread_hop_bench.py to measure what FastAPI's threadpool hop costs.
"""

from __future__ import annotations

import os
from types import SimpleNamespace

from fastapi import FastAPI
from relais_common.auth import CurrentUser


def create_app() -> FastAPI:
    app = FastAPI()
    app.state.settings = SimpleNamespace(internal_secret=os.environ["RELAIS_INTERNAL_SECRET"])

    @app.get("/async")
    async def on_the_loop(user: CurrentUser) -> dict[str, str]:
        return {"user_id": user.user_id}

    @app.get("/sync")
    def in_the_threadpool(user: CurrentUser) -> dict[str, str]:
        return {"user_id": user.user_id}

    return app
