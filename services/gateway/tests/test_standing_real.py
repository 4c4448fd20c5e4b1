"""The standing check end to end: the real ambassadors (migrated SQLite) and the real editorial,
both served by uvicorn behind the gateway. A session cookie that was valid is refused by
editorial's route once its person signs out everywhere, is suspended or is erased."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.config import Settings as AmbassadorsSettings
from relais_ambassadors.main import create_app as create_ambassadors
from relais_ambassadors.models import Ambassador
from relais_common.migrations import upgrade
from relais_common.testing import TEST_SECRET
from relais_editorial.config import Settings as EditorialSettings
from relais_editorial.main import create_app as create_editorial
from sqlalchemy import delete, update

from .upstream import migrated_sqlite, serve

SERVICES = Path(__file__).resolve().parents[2]
EMAIL, PASSWORD = "lea@example.com", "a long enough password"


@pytest.fixture
def real_client(make_client: Callable[..., TestClient], tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'ambassadors.db'}"
    upgrade(SERVICES / "ambassadors", url)
    ambassadors = create_ambassadors(
        AmbassadorsSettings(
            database_url=url,
            internal_secret=TEST_SECRET,
            env="test",
            run_workers=False,
            password_hashing="fast",
            var_dir=tmp_path,
        )
    )
    with ambassadors.state.sessionmaker.begin() as session:
        create_account(session, email=EMAIL, password=PASSWORD, display_name="Léa", verified=True)
    editorial = create_editorial(
        EditorialSettings(
            database_url=migrated_sqlite("editorial", tmp_path),
            internal_secret=TEST_SECRET,
            env="test",
            run_workers=False,
        )
    )
    with serve(ambassadors) as ambassadors_url, serve(editorial) as editorial_url:
        client = make_client(ambassadors_url=ambassadors_url, editorial_url=editorial_url)
        client.app.state.ambassadors = ambassadors  # type: ignore[attr-defined]
        yield client
    ambassadors.state.engine.dispose()


def sign_in(client: TestClient) -> str:
    resp = client.post("/api/auth/login", json={"email": EMAIL, "password": PASSWORD})
    assert resp.status_code == 200, resp.text
    return str(resp.json()["csrf_token"])


def ambassadors_of(client: TestClient) -> FastAPI:
    app: FastAPI = client.app.state.ambassadors  # type: ignore[attr-defined]
    return app


def test_sign_out_everywhere_reaches_editorial(real_client: TestClient) -> None:
    csrf = sign_in(real_client)
    assert real_client.get("/api/editorial/me/export").status_code == 200
    revoke = real_client.post("/api/ambassadors/me/sessions/revoke", headers={"X-CSRF-Token": csrf})
    assert revoke.status_code == 204
    refused = real_client.get("/api/editorial/me/export")
    assert refused.status_code == 401
    assert "password was changed" in refused.json()["detail"]


@pytest.mark.parametrize("how", ["suspended", "erased"])
def test_suspension_and_erasure_reach_editorial(real_client: TestClient, how: str) -> None:
    sign_in(real_client)
    assert real_client.get("/api/editorial/me/export").status_code == 200
    with ambassadors_of(real_client).state.sessionmaker.begin() as session:
        if how == "suspended":
            session.execute(
                update(Ambassador)
                .where(Ambassador.email == EMAIL)
                .values(suspended_at=datetime.now(UTC))
            )
        else:  # what an erasure leaves: no row
            session.execute(delete(Ambassador).where(Ambassador.email == EMAIL))
    assert real_client.get("/api/editorial/me/export").status_code == 401
    assert real_client.get("/api/ambassadors/me").status_code == 401
    assert real_client.get("/api/auth/session").status_code == 401
