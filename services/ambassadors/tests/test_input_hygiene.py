"""Names in every script get readable, distinct slugs; invisible names and bidi are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ambassadors_factories import last_event_id, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.db import make_engine
from relais_common.migrations import upgrade
from relais_common.testing import throwaway_database
from sqlalchemy import text

SERVICE_ROOT = Path(__file__).resolve().parents[1]

SCRIPTS = [
    ("Безопасность облака", "bezopasnost-oblaka"),
    ("Ασφάλεια δεδομένων", "asfaleia-dedomenon"),
    ("الأمن السحابي", "l-mn-lshby"),
    ("云安全", "yun-an-quan"),
    ("クラウド", "kuraudo"),
    ("보안", "bo-an"),
]


class TestReadableSlugs:
    @pytest.mark.parametrize("noun", ["themes", "departments"])
    def test_every_script_gets_its_own_readable_slug(
        self, client: TestClient, app: FastAPI, noun: str
    ) -> None:
        admin = person(app, admin=True)
        for name, slug in SCRIPTS:
            resp = client.post(f"/{noun}", json={"name": name}, headers=admin.headers)
            assert resp.status_code == 201, resp.text
            assert resp.json()["slug"] == slug

    def test_names_that_read_alike_get_suffixes_and_duplicates_still_409(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin = person(app, admin=True)
        slugs = []
        for name in ("Ασφάλεια", "Asfaleia!", "ασφάλεια?"):
            resp = client.post("/themes", json={"name": name}, headers=admin.headers)
            slugs.append((resp.status_code, resp.json().get("slug")))
        assert slugs == [(201, "asfaleia"), (201, "asfaleia-2"), (409, None)]

    def test_symbols_only_fall_back_to_distinct_slugs(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin = person(app, admin=True)
        slugs = [
            client.post("/themes", json={"name": n}, headers=admin.headers).json()["slug"]
            for n in ("★", "☆")
        ]
        assert slugs == ["theme", "theme-2"]

    def test_rename_to_another_script_reslugs(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        created = client.post("/themes", json={"name": "Cloud"}, headers=admin.headers).json()
        url = f"/themes/{created['id']}"
        tag = client.get(url, headers=admin.headers).headers["ETag"]
        resp = client.patch(
            url, json={"name": "Облако"}, headers={**admin.headers, "If-Match": tag}
        )
        assert resp.status_code == 200, resp.text
        assert resp.json()["slug"] == "oblako"


INVISIBLE = ["\u200b", "\u3164", "\u115f\u1160", "\u2800\u2800", "\u200d\u200c", "\ufeff", "\u202e"]


class TestInvisibleAndBidi:
    @pytest.mark.parametrize("name", INVISIBLE, ids=[f"U+{ord(n[0]):04X}" for n in INVISIBLE])
    def test_invisible_names_are_refused_everywhere(
        self, client: TestClient, app: FastAPI, name: str
    ) -> None:
        admin = person(app, admin=True)
        for url in ("/themes", "/departments"):
            resp = client.post(url, json={"name": f" {name} "}, headers=admin.headers)
            assert resp.status_code == 422, (url, resp.text)
            assert resp.json()["errors"][0]["field"] == "name"
        tag = client.get("/me", headers=admin.headers).headers["ETag"]
        resp = client.patch(
            "/me", json={"display_name": name}, headers={**admin.headers, "If-Match": tag}
        )
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "display_name"

    def test_bidi_overrides_are_stripped_and_joiners_kept(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app)
        tag = client.get("/me", headers=who.headers).headers["ETag"]
        body = {
            "display_name": "Jane\u202e eoD\u202c",
            "job_title": "\u2066CTO\u2069",
            "bio": "Line one\nfamily: \U0001f468\u200d\U0001f469\u200d\U0001f467\u200f",
        }
        resp = client.patch("/me", json=body, headers={**who.headers, "If-Match": tag})
        assert resp.status_code == 200, resp.text
        me = resp.json()
        assert me["display_name"] == "Jane eoD"
        assert me["job_title"] == "CTO"
        assert me["bio"] == "Line one\nfamily: \U0001f468\u200d\U0001f469\u200d\U0001f467"

    def test_theme_event_carries_the_cleaned_name(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        after = last_event_id(client)
        resp = client.post("/themes", json={"name": "e\u0301t\u00e9\u202e"}, headers=admin.headers)
        assert resp.status_code == 201
        [event] = outbox(client, after)
        assert event["payload"]["name"] == "\u00e9t\u00e9"  # NFC, no override


def test_migration_reslugs_item_rows(tmp_path: Path) -> None:
    with throwaway_database("ambassadors", tmp_path) as url:
        upgrade(SERVICE_ROOT, url, "20261201_accounts_doors")
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                for table, extra_cols, extra_vals in (
                    ("theme", ", description, version", ", '', 1"),
                    ("department", ", version", ", 1"),
                ):
                    for i, (slug, name) in enumerate(
                        [("item", "Облако"), ("oblako", "Oblako"), ("cloud", "Cloud")]
                    ):
                        conn.execute(
                            text(
                                f"INSERT INTO {table} (id, slug, name, created_at{extra_cols})"
                                f" VALUES (:id, :slug, :name, CURRENT_TIMESTAMP{extra_vals})"
                            ),
                            {"id": f"00000000-0000-0000-0000-00000000000{i}", "slug": slug,
                             "name": name},
                        )  # fmt: skip
            upgrade(SERVICE_ROOT, url)
            with engine.connect() as conn:
                for table in ("theme", "department"):
                    slugs = conn.execute(text(f"SELECT slug FROM {table} ORDER BY id")).scalars()
                    assert list(slugs) == ["oblako-2", "oblako", "cloud"]
                events = conn.execute(text("SELECT type, payload FROM outbox_event")).all()
            assert [(t, _payload(p)["slug"]) for t, p in events] == [("theme.changed", "oblako-2")]
        finally:
            engine.dispose()


def _payload(value: object) -> dict[str, object]:
    return json.loads(value) if isinstance(value, str) else value  # type: ignore[return-value]
