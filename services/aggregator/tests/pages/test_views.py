"""Small pure rules of the page: initials, short bios, platform names, language negotiation."""

from __future__ import annotations

import pytest
from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator.pages.i18n import negotiate
from relais_aggregator.pages.people import BIO_LIMIT, _short, initials, platform_label


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ada Lovelace", "AL"),
        ("grace", "G"),
        ("Jean-Luc de la Tour", "JT"),
        ("  ", "?"),
        ("Émile Zola", "ÉZ"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_long_bios_are_cut_on_a_word_with_an_ellipsis() -> None:
    text = "word " * 200
    short = _short(text)
    assert len(short) <= BIO_LIMIT and short.endswith("word…")
    assert _short("short  bio\n") == "short bio"


def test_platform_labels() -> None:
    assert platform_label("linkedin") == "LinkedIn"
    assert platform_label("peertube") == "Peertube"
    assert platform_label("tiktok") == "TikTok"
    assert platform_label("twitter") == platform_label("x")


@pytest.mark.parametrize(
    ("explicit", "header", "expected"),
    [
        ("fr", "en", "fr"),
        (None, None, "en"),
        (None, "fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        (None, "en;q=0.4, fr;q=0.6", "fr"),
        (None, "fr;q=0, en", "en"),
        (None, "fr;q=bogus", "en"),
        (None, "*", "en"),
    ],
)
def test_negotiate(explicit: str | None, header: str | None, expected: str) -> None:
    assert negotiate(explicit, header) == expected


def test_the_public_page_spells_platforms_as_the_registry_does(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    tiktok = {
        "platform": "tiktok",
        "handle": "@ada",
        "profile_url": "https://www.tiktok.com/@ada",
        "feed_url": None,
    }
    apply(app, feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada", accounts=[tiktok]))
    html = client.get("/people/").text
    assert "TikTok" in html and "Tiktok" not in html
