"""Who may call what: one row per route; a new route without a row fails this test."""

from __future__ import annotations

import pytest
from aggregator_factories import Feed, apply
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

SIGNED_IN_404 = {**SIGNED_IN, "ambassador": 404, "admin": 404}
SIGNED_IN_422 = {**SIGNED_IN, "ambassador": 422, "admin": 422}
ADMIN = {**SIGNED_IN, "ambassador": 403}
ADMIN_404 = {**ADMIN, "admin": 404}
ADMIN_422 = {**ADMIN, "admin": 422}  # no body
NOT_FOUND = {"anonymous": 404, "service": 404, "ambassador": 404, "admin": 404}
TABLE: AccessTable = {
    ("GET", "/"): ("/", PUBLIC),
    ("GET", "/themes/{slug}"): ("/themes/cloud", PUBLIC),
    ("GET", "/public"): ("/public", PUBLIC),
    ("GET", "/public/themes/{slug}"): ("/public/themes/cloud", PUBLIC),
    ("GET", "/public/posts"): ("/public/posts", PUBLIC),
    ("GET", "/public/people/{slug}"): ("/public/people/ada-p1", PUBLIC),
    ("GET", "/people/"): ("/people/", PUBLIC),
    ("GET", "/people/{slug}"): ("/people/ada-p1", PUBLIC),
    ("GET", "/networks/{slug}"): ("/networks/none", NOT_FOUND),
    ("GET", "/feeds/planet.atom"): ("/feeds/planet.atom", PUBLIC),
    ("GET", "/feeds/planet.json"): ("/feeds/planet.json", PUBLIC),
    ("GET", "/feeds/themes/{slug}.atom"): ("/feeds/themes/cloud.atom", PUBLIC),
    ("GET", "/feeds/themes/{slug}.json"): ("/feeds/themes/cloud.json", PUBLIC),
    ("GET", "/feeds/networks/{slug}.atom"): ("/feeds/networks/none.atom", NOT_FOUND),
    ("GET", "/feeds/networks/{slug}.json"): ("/feeds/networks/none.json", NOT_FOUND),
    ("GET", "/opml/planet.opml"): ("/opml/planet.opml", PUBLIC),
    ("GET", "/opml/themes/{slug}.opml"): ("/opml/themes/cloud.opml", PUBLIC),
    ("GET", "/opml/themes/{slug}.csv"): ("/opml/themes/cloud.csv", PUBLIC),
    ("GET", "/widget/embed.js"): ("/widget/embed.js", PUBLIC),
    ("GET", "/widget/{slug}"): ("/widget/cloud", PUBLIC),
    ("GET", "/admin/planet/items"): ("/admin/planet/items", ADMIN),
    ("GET", "/admin/planet/items/{item_id}"): ("/admin/planet/items/nope", ADMIN_404),
    ("PUT", "/admin/planet/items/{item_id}"): ("/admin/planet/items/nope", ADMIN_422),
    ("GET", "/admin/planet/blocklist"): ("/admin/planet/blocklist", ADMIN),
    ("PUT", "/admin/planet/blocklist"): ("/admin/planet/blocklist", ADMIN_422),
    ("GET", "/livez"): ("/livez", PUBLIC),
    ("GET", "/readyz"): ("/readyz", PUBLIC),
    # Feeds (PLANET-FETCH): the owner is the identity's person; someone else's feed is a 404.
    ("GET", "/me/feeds"): ("/me/feeds", SIGNED_IN),
    ("PUT", "/me/feeds/{feed_id}/filters"): ("/me/feeds/nope/filters", SIGNED_IN_422),
    ("GET", "/me/feeds/{feed_id}/items"): ("/me/feeds/nope/items", SIGNED_IN_404),
    ("PUT", "/me/feeds/{feed_id}/items/{item_id}/hidden"): (
        "/me/feeds/nope/items/nope/hidden",
        SIGNED_IN_422,
    ),
    ("GET", "/admin/feeds"): ("/admin/feeds", ADMIN),
    ("GET", "/img/{token}"): ("/img/forged.token", NOT_FOUND),
    **DOCS,
}
CALLERS = callers("editorial")


def test_every_route_has_an_entry(app: FastAPI) -> None:
    assert_table_covers_every_route(app, TABLE)


def test_every_route_checks_its_caller_or_is_declared_public(app: FastAPI) -> None:
    assert undeclared_routes(app) == []


@pytest.mark.parametrize("route", sorted(TABLE), ids=lambda r: f"{r[0]} {r[1]}")
@pytest.mark.parametrize("caller", sorted(CALLERS))
def test_route_answers_each_caller_as_the_table_says(
    app: FastAPI, client: TestClient, feed: Feed, route: tuple[str, str], caller: str
) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada"))
    path, expected = TABLE[route]
    resp = client.request(route[0], path, headers=CALLERS[caller]())
    assert_answer(resp, expected[caller], caller)
