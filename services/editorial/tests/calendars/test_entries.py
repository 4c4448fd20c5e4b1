"""Calendar entries: committee writes, members read, dates/themes/owners/links checked."""

from __future__ import annotations

from typing import Any

import pytest
from editorial_factories import World, make_world
from fastapi import FastAPI
from fastapi.testclient import TestClient

A = "/networks/cloud-security"
LAUNCH = {
    "kind": "launch",
    "title": "Launch of the zero-trust offer",
    "starts_at": "2026-12-10T09:00:00Z",
    "ends_at": "2026-12-10T10:00:00Z",
    "theme_slug": "security",
    "content_url": "https://example.com/launch",
}


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> World:
    return make_world(app, client)


def create(world: World, who: str = "committee_a", **over: Any) -> Any:
    return world.client.post(f"{A}/entries", json=LAUNCH | over, headers=world.headers(who))


class TestCreate:
    def test_the_committee_creates_an_entry_owned_by_its_author(self, world: World) -> None:
        resp = create(world)
        assert resp.status_code == 201, resp.text
        body = resp.json()
        assert (body["owner_id"], body["owner_name"]) == ("p-committee-a", "P Committee A")
        assert (body["status"], body["version"], body["path_position"]) == ("planned", 1, None)
        assert resp.headers["ETag"] == f'"{body["id"]}.1"'

    def test_a_member_may_read_but_not_write(self, world: World) -> None:
        assert create(world, who="member_a").status_code == 403
        entry = create(world).json()
        read = world.client.get(f"{A}/entries/{entry['id']}", headers=world.headers("member_a"))
        assert read.status_code == 200
        other = world.client.get(
            f"/networks/recruiting/entries/{entry['id']}", headers=world.headers("chair_b")
        )
        assert other.status_code == 404  # B's chair cannot reach A's entry through B

    def test_the_end_defaults_to_the_start(self, world: World) -> None:
        body = create(world, ends_at=None).json()
        assert body["ends_at"] == body["starts_at"]

    @pytest.mark.parametrize(
        ("over", "field"),
        [
            ({"ends_at": "2026-12-09T09:00:00Z"}, "ends_at"),
            ({"theme_slug": "recruiting"}, "theme_slug"),
            ({"owner_id": "p-member-b"}, "owner_id"),
            ({"content_url": "javascript:alert(1)"}, "content_url"),
            ({"content_url": "https://"}, "content_url"),
            ({"starts_at": "2026-12-10T09:00:00"}, "starts_at"),
            ({"starts_at": "next tuesday"}, "starts_at"),
            ({"kind": "party"}, "kind"),
            ({"title": "\u200b"}, "title"),
            ({"colour": "red"}, "colour"),
        ],
    )
    def test_bad_input_gets_a_field_error(
        self, world: World, over: dict[str, Any], field: str
    ) -> None:
        resp = create(world, **over)
        assert resp.status_code == 422, resp.text
        assert field in [e["field"] for e in resp.json()["errors"]]

    def test_an_archived_network_is_read_only(self, app: FastAPI, world: World) -> None:
        from editorial_factories import network_changed

        network_changed(app, "net-a", "cloud-security", archived=True)
        assert create(world).status_code == 409


class TestUpdate:
    def test_an_update_needs_the_current_etag(self, world: World) -> None:
        entry = create(world)
        url, etag = f"{A}/entries/{entry.json()['id']}", entry.headers["ETag"]
        headers = world.headers("chair_a")
        assert (
            world.client.patch(url, json={"status": "confirmed"}, headers=headers).status_code
            == 428
        )
        ok = world.client.patch(
            url, json={"status": "confirmed"}, headers=headers | {"If-Match": etag}
        )
        assert ok.status_code == 200
        assert (ok.json()["status"], ok.json()["version"]) == ("confirmed", 2)
        stale = world.client.patch(
            url, json={"title": "Other"}, headers=headers | {"If-Match": etag}
        )
        assert stale.status_code == 412
        assert stale.json()["current"]["status"] == "confirmed"
        assert stale.json()["current_etag"] == ok.headers["ETag"]

    def test_an_update_keeps_dates_in_order(self, world: World) -> None:
        entry = create(world)
        resp = world.client.patch(
            f"{A}/entries/{entry.json()['id']}",
            json={"ends_at": "2026-12-01T00:00:00Z"},
            headers=world.headers("chair_a") | {"If-Match": entry.headers["ETag"]},
        )
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "ends_at"

    def test_reschedule_keeps_the_duration(self, world: World) -> None:
        entry = create(world)
        resp = world.client.post(
            f"{A}/entries/{entry.json()['id']}/reschedule",
            json={"starts_at": "2026-12-17T14:00:00+01:00"},
            headers=world.headers("committee_a") | {"If-Match": entry.headers["ETag"]},
        )
        assert resp.status_code == 200, resp.text
        assert resp.json()["starts_at"] == "2026-12-17T13:00:00Z"
        assert resp.json()["ends_at"] == "2026-12-17T14:00:00Z"

    def test_delete_with_if_match(self, world: World) -> None:
        entry = create(world)
        url = f"{A}/entries/{entry.json()['id']}"
        headers = world.headers("chair_a") | {"If-Match": entry.headers["ETag"]}
        assert world.client.delete(url, headers=headers).status_code == 204
        assert world.client.get(url, headers=headers).status_code == 404


