"""Every route of the app, for anonymous, an ambassador, another ambassador and an admin.

A new route without an entry in ACCESS fails :func:`test_every_route_has_an_entry`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from ambassadors_factories import charter, department, person, service_headers, theme
from ambassadors_network_factories import member, network
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from relais_ambassadors.config import Settings
from relais_ambassadors.main import create_app

# public: anyone; user: any signed-in person; owner: only the owner (others get 404);
# verified: a signed-in person whose e-mail address is confirmed (an unconfirmed one gets 403);
# admin: core team; service: other Relais services only; docs: FastAPI's own pages.
# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed

ACCESS: dict[tuple[str, str], str] = {
    ("GET", "/openapi.json"): "docs",
    ("GET", "/docs"): "docs",
    ("GET", "/docs/oauth2-redirect"): "docs",
    ("GET", "/redoc"): "docs",
    ("GET", "/livez"): "public",
    ("GET", "/readyz"): "public",
    ("POST", "/signup"): "public",
    ("POST", "/email-verifications/{token}"): "public",
    ("POST", "/me/email-verification"): "user",
    ("POST", "/password-resets"): "public",
    ("GET", "/password-resets/{token}"): "public",
    ("POST", "/password-resets/{token}"): "public",
    ("PUT", "/me/password"): "user",
    ("POST", "/me/sessions/revoke"): "user",
    ("GET", "/me"): "user",
    ("PATCH", "/me"): "user",
    ("DELETE", "/me"): "user",
    ("GET", "/charters/current"): "user",
    ("GET", "/charters"): "admin",
    ("POST", "/charters"): "admin",
    ("POST", "/charters/preview"): "admin",
    ("POST", "/me/charter-acceptance"): "user",
    ("GET", "/platforms"): "public",
    ("POST", "/accounts/preview"): "user",
    ("GET", "/me/accounts"): "user",
    ("POST", "/me/accounts"): "user",
    ("DELETE", "/me/accounts/{account_id}"): "owner",
    ("PUT", "/me/accounts/{account_id}/consent"): "owner",
    ("PUT", "/me/accounts/{account_id}/posts"): "owner",
    ("GET", "/me/consents"): "user",
    ("PUT", "/me/listing"): "user",
    ("GET", "/me/export"): "user",
    ("GET", "/directory"): "verified",
    ("GET", "/themes"): "user",
    ("GET", "/themes/{theme_id}"): "user",
    ("POST", "/themes"): "admin",
    ("PATCH", "/themes/{theme_id}"): "admin",
    ("POST", "/themes/{theme_id}/merge"): "admin",
    ("POST", "/themes/{theme_id}/archive"): "admin",
    ("GET", "/departments"): "user",
    ("GET", "/departments/{department_id}"): "user",
    ("POST", "/departments"): "admin",
    ("PATCH", "/departments/{department_id}"): "admin",
    ("POST", "/departments/{department_id}/merge"): "admin",
    ("POST", "/departments/{department_id}/archive"): "admin",
    ("POST", "/invitations"): "admin",
    ("GET", "/invitations"): "admin",
    ("POST", "/invitations/import"): "admin",
    ("POST", "/invitations/{invitation_id}/revoke"): "admin",
    ("POST", "/invitations/{invitation_id}/resend"): "admin",
    ("GET", "/invitations/{token}"): "public",
    ("POST", "/invitations/{token}/accept"): "public",
    ("GET", "/admin/moderation"): "admin",
    ("POST", "/admin/moderation/{ambassador_id}/approve"): "admin",
    ("POST", "/admin/moderation/{ambassador_id}/reject"): "admin",
    ("GET", "/admin/moderation/count"): "admin",
    ("POST", "/admin/moderation/bulk"): "admin",
    ("GET", "/admin/moderation/policy"): "admin",
    ("PUT", "/admin/moderation/policy"): "admin",
    ("GET", "/admin/ambassadors"): "admin",
    ("POST", "/admin/ambassadors/{ambassador_id}/suspend"): "admin",
    ("POST", "/admin/ambassadors/{ambassador_id}/reinstate"): "admin",
    ("PUT", "/admin/ambassadors/{ambassador_id}/roles"): "admin",
    ("GET", "/admin/mailbox"): "admin",
    ("POST", "/internal/auth/check"): "service",
    ("GET", "/internal/identities/{user_id}"): "service",
    ("GET", "/internal/events"): "service",
    # networks: {slug} is network A; its chair, a committee member and "ambassador" (a member)
    # belong to it, "other" does not, and the chair of network B has no role in A.
    ("GET", "/networks"): "verified",
    ("POST", "/networks"): "admin",
    ("GET", "/networks/{slug}"): "net-visible",
    ("PATCH", "/networks/{slug}"): "net-admin",
    ("POST", "/networks/{slug}/archive"): "net-admin",
    ("PUT", "/networks/{slug}/chair"): "net-admin",
    ("GET", "/networks/{slug}/members"): "net-member",
    ("POST", "/networks/{slug}/join"): "net-visible",
    ("POST", "/networks/{slug}/leave"): "net-member",
    ("GET", "/networks/{slug}/requests"): "net-committee",
    ("POST", "/networks/{slug}/requests/{ambassador_id}/accept"): "net-committee",
    ("POST", "/networks/{slug}/requests/{ambassador_id}/decline"): "net-committee",
    ("GET", "/networks/{slug}/invitations"): "net-committee",
    ("POST", "/networks/{slug}/invitations"): "net-committee",
    ("DELETE", "/networks/{slug}/invitations/{ambassador_id}"): "net-committee",
    ("POST", "/networks/{slug}/invitation/accept"): "net-visible",
    ("POST", "/networks/{slug}/invitation/decline"): "net-visible",
    ("PUT", "/networks/{slug}/members/{ambassador_id}/role"): "net-chair",
    ("DELETE", "/networks/{slug}/members/{ambassador_id}"): "net-committee",
    ("GET", "/networks/{slug}/suggestions"): "net-committee",
    ("GET", "/networks/{slug}/externals"): "net-member",
    ("POST", "/networks/{slug}/externals"): "net-committee",
    ("GET", "/networks/{slug}/externals/{external_id}"): "net-member",
    ("PATCH", "/networks/{slug}/externals/{external_id}"): "net-committee",
    ("DELETE", "/networks/{slug}/externals/{external_id}"): "net-committee",
    ("POST", "/networks/{slug}/externals/{external_id}/consent"): "net-committee",
    ("GET", "/networks/{slug}/cycle"): "net-member",
    ("PUT", "/networks/{slug}/cycle/phase"): "net-committee",
    ("POST", "/networks/{slug}/cycle/notes"): "net-committee",
    ("DELETE", "/networks/{slug}/cycle/notes/{note_id}"): "net-committee",
    ("GET", "/presence"): "verified",
    ("GET", "/networks/{slug}/presence"): "net-member",
    ("GET", "/networks/{slug}/platform-recommendation"): "net-member",
    ("GET", "/networks/{slug}/history"): "net-committee",
}


# Owner checks happen in the service, after the body is validated: send a valid one.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PUT", "/me/accounts/{account_id}/consent"): {"public": False},
    ("PUT", "/me/accounts/{account_id}/posts"): {"public": False},
    ("POST", "/admin/ambassadors/{ambassador_id}/suspend"): {"reason": "Tests"},
    ("PUT", "/me/password"): {"current_password": "not-it", "new_password": "a-new-passphrase"},
    ("PUT", "/networks/{slug}/chair"): {"ambassador_id": "no-such-person"},
    ("POST", "/networks/{slug}/externals"): {"kind": "client", "name": "Acme"},
    ("POST", "/networks/{slug}/externals/{external_id}/consent"): {"granted": True},
    ("PUT", "/networks/{slug}/cycle/phase"): {"phase": "education"},
    ("POST", "/networks/{slug}/cycle/notes"): {
        "phase": "action",
        "note_date": "2026-12-01",
        "body": "First workshop.",
    },
    ("POST", "/networks/{slug}/invitations"): {"ambassador_id": "no-such-person"},
    ("PUT", "/networks/{slug}/members/{ambassador_id}/role"): {"role": "committee"},
}
# network-scoped kinds: who may (the others get 403; anonymous and services 401)
NETWORK_KINDS: dict[str, tuple[str, ...]] = {
    "net-visible": ("other", "chair_b", "ambassador", "committee_a", "chair_a", "admin"),
    "net-member": ("ambassador", "committee_a", "chair_a", "admin"),
    "net-committee": ("committee_a", "chair_a", "admin"),
    "net-chair": ("chair_a", "admin"),
    "net-admin": ("admin",),
}


def app_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    for route in iter_route_contexts(app.routes):
        for method in route.methods or ():
            if method != "HEAD" and route.path:
                yield method, route.path


def test_every_route_has_an_entry(database_url: str) -> None:
    app = create_app(
        Settings(database_url=database_url, run_workers=False, password_hashing="fast")
    )
    assert sorted(set(app_routes(app))) == sorted(ACCESS)
    app.state.engine.dispose()


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> dict[str, Any]:
    charter(app)
    owner = person(app)
    other = person(app)
    admin = person(app, admin=True)
    unverified = person(app, verified=False)
    chair_a, committee_a, chair_b = person(app), person(app), person(app)
    slug = network(app, "Network A", chair_id=chair_a.id, visibility="request")
    network(app, "Network B", chair_id=chair_b.id, visibility="invitation")
    member(app, slug, committee_a.id, "committee")
    member(app, slug, owner.id)
    account = client.post(
        "/me/accounts", json={"platform": "github", "value": "octo"}, headers=owner.headers
    ).json()
    return {
        "people": {
            "ambassador": owner.headers,
            "other": other.headers,
            "admin": admin.headers,
            "unverified": unverified.headers,
            "chair_a": chair_a.headers,
            "committee_a": committee_a.headers,
            "chair_b": chair_b.headers,
        },
        "ids": {
            "account_id": account["id"],
            "theme_id": theme(app, "Cloud"),
            "department_id": department(app, "R&D"),
            "ambassador_id": owner.id,
            "user_id": owner.id,
            "token": "no-such-token",
            "invitation_id": "no-such-invitation",
            "slug": slug,
            "external_id": "no-such-external",
            "note_id": "no-such-note",
        },
    }


def statuses(
    client: TestClient, method: str, path: str, body: dict[str, Any], people: dict[str, Any]
) -> dict[str, int]:
    # the owner goes last: a successful DELETE must not hide the others' answers
    callers = {"anonymous": {}, "service": service_headers(), "other": people["other"]}
    callers |= {"unverified": people["unverified"]}
    callers |= {"admin": people["admin"], "ambassador": people["ambassador"]}
    return {
        name: client.request(method, path, json=body, headers=headers).status_code
        for name, headers in callers.items()
    }


def network_statuses(
    client: TestClient, method: str, path: str, body: dict[str, Any], kind: str, people: Any
) -> dict[str, int]:
    """Those who may not go first, then those who may (a DELETE that worked hides nothing)."""
    allowed = NETWORK_KINDS[kind]
    everyone = ("other", "unverified", "chair_b", "ambassador", "committee_a", "chair_a", "admin")
    order = [p for p in everyone if p not in allowed] + list(allowed)
    callers = {"anonymous": {}, "service": service_headers()} | {p: people[p] for p in order}
    return {
        name: client.request(method, path, json=body, headers=headers).status_code
        for name, headers in callers.items()
    }


@pytest.mark.parametrize(
    ("method", "template"), sorted(k for k, v in ACCESS.items() if v in NETWORK_KINDS)
)
def test_network_access(
    client: TestClient, world: dict[str, Any], method: str, template: str
) -> None:
    kind = ACCESS[(method, template)]
    path = template.format(**world["ids"])
    body = BODIES.get((method, template), {})
    got = network_statuses(client, method, path, body, kind, world["people"])
    assert not {name: s for name, s in got.items() if s >= 500}, got
    assert (got["anonymous"], got["service"], got["unverified"]) == (401, 401, 403), got
    for name, status in got.items():
        if name in NETWORK_KINDS[kind]:
            assert status not in {401, 403}, (name, got)
        elif name not in ("anonymous", "service", "unverified"):
            assert status == 403, (name, got)


@pytest.mark.parametrize(
    ("method", "template"), sorted(k for k, v in ACCESS.items() if v not in NETWORK_KINDS)
)
def test_access(client: TestClient, world: dict[str, Any], method: str, template: str) -> None:
    kind = ACCESS[(method, template)]
    path = template.format(**world["ids"])
    body = BODIES.get((method, template), {})
    got = statuses(client, method, path, body, world["people"])
    anonymous, as_service = got["anonymous"], got["service"]
    as_owner, as_other, as_admin = got["ambassador"], got["other"], got["admin"]
    denied = {401, 403}
    failed = {name: status for name, status in got.items() if status >= 500}
    assert not failed, f"server errors: {failed}"  # a 500 is never an acceptable answer
    if kind in ("public", "docs"):
        assert anonymous not in denied
    elif kind == "user":
        assert anonymous == 401
        assert {as_owner, as_other, as_admin, got["unverified"]}.isdisjoint(denied)
        assert as_service == 401
    elif kind == "verified":
        assert anonymous == 401
        assert got["unverified"] == 403
        assert {as_owner, as_other, as_admin}.isdisjoint(denied)
        assert as_service == 401
    elif kind == "owner":
        assert anonymous == 401
        assert as_other == 404
        assert as_admin == 404  # accounts belong to their owner, not to the core team
        assert as_owner not in denied | {404}
    elif kind == "admin":
        assert anonymous == 401
        assert got["unverified"] == 403
        assert as_owner == 403
        assert as_other == 403
        assert as_admin not in denied
    elif kind == "service":
        assert anonymous == 401
        assert (as_owner, as_other, as_admin) == (401, 401, 401)
        assert as_service not in denied
    else:
        pytest.fail(f"unknown access kind {kind}")
