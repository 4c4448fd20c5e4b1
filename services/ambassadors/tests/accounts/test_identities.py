"""GET /internal/identities/{user_id}: the standing the gateway checks on every request."""

from __future__ import annotations

import time

from ambassadors_factories import person, service_headers
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.models import Ambassador
from relais_common.testing import identity_headers
from sqlalchemy import delete


def standing(client: TestClient, user_id: str) -> tuple[int, dict[str, object]]:
    resp = client.get(f"/internal/identities/{user_id}", headers=service_headers())
    return resp.status_code, resp.json()


class TestIdentityStatus:
    def test_an_active_person(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app, admin=True)
        status, body = standing(client, jane.id)
        assert status == 200
        assert body["user_id"] == jane.id and body["active"] is True
        assert "admin" in body["roles"]  # auth_roles(), the roles a sign-in would carry
        assert body["sessions_revoked_at_ms"] is None

    def test_signed_out_everywhere(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app)
        before_ms = time.time_ns() // 1_000_000
        session = identity_headers(jane.id, {"ambassador"}, signed_in_ms=before_ms)
        assert client.post("/me/sessions/revoke", headers=session).status_code == 204
        status, body = standing(client, jane.id)
        assert status == 200
        revoked = body["sessions_revoked_at_ms"]
        assert isinstance(revoked, int) and revoked >= before_ms - 1

    def test_suspended(self, client: TestClient, app: FastAPI) -> None:
        jane, admin = person(app), person(app, admin=True)
        url = f"/admin/ambassadors/{jane.id}/suspend"
        assert client.post(url, json={"reason": "Spam"}, headers=admin.headers).status_code == 200
        status, body = standing(client, jane.id)
        assert (status, body["active"]) == (200, False)

    def test_erased_is_404(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app)
        with app.state.sessionmaker.begin() as session:  # what the erasure leaves: no row
            session.execute(delete(Ambassador).where(Ambassador.id == jane.id))
        status, body = standing(client, jane.id)
        assert status == 404
        assert body["status"] == 404  # problem+json

    def test_unknown_or_oversized_ids_are_refused_not_500(self, client: TestClient) -> None:
        assert standing(client, "00000000-0000-0000-0000-000000000000")[0] == 404
        assert standing(client, "x" * 65)[0] == 422

    def test_people_cannot_ask(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app)
        resp = client.get(f"/internal/identities/{jane.id}", headers=jane.headers)
        assert resp.status_code == 401