class TestViews:
    def test_the_month_view_shows_what_touches_the_range(self, world: World) -> None:
        create(
            world, title="Before", starts_at="2026-11-20T09:00:00Z", ends_at="2026-11-21T09:00:00Z"
        )
        create(
            world, title="Across", starts_at="2026-11-30T09:00:00Z", ends_at="2026-12-02T09:00:00Z"
        )
        create(world, title="Inside")
        create(
            world, title="After", starts_at="2027-01-01T00:00:00Z", ends_at="2027-01-01T01:00:00Z"
        )
        resp = world.client.get(
            f"{A}/calendar",
            params={"from": "2026-12-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"},
            headers=world.headers("member_a"),
        )
        assert resp.status_code == 200, resp.text
        assert [i["title"] for i in resp.json()["items"]] == ["Across", "Inside"]
        assert resp.json()["items"][0]["grids"] == []

    @pytest.mark.parametrize(
        "params",
        [
            {"from": "2026-12-01T00:00:00Z", "to": "2027-06-01T00:00:00Z"},
            {"from": "2026-12-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"},
            {"from": "2026-12-01T00:00:00Z"},
            {"from": "yesterday", "to": "2026-11-01T00:00:00Z"},
        ],
    )
    def test_a_bad_range_is_refused(self, world: World, params: dict[str, str]) -> None:
        resp = world.client.get(f"{A}/calendar", params=params, headers=world.headers("member_a"))
        assert resp.status_code == 422

    def test_the_list_view_pages_by_start(self, world: World) -> None:
        for day in (12, 10, 11):
            create(world, title=f"Day {day}", starts_at=f"2026-12-{day}T09:00:00Z", ends_at=None)
        first = world.client.get(
            f"{A}/entries", params={"limit": 2}, headers=world.headers("member_a")
        ).json()
        assert [i["title"] for i in first["items"]] == ["Day 10", "Day 11"]
        rest = world.client.get(
            f"{A}/entries",
            params={"cursor": first["next_cursor"]},
            headers=world.headers("member_a"),
        ).json()
        assert [i["title"] for i in rest["items"]] == ["Day 12"]


class TestPath:
    def test_the_committee_orders_the_editorial_path(self, world: World) -> None:
        ids = [create(world, title=t).json()["id"] for t in ("Topic", "Conference", "Launch")]
        read = world.client.get(f"{A}/path", headers=world.headers("member_a"))
        assert read.json()["items"] == []
        order = [ids[2], ids[0]]
        resp = world.client.put(
            f"{A}/path",
            json={"entry_ids": order},
            headers=world.headers("committee_a") | {"If-Match": read.headers["ETag"]},
        )
        assert resp.status_code == 200, resp.text
        assert [(i["title"], i["path_position"]) for i in resp.json()["items"]] == [
            ("Launch", 0),
            ("Topic", 1),
        ]
        stale = world.client.put(
            f"{A}/path",
            json={"entry_ids": ids},
            headers=world.headers("chair_a") | {"If-Match": read.headers["ETag"]},
        )
        assert stale.status_code == 412
        assert [i["title"] for i in stale.json()["current"]["items"]] == ["Launch", "Topic"]

    def test_the_path_takes_only_this_networks_entries(self, world: World) -> None:
        read = world.client.get(f"{A}/path", headers=world.headers("chair_a"))
        for ids in (["not-an-entry"], ["x", "x"]):
            resp = world.client.put(
                f"{A}/path",
                json={"entry_ids": ids},
                headers=world.headers("chair_a") | {"If-Match": read.headers["ETag"]},
            )
            assert resp.status_code == 422


class TestKeptViews:
    """The month view is kept as bytes; every change it shows must show at once."""

    PARAMS = {"from": "2026-12-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}

    def view(self, world: World) -> Any:
        resp = world.client.get(
            f"{A}/calendar", params=self.PARAMS, headers=world.headers("member_a")
        )
        assert resp.status_code == 200
        return resp.json()

    def test_changes_to_entries_grids_variants_and_names_show_at_once(
        self, app: FastAPI, world: World
    ) -> None:
        from editorial_factories import member, new_grid

        entry = create(world)
        assert self.view(world)["items"][0]["title"] == LAUNCH["title"]
        world.client.patch(
            f"{A}/entries/{entry.json()['id']}",
            json={"title": "Renamed"},
            headers=world.headers("chair_a") | {"If-Match": entry.headers["ETag"]},
        )
        assert self.view(world)["items"][0]["title"] == "Renamed"
        world.ids["entry"] = entry.json()["id"]
        grid = new_grid(world)
        assert self.view(world)["items"][0]["grids"][0]["variant_counts"] == {"linkedin": 1, "x": 1}
        world.client.post(
            f"{A}/grids/{grid.json()['id']}/variants",
            json={"platform": "x", "language": "fr", "text": "Et en français"},
            headers=world.headers("chair_a") | {"If-Match": grid.headers["ETag"]},
        )
        assert self.view(world)["items"][0]["grids"][0]["variant_counts"] == {"linkedin": 1, "x": 2}
        member(app, "net-a", "p-committee-a", "committee")  # same role, the name is refreshed
        app_names = {i["owner_name"] for i in self.view(world)["items"]}
        assert app_names == {"P Committee A"}
        etag_before = world.client.get(
            f"{A}/calendar", params=self.PARAMS, headers=world.headers("member_a")
        ).headers["ETag"]
        world.client.delete(
            f"{A}/entries/{entry.json()['id']}",
            headers=world.headers("chair_a")
            | {
                "If-Match": world.client.get(
                    f"{A}/entries/{entry.json()['id']}", headers=world.headers("chair_a")
                ).headers["ETag"]
            },
        )
        after = world.client.get(
            f"{A}/calendar", params=self.PARAMS, headers=world.headers("member_a")
        )
        assert after.json()["items"] == [] and after.headers["ETag"] != etag_before
