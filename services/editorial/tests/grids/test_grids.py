"""Message grids and variants: disclosure counted, over-length refused, expiry, If-Match."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from editorial_factories import World, make_world, new_grid
from fastapi import FastAPI
from fastapi.testclient import TestClient

A = "/networks/cloud-security"
DISCLOSURE = "#JeTravailleChezRelaisDemoCompany"


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> World:
    return make_world(app, client)


def with_etag(world: World, who: str, etag: str) -> dict[str, str]:
    return world.headers(who) | {"If-Match": etag}


class TestCreateAndRead:
    def test_a_grid_reads_with_full_text_counts_and_checklist(self, world: World) -> None:
        grid = new_grid(world).json()
        assert (grid["status"], grid["author_id"], grid["disclosure"]) == (
            "draft",
            "p-committee-a",
            DISCLOSURE,
        )
        x = next(v for v in grid["variants"] if v["platform"] == "x")
        assert x["full_text"] == f"Our zero-trust offer is here.\n\n{DISCLOSURE}"
        assert (x["count"], x["limit"], x["over_limit"]) == (len(x["full_text"]), 280, False)
        checks = {c["check"]: c for c in x["checklist"]}
        assert checks["disclosure"]["ok"] is True
        read = world.client.get(f"{A}/grids/{grid['id']}", headers=world.headers("member_a"))
        assert read.status_code == 200
        assert read.headers["ETag"] == f'"{grid["id"]}.1"'

    def test_a_disclosure_already_in_the_text_is_not_added_twice(self, world: World) -> None:
        text = f"{DISCLOSURE} Our offer is here."
        grid = new_grid(world, variants=[{"platform": "x", "language": "en", "text": text}])
        assert grid.json()["variants"][0]["full_text"] == text

    def test_an_over_length_variant_is_refused_with_count_and_limit(self, world: World) -> None:
        text = "a" * 270  # fits alone, not with the disclosure
        resp = world.client.post(
            f"{A}/entries/{new_grid(world).json()['entry_id']}/grids",
            json={
                "title": "Too long",
                "variants": [{"platform": "x", "language": "en", "text": text}],
            },
            headers=world.headers("committee_a"),
        )
        assert resp.status_code == 422
        body = resp.json()
        assert (body["count"], body["limit"]) == (270 + 2 + len(DISCLOSURE), 280)
        assert body["errors"][0]["field"] == "variants.0.text"

    @pytest.mark.parametrize(
        ("variant", "field"),
        [
            ({"platform": "myspace", "language": "en", "text": "hi"}, "variants.0.platform"),
            ({"platform": "x", "language": "english", "text": "hi"}, "variants.0.language"),
            ({"platform": "x", "language": "en", "text": "   "}, "variants.0.text"),
        ],
    )
    def test_bad_variants_get_field_errors(
        self, world: World, variant: dict[str, Any], field: str
    ) -> None:
        new_grid(world)
        resp = world.client.post(
            f"{A}/entries/{world.ids['entry']}/grids",
            json={"title": "t", "variants": [variant]},
            headers=world.headers("committee_a"),
        )
        assert resp.status_code == 422
        assert field in [e["field"] for e in resp.json()["errors"]]

    def test_bad_grid_fields_get_field_errors(self, world: World) -> None:
        new_grid(world)
        url = f"{A}/entries/{world.ids['entry']}/grids"
        for body, field in [
            ({"title": "t", "link_url": "ftp://x"}, "link_url"),
            ({"title": "t", "hashtags": ["not a tag"]}, "hashtags.0"),
            (
                {
                    "title": "t",
                    "release_at": "2026-12-10T00:00:00Z",
                    "expires_at": "2026-12-09T00:00:00Z",
                },
                "expires_at",
            ),
        ]:
            resp = world.client.post(url, json=body, headers=world.headers("committee_a"))
            assert resp.status_code == 422, body
            assert field in [e["field"] for e in resp.json()["errors"]]

    def test_members_read_only_and_other_networks_see_nothing(self, world: World) -> None:
        grid = new_grid(world).json()
        assert new_grid.__name__  # the committee wrote it
        url = f"{A}/entries/{world.ids['entry']}/grids"
        assert (
            world.client.post(
                url, json={"title": "x"}, headers=world.headers("member_a")
            ).status_code
            == 403
        )
        assert (
            world.client.get(
                f"{A}/grids/{grid['id']}", headers=world.headers("member_b")
            ).status_code
            == 403
        )
        assert (
            world.client.get(
                f"/networks/recruiting/grids/{grid['id']}", headers=world.headers("chair_b")
            ).status_code
            == 404
        )

    def test_the_calendar_view_summarises_the_grids(self, world: World) -> None:
        new_grid(world)
        view = world.client.get(
            f"{A}/calendar",
            params={"from": "2026-12-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"},
            headers=world.headers("member_a"),
        ).json()
        grids = view["items"][0]["grids"]
        assert [g["title"] for g in grids] == ["Grid", "Launch messages"]  # by creation
        summary = grids[1]
        assert (summary["status"], summary["expired"]) == ("draft", False)
        assert summary["variant_counts"] == {"linkedin": 1, "x": 1}


class TestExpiry:
    def test_an_expired_grid_says_so_and_is_not_offered(self, world: World) -> None:
        past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
        grid = new_grid(world, expires_at=past).json()
        assert grid["expired"] is True and grid["offered"] is False
        assert "expired" in grid["expired_reason"]
        assert all(v["expired"] for v in grid["variants"])

    def test_an_expired_variant_says_so(self, world: World) -> None:
        past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
        grid = new_grid(
            world,
            variants=[
                {"platform": "x", "language": "en", "text": "old", "expires_at": past},
                {"platform": "x", "language": "fr", "text": "nouveau"},
            ],
        ).json()
        assert [v["expired"] for v in grid["variants"]] == [True, False]
        assert grid["expired"] is False


class TestEdits:
    def test_editing_a_grid_needs_its_etag_and_a_stale_one_gets_the_current(
        self, world: World
    ) -> None:
        created = new_grid(world)
        url, etag = f"{A}/grids/{created.json()['id']}", created.headers["ETag"]
        assert (
            world.client.patch(
                url, json={"title": "New"}, headers=world.headers("chair_a")
            ).status_code
            == 428
        )
        ok = world.client.patch(
            url, json={"title": "New"}, headers=with_etag(world, "chair_a", etag)
        )
        assert ok.status_code == 200 and ok.json()["version"] == 2
        stale = world.client.patch(
            url, json={"title": "Mine"}, headers=with_etag(world, "committee_a", etag)
        )
        assert stale.status_code == 412
        assert stale.json()["current"]["title"] == "New"

    def test_variants_are_added_edited_and_removed_with_if_match(self, world: World) -> None:
        created = new_grid(world)
        grid_id = created.json()["id"]
        added = world.client.post(
            f"{A}/grids/{grid_id}/variants",
            json={"platform": "mastodon", "language": "fr", "text": "Bonjour le fédivers"},
            headers=with_etag(world, "committee_a", created.headers["ETag"]),
        )
        assert added.status_code == 201, added.text
        variant = next(v for v in added.json()["variants"] if v["platform"] == "mastodon")
        etag = f'"{variant["id"]}.1"'
        edited = world.client.patch(
            f"{A}/variants/{variant['id']}",
            json={"text": "Bonjour à tout le fédivers"},
            headers=with_etag(world, "chair_a", etag),
        )
        assert edited.status_code == 200, edited.text
        assert edited.headers["ETag"] == f'"{variant["id"]}.2"'
        stale = world.client.patch(
            f"{A}/variants/{variant['id']}",
            json={"text": "Autre chose"},
            headers=with_etag(world, "committee_a", etag),
        )
        assert stale.status_code == 412
        assert stale.json()["current"]["text"] == "Bonjour à tout le fédivers"
        too_long = world.client.patch(
            f"{A}/variants/{variant['id']}",
            json={"text": "x" * 600},
            headers=with_etag(world, "chair_a", edited.headers["ETag"]),
        )
        assert too_long.status_code == 422 and too_long.json()["limit"] == 500
        gone = world.client.delete(
            f"{A}/variants/{variant['id']}",
            headers=with_etag(world, "chair_a", edited.headers["ETag"]),
        )
        assert gone.status_code == 200
        assert [v["platform"] for v in gone.json()["variants"]] == ["linkedin", "x"]

    def test_the_history_keeps_who_changed_what_with_a_diff(self, world: World) -> None:
        created = new_grid(world)
        grid = created.json()
        x = next(v for v in grid["variants"] if v["platform"] == "x")
        world.client.patch(
            f"{A}/variants/{x['id']}",
            json={"text": "Our zero-trust offer is live."},
            headers=with_etag(world, "chair_a", f'"{x["id"]}.1"'),
        )
        history = world.client.get(
            f"{A}/grids/{grid['id']}/history", headers=world.headers("member_a")
        ).json()
        actions = [(r["action"], r["actor_id"]) for r in history["items"]]
        assert actions == [("created", "p-committee-a"), ("variant_edited", "p-chair-a")]
        change = history["items"][1]["changes"][0]
        assert change["field"] == f"variant:{x['id']}.text"
        assert "-Our zero-trust offer is here." in change["diff"]
        assert "+Our zero-trust offer is live." in change["diff"]
