"""Admins hide or pin an item and keep a keyword blocklist; every output follows at once."""

from __future__ import annotations

from aggregator_factories import Feed
from fastapi import FastAPI
from fastapi.testclient import TestClient
from planet_factories import planet, post
from relais_common.pytest_plugin import callers

ADMIN = callers("editorial")["admin"]
AMBASSADOR = callers("editorial")["ambassador"]
OUTPUTS = ("/", "/themes/cloud-security", "/people/ada-lovelace-p1", "/feeds/planet.atom",
           "/feeds/planet.json", "/public/posts", "/widget/cloud-security")  # fmt: skip


def shown_in(client: TestClient, needle: str) -> list[str]:
    return [path for path in OUTPUTS if needle in client.get(path).text]


def test_hiding_an_item_removes_it_from_every_output(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    item_id = post(app, "p1", "Unfortunate post")
    assert shown_in(client, "Unfortunate post") == list(OUTPUTS)
    path = f"/admin/planet/items/{item_id}"
    read = client.get(path, headers=ADMIN())
    assert read.json()["hidden_by_admin"] is False
    body = {"hidden": True, "pinned": False}
    assert client.put(path, json=body, headers=ADMIN()).status_code == 428  # no If-Match
    stale = client.put(path, json=body, headers={**ADMIN(), "If-Match": '"x.9"'})
    assert stale.status_code == 412
    done = client.put(path, json=body, headers={**ADMIN(), "If-Match": read.headers["etag"]})
    assert done.status_code == 200 and done.json()["hidden_by_admin"] is True
    assert done.headers["etag"] != read.headers["etag"]
    assert shown_in(client, "Unfortunate post") == []  # re-rendered after the commit
    assert client.put(path, json=body, headers={**AMBASSADOR(), "If-Match": "*"}).status_code == 403


def test_pinning_puts_an_item_first(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    old = post(app, "p1", "Old announcement", age_hours=50)
    post(app, "p2", "Fresh post", age_hours=1)
    html = client.get("/").text
    assert html.index("Fresh post") < html.index("Old announcement")
    body = {"hidden": False, "pinned": True}
    resp = client.put(f"/admin/planet/items/{old}", json=body, headers={**ADMIN(), "If-Match": "*"})
    assert resp.status_code == 200
    html = client.get("/").text
    assert html.index("Old announcement") < html.index("Fresh post")
    assert "Pinned" in html


def test_blocklist_hides_matching_posts_everywhere(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Our casino partnership")
    post(app, "p2", "Occasional thoughts")  # "casino" only inside a word: stays
    read = client.get("/admin/planet/blocklist", headers=ADMIN())
    assert read.json() == {"keywords": []}
    body = {"keywords": ["  Casino ", "casino", "gambling"]}
    assert client.put("/admin/planet/blocklist", json=body, headers=ADMIN()).status_code == 428
    resp = client.put(
        "/admin/planet/blocklist", json=body, headers={**ADMIN(), "If-Match": read.headers["etag"]}
    )
    assert resp.status_code == 200 and resp.json() == {"keywords": ["casino", "gambling"]}
    again = client.put(
        "/admin/planet/blocklist", json=body, headers={**ADMIN(), "If-Match": read.headers["etag"]}
    )
    assert again.status_code == 412  # someone changed it since
    assert shown_in(client, "casino partnership") == []
    assert "Occasional thoughts" in client.get("/").text


def test_another_replica_sees_moderation_at_its_next_tick(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    item_id = post(app, "p1", "Soon hidden")
    renders = app.state.pages.render_count
    assert app.state.pages.refresh() is False  # nothing moved
    body = {"hidden": True, "pinned": False}
    client.put(f"/admin/planet/items/{item_id}", json=body, headers={**ADMIN(), "If-Match": "*"})
    assert app.state.pages.render_count == renders + 1  # the fingerprint moved once


def test_bad_input_is_refused(app: FastAPI, client: TestClient) -> None:
    too_short = {"keywords": ["a"]}
    resp = client.put(
        "/admin/planet/blocklist", json=too_short, headers={**ADMIN(), "If-Match": "*"}
    )
    assert resp.status_code == 422
    extra = {"hidden": True, "pinned": False, "evil": 1}
    assert client.put("/admin/planet/items/x", json=extra, headers=ADMIN()).status_code == 422
    assert client.get("/admin/planet/items?limit=0", headers=ADMIN()).status_code == 422
    page = client.get("/admin/planet/items", headers=ADMIN())
    assert page.status_code == 200 and page.json() == {"items": [], "next_cursor": None}
