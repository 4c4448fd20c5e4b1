"""The real ambassadors service, served by uvicorn on 127.0.0.1, feeding a real aggregator.

A person (signed up, address confirmed) adds a public account, asks to be listed and is
approved: the public page shows them; they withdraw, come back, then erase their account: the
page follows each step, and their e-mail never appears on it.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from aggregator_factories import make_settings, wait_for
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator.main import create_app
from relais_aggregator.models import Base
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.config import Settings as AmbassadorsSettings
from relais_ambassadors.main import create_app as create_ambassadors
from relais_common.migrations import upgrade
from relais_common.testing import TEST_SECRET, empty_tables, identity_headers, throwaway_database

AMBASSADORS_ROOT = Path(__file__).resolve().parents[3] / "ambassadors"
PASSWORD = "correct horse battery staple"
EMAIL = "ada.private@corp.example"


@pytest.fixture
def ambassadors(tmp_path: Path) -> Iterator[tuple[FastAPI, str]]:
    with throwaway_database("ambassadors_e2e", tmp_path) as url:
        upgrade(AMBASSADORS_ROOT, url)
        settings = AmbassadorsSettings(
            database_url=url,
            internal_secret=TEST_SECRET,
            env="test",
            run_workers=False,
            log_json=False,
            var_dir=tmp_path,
        )
        app = create_ambassadors(settings)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        wait_for(lambda: server.started, "the ambassadors service to start")
        yield app, f"http://127.0.0.1:{sock.getsockname()[1]}"
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        app.state.engine.dispose()


@pytest.fixture
def aggregator(database_url: str, ambassadors: tuple[FastAPI, str]) -> Iterator[TestClient]:
    _, url = ambassadors
    app = create_app(
        make_settings(database_url, ambassadors_url=url, event_poll_seconds=0.05, run_workers=True)
    )
    with TestClient(app) as client:
        yield client
    empty_tables(app.state.engine, Base.metadata)
    app.state.engine.dispose()


def admin_headers(app: FastAPI) -> dict[str, str]:
    with app.state.sessionmaker.begin() as session:
        admin = create_account(
            session,
            email="admin@corp.example",
            password=PASSWORD,
            display_name="Admin",
            is_admin=True,
        )
        return identity_headers(admin.id, {"admin", "ambassador"})


def ok(resp: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    return resp.json() if resp.content else {}


def test_publication_withdrawal_and_erasure_reach_the_public_page(
    ambassadors: tuple[FastAPI, str], aggregator: TestClient
) -> None:
    amb_app, url = ambassadors
    admin = admin_headers(amb_app)
    page: Callable[[], str] = lambda: aggregator.get("/people/").text  # noqa: E731
    with amb_app.state.sessionmaker.begin() as session:
        ada = create_account(
            session, email=EMAIL, password=PASSWORD, display_name="Ada Lovelace", locale="en",
            verified=True,
        )  # fmt: skip
        ada_id = ada.id
    with httpx.Client(base_url=url) as api:
        user = identity_headers(ada_id, {"ambassador"})
        etag = api.get("/me", headers=user).headers["etag"]
        ok(
            api.patch(
                "/me",
                json={"job_title": "Analyst", "languages": ["en", "fr"]},
                headers={**user, "If-Match": etag},
            )
        )
        ok(
            api.post(
                "/me/accounts",
                json={"platform": "github", "value": "ada-l", "public": True},
                headers=user,
            ),
            201,
        )
        ok(api.put("/me/listing", json={"public": True}, headers=user))
        assert "Ada Lovelace" not in page()  # waiting for moderation
        ok(api.post(f"/admin/moderation/{ada_id}/approve", headers=admin))
        wait_for(lambda: "Ada Lovelace" in page(), "the approved person to be listed")
        assert "Analyst" in page() and "GitHub: ada-l" in page()
        assert "corp.example" not in page() and "corp.example" not in aggregator.get("/public").text

        ok(api.put("/me/listing", json={"public": False}, headers=user))
        wait_for(lambda: "Ada Lovelace" not in page(), "the withdrawn person to go")

        # nothing changed since the approval: listed again without a new review
        ok(api.put("/me/listing", json={"public": True}, headers=user))
        wait_for(lambda: "Ada Lovelace" in page(), "the person to be listed again")

        ok(api.request("DELETE", "/me", json={"password": PASSWORD}, headers=user), 204)
        wait_for(lambda: "Ada Lovelace" not in page(), "the erased person to go")
        assert "ada-l" not in aggregator.get("/public").text
