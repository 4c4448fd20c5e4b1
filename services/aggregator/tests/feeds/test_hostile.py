"""Hostile feeds: slow, endless, oversized, bombs, entities, broken XML, and SSRF in every
spelling. Each is refused or cut, reported in the feed's health, and stops no other feed."""

from __future__ import annotations

import pytest
from aggregator_factories import Feed
from fastapi import FastAPI
from feed_helpers import account, feeds, items, make_due, only_feed, publish, refresh
from feed_site import FeedSite, rss
from relais_aggregator.config import Settings
from relais_aggregator.feeds import refresh as refresh_module

GOOD_LINK = "https://blog.example/ok"
GOOD = rss({"link": GOOD_LINK, "title": "Fine"})
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title>
<link>https://x.example/1</link></item></channel></rss>"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title>
<link>https://x.example/1</link></item></channel></rss>"""


def one_error(app: FastAPI, feed: Feed, site: FeedSite, settings: Settings, path: str) -> str:
    publish(app, feed, "p1", account(site.url(path)))
    stats = refresh(app, settings)
    assert stats.written == 1
    row = only_feed(app)
    assert row.status == "failing" and row.last_error_at is not None
    assert items(app) == []
    return row.last_error or ""


def test_a_slow_site_times_out(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.slow("/slow.rss", 2)
    fast = settings.model_copy(update={"feed_timeout_seconds": 0.5})
    publish(app, feed, "p1", account(site.url("/slow.rss")))
    refresh(app, fast)
    assert "did not answer within 0.5 seconds" in (only_feed(app).last_error or "")


def test_an_endless_body_is_cut(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.endless("/endless.rss")
    assert "larger than 0.25 MB" in one_error(app, feed, site, settings, "/endless.rss")


def test_a_slowly_endless_body_stops_at_the_timeout(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.endless("/drip.rss", pause=0.05)
    fast = settings.model_copy(update={"feed_timeout_seconds": 0.5, "feed_max_bytes": 10**8})
    publish(app, feed, "p1", account(site.url("/drip.rss")))
    refresh(app, fast)
    assert "did not answer within" in (only_feed(app).last_error or "")


def test_an_oversized_feed_is_refused_at_the_cap(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.feed("/big.rss", "<rss>" + "x" * (2 * 1024 * 1024) + "</rss>")
    assert "larger than 0.25 MB" in one_error(app, feed, site, settings, "/big.rss")


def test_a_gzip_bomb_stops_at_the_cap(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.gzip_bomb("/bomb.rss", 64 * 1024 * 1024)  # 64 MB of zeros in about 64 KB
    assert "decompresses to more than 0.25 MB" in one_error(app, feed, site, settings, "/bomb.rss")


@pytest.mark.parametrize("body", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings, body: str
) -> None:
    site.feed("/evil.rss", body)
    assert "declares XML entities" in one_error(app, feed, site, settings, "/evil.rss")


def test_malformed_xml_does_not_stop_the_others(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.feed("/broken.rss", "<rss><channel><item><title>never closed")
    site.feed("/not-a-feed", "<html><body>hello</body></html>", content_type="text/html")
    site.feed("/good.rss", GOOD)
    publish(
        app,
        feed,
        "p1",
        account(site.url("/broken.rss"), handle="a"),
        account(site.url("/not-a-feed"), handle="b"),
        account(site.url("/good.rss"), handle="c"),
    )
    stats = refresh(app, settings)
    assert stats.written == 3
    by_handle = {row.handle: row for row in feeds(app)}
    assert by_handle["c"].status == "active"
    assert by_handle["b"].status == "failing"
    assert "not valid RSS, Atom or JSON Feed" in (by_handle["b"].last_error or "")
    assert "Fine" in {i.title for i in items(app)}


def test_links_that_are_no_urls_stop_nothing(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    """urljoin raises on ``http://[x/``: it used to escape the reading of the feed and end the
    whole round (every round, as long as that feed was due)."""
    site.feed(
        "/odd.rss",
        rss(
            {"link": "http://[oops/", "guid": "odd", "title": "Odd", "html": "&lt;a href='x'&gt;"},
            {"link": "https://blog.example/fine", "title": "Fine too"},
            link="http://[oops/",
        ),
    )
    site.feed("/good.rss", GOOD)
    publish(
        app,
        feed,
        "p1",
        account(site.url("/odd.rss"), handle="a"),
        account(site.url("/good.rss"), handle="b"),
    )
    stats = refresh(app, settings)
    assert (stats.written, stats.failed) == (2, 0)
    assert {row.status for row in feeds(app)} == {"active"}
    links = {i.title: i.link for i in items(app)}
    assert links == {"Odd": None, "Fine too": "https://blog.example/fine", "Fine": GOOD_LINK}


def test_a_feed_that_breaks_the_reading_fails_alone(
    app: FastAPI,
    feed: Feed,
    site: FeedSite,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site.feed("/boom.rss", rss({"link": "https://blog.example/boom"}))
    site.feed("/good.rss", GOOD)
    real = refresh_module.parse_feed

    def parse(body: bytes, content_type: str = "") -> object:
        if b"boom" in body:
            raise RecursionError("a parser bug no rule foresaw")
        return real(body, content_type)

    monkeypatch.setattr(refresh_module, "parse_feed", parse)
    publish(
        app,
        feed,
        "p1",
        account(site.url("/boom.rss"), handle="a"),
        account(site.url("/good.rss"), handle="b"),
    )
    assert refresh(app, settings).written == 2
    by_handle = {row.handle: row for row in feeds(app)}
    assert by_handle["a"].status == "failing"
    assert by_handle["a"].last_error == "the feed could not be read"
    assert by_handle["b"].status == "active" and "Fine" in {i.title for i in items(app)}


# Loopback, private, link-local, CGNAT, reserved, in browser spellings and IPv6 forms.
UNSAFE_HOSTS = [
    "127.0.0.1:{other}",
    "localhost:{other}",
    "2130706433:{other}",  # decimal 127.0.0.1
    "0177.0.0.1:{other}",  # octal
    "0x7f.0.0.1:{other}",  # hex
    "127.1:{other}",
    "[::1]:{port}",
    "[::ffff:127.0.0.1]:{other}",  # IPv4-mapped IPv6
    "[::ffff:7f00:1]:{other}",
    "[::127.0.0.1]:{other}",  # IPv4-compatible
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",  # cloud metadata (link-local)
    "100.64.0.1",  # CGNAT
    "192.0.2.1",  # reserved (documentation)
    "0.0.0.0:{port}",
    "[fe80::1]",
    "[fc00::1]",
]


@pytest.mark.parametrize("host", UNSAFE_HOSTS)
def test_unsafe_addresses_are_refused_and_reported(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings, host: str
) -> None:
    other = site.port + 1 if site.port < 65535 else site.port - 1
    url = f"http://{host.format(port=site.port, other=other)}/feed.rss"
    publish(app, feed, "p1", account(url))
    refresh(app, settings)
    row = only_feed(app)
    assert row.status == "failing"
    assert (row.last_error or "").startswith("refused for safety"), row.last_error


def test_only_the_allowed_port_of_the_test_server_is_reachable(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.feed("/good.rss", GOOD)
    publish(app, feed, "p1", account(site.url("/good.rss")))
    refresh(app, settings)
    assert only_feed(app).status == "active"  # the allowed server itself works


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{other}/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/x",
    ],
)
def test_a_redirect_to_an_unsafe_address_is_refused(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings, target: str
) -> None:
    other = site.port + 1 if site.port < 65535 else site.port - 1
    site.redirect("/hop.rss", target.format(port=site.port, other=other), 301)
    publish(app, feed, "p1", account(site.url("/hop.rss")))
    refresh(app, settings)
    row = only_feed(app)
    assert (row.last_error or "").startswith("refused for safety")
    assert row.url == site.url("/hop.rss")  # the stored address did not move there
    make_due(app)
