"""Who may call what: one row per route; a new route without a row fails this test.

Routes about a network are called by a cast across two networks (editorial_factories.WHO):
the core team, chair/committee/member of network A, member and chair of network B, an
ambassador in no network, an unverified person, nobody, and a service.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from editorial_factories import WHO, make_world, network_changed, seed_network_a
from extras_access import EXTRAS_TABLE
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.pytest_plugin import (
    DOCS,
    PUBLIC,
    SIGNED_IN,
    AccessTable,
    assert_answer,
    assert_table_covers_every_route,
    callers,
)
from relais_common.routing import undeclared_routes

TABLE: AccessTable = {
    ("GET", "/me/export"): ("/me/export", SIGNED_IN),
    # no body: a signed-in caller passes the check and gets 422
    ("POST", "/text-length"): ("/text-length", {**SIGNED_IN, "ambassador": 422, "admin": 422}),
    ("GET", "/livez"): ("/livez", PUBLIC),
    ("GET", "/readyz"): ("/readyz", PUBLIC),
    **DOCS,
}
CALLERS = callers("aggregator")


def allowed(who: set[str], ok: int, *, unverified: int = 403) -> Mapping[str, int]:
    """``ok`` for the callers in ``who``; the others get what their standing gives them."""
    base = {"anonymous": 401, "service": 401, "unverified": unverified}
    return {w: ok if w in who else base.get(w, 403) for w in WHO}


VERIFIED = {"admin", "chair_a", "committee_a", "member_a", "member_b", "chair_b", "outsider"}
READ_A = {"admin", "chair_a", "committee_a", "member_a"}
COMMITTEE_A = {"chair_a", "committee_a"}
CHAIR_A = {"chair_a"}
A = "/networks/cloud-security"
ENTRY = "/networks/{slug}/entries/{entry_id}"
GRID = "/networks/{slug}/grids/{grid_id}"
VARIANT = "/networks/{slug}/variants/{variant_id}"

# (method, template) -> (path, JSON body or None, expected status per caller). Writes send
# a body that cannot pass validation, or no If-Match: an allowed caller gets 422 or 428 and
# nothing changes; a refused one gets 401/403 before the body is even read.
NETWORK_TABLE: dict[tuple[str, str], tuple[str, object, Mapping[str, int]]] = {
    ("GET", "/networks"): ("/networks", None, allowed(VERIFIED, 200)),
    ("GET", "/networks/{slug}"): (A, None, allowed(READ_A, 200)),
    ("GET", "/networks/{slug}/members"): (f"{A}/members", None, allowed(READ_A, 200)),
    ("GET", "/networks/{slug}/settings"): (f"{A}/settings", None, allowed(READ_A, 200)),
    ("PUT", "/networks/{slug}/settings"): (f"{A}/settings", {}, allowed(CHAIR_A, 422)),
    ("GET", "/networks/{slug}/calendar"): (
        f"{A}/calendar?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z",
        None,
        allowed(READ_A, 200),
    ),
    ("GET", "/networks/{slug}/entries"): (f"{A}/entries", None, allowed(READ_A, 200)),
    ("POST", "/networks/{slug}/entries"): (f"{A}/entries", {}, allowed(COMMITTEE_A, 422)),
    ("GET", ENTRY): (f"{A}/entries/{{entry}}", None, allowed(READ_A, 200)),
    ("PATCH", ENTRY): (f"{A}/entries/{{entry}}", {}, allowed(COMMITTEE_A, 428)),
    ("DELETE", ENTRY): (f"{A}/entries/{{entry}}", None, allowed(COMMITTEE_A, 428)),
    ("POST", f"{ENTRY}/reschedule"): (
        f"{A}/entries/{{entry}}/reschedule",
        {},
        allowed(COMMITTEE_A, 422),
    ),
    ("GET", "/networks/{slug}/path"): (f"{A}/path", None, allowed(READ_A, 200)),
    ("PUT", "/networks/{slug}/path"): (f"{A}/path", {}, allowed(COMMITTEE_A, 422)),
    ("GET", f"{ENTRY}/grids"): (f"{A}/entries/{{entry}}/grids", None, allowed(READ_A, 200)),
    ("POST", f"{ENTRY}/grids"): (f"{A}/entries/{{entry}}/grids", {}, allowed(COMMITTEE_A, 422)),
    ("GET", GRID): (f"{A}/grids/{{grid}}", None, allowed(READ_A, 200)),
    ("PATCH", GRID): (f"{A}/grids/{{grid}}", {}, allowed(COMMITTEE_A, 428)),
    ("POST", f"{GRID}/variants"): (f"{A}/grids/{{grid}}/variants", {}, allowed(COMMITTEE_A, 422)),
    ("PATCH", VARIANT): (f"{A}/variants/{{variant}}", {}, allowed(COMMITTEE_A, 428)),
    ("DELETE", VARIANT): (f"{A}/variants/{{variant}}", None, allowed(COMMITTEE_A, 428)),
    ("POST", f"{GRID}/submit"): (f"{A}/grids/{{grid}}/submit", {}, allowed(COMMITTEE_A, 428)),
    ("POST", f"{GRID}/approve"): (f"{A}/grids/{{grid}}/approve", {}, allowed(COMMITTEE_A, 428)),
    ("POST", f"{GRID}/request-changes"): (
        f"{A}/grids/{{grid}}/request-changes",
        {},
        allowed(COMMITTEE_A, 422),
    ),
    ("POST", f"{GRID}/publish"): (f"{A}/grids/{{grid}}/publish", {}, allowed(CHAIR_A, 428)),
    ("POST", f"{GRID}/archive"): (f"{A}/grids/{{grid}}/archive", {}, allowed(CHAIR_A, 428)),
    ("GET", f"{GRID}/history"): (f"{A}/grids/{{grid}}/history", None, allowed(READ_A, 200)),
    ("GET", f"{GRID}/comments"): (f"{A}/grids/{{grid}}/comments", None, allowed(READ_A, 200)),
    ("POST", f"{GRID}/comments"): (f"{A}/grids/{{grid}}/comments", {}, allowed(COMMITTEE_A, 422)),
    ("GET", "/reviews/queue"): ("/reviews/queue", None, allowed(VERIFIED, 200)),
    **EXTRAS_TABLE,  # contributions, briefs, feeds, previews, import/export (extras_access.py)
}


def test_every_route_has_an_entry(app: FastAPI) -> None:
    assert_table_covers_every_route(app, {**TABLE, **NETWORK_TABLE})  # type: ignore[dict-item]


def test_every_route_checks_its_caller_or_is_declared_public(app: FastAPI) -> None:
    assert undeclared_routes(app) == []


@pytest.mark.parametrize("route", sorted(TABLE), ids=lambda r: f"{r[0]} {r[1]}")
@pytest.mark.parametrize("caller", sorted(CALLERS))
def test_route_answers_each_caller_as_the_table_says(
    client: TestClient, route: tuple[str, str], caller: str
) -> None:
    path, expected = TABLE[route]
    resp = client.request(route[0], path, headers=CALLERS[caller]())
    assert_answer(resp, expected[caller], caller)


@pytest.mark.parametrize("route", sorted(NETWORK_TABLE), ids=lambda r: f"{r[0]} {r[1]}")
def test_network_route_answers_each_caller_as_the_table_says(
    app: FastAPI, client: TestClient, route: tuple[str, str]
) -> None:
    world = make_world(app, client)
    seed_network_a(world)
    template, body, expected = NETWORK_TABLE[route]
    path = template.format(**world.ids) if "{" in template else template  # ids of seeded rows
    for who in WHO:
        kwargs: dict[str, object] = {} if body is None else {"json": body}
        resp = client.request(route[0], path, headers=world.headers(who), **kwargs)  # type: ignore[arg-type]
        assert_answer(resp, expected[who], who)


OUTSIDERS_A = {"member_b", "chair_b", "outsider"}


def hidden_network_answers(route: tuple[str, str]) -> Mapping[str, int]:
    """Network A invitation-only: its outsiders get 404 (no hint it exists) where they got 403
    or an answer on the open network; the core team still sees it but suggests nothing (403)."""
    _, _, expected = NETWORK_TABLE[route]
    answers = {w: 404 if w in OUTSIDERS_A else s for w, s in expected.items()}
    if route == ("POST", "/networks/{slug}/contributions"):
        answers["admin"] = 403
    return answers


ABOUT_A = sorted(r for r in NETWORK_TABLE if r[1].startswith("/networks/{slug}"))


@pytest.mark.parametrize("route", ABOUT_A, ids=lambda r: f"{r[0]} {r[1]}")
def test_an_invitation_only_network_is_hidden_from_outsiders_only(
    app: FastAPI, client: TestClient, route: tuple[str, str]
) -> None:
    world = make_world(app, client)
    seed_network_a(world)
    network_changed(app, "net-a", "cloud-security", name="Cloud security", visibility="invitation")
    template, body, _ = NETWORK_TABLE[route]
    path = template.format(**world.ids) if "{" in template else template
    expected = hidden_network_answers(route)
    for who in WHO:
        kwargs: dict[str, object] = {} if body is None else {"json": body}
        resp = client.request(route[0], path, headers=world.headers(who), **kwargs)  # type: ignore[arg-type]
        assert_answer(resp, expected[who], who)
        if expected[who] == 404 and who in OUTSIDERS_A:
            assert "cloud-security" in resp.json()["detail"], "the same 404 as an unknown network"
