"""Parsing (RSS 0.91/1.0/2.0, Atom, JSON Feed, charsets) and sanitising, as functions."""

from __future__ import annotations

import codecs
import itertools
import random
from datetime import UTC, datetime, timedelta

import pytest
from relais_aggregator.feeds import images
from relais_aggregator.feeds.fetcher import retry_after_seconds
from relais_aggregator.feeds.parse import FeedUnreadable, detect_charset, parse_feed
from relais_aggregator.feeds.rules import (
    Polling,
    adaptive_interval,
    backoff_seconds,
    clamp_published,
    matches,
)
from relais_aggregator.feeds.sanitize import plain, sanitize, summary

RSS_091 = """<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>https://old.example/</link>
<item><title>Ninety-one</title><link>https://old.example/1</link></item></channel></rss>"""
RSS_10 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link></channel>
<item rdf:about="https://rdf.example/1"><title>One dot oh</title><link>https://rdf.example/1</link>
<dc:date>2026-11-30T08:00:00Z</dc:date><dc:subject>cloud</dc:subject></item></rdf:RDF>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><link href="https://atom.example/"/>
<entry><id>urn:a:1</id><title type="html">Atom &amp;lt;b&amp;gt;post</title>
<link href="https://atom.example/p1"/><updated>2026-11-30T10:00:00Z</updated>
<content type="html">&lt;p&gt;Body&lt;/p&gt;</content><category term="security"/></entry></feed>"""
JSON_FEED = """{"version": "https://jsonfeed.org/version/1.1", "title": "J",
"items": [{"id": "j1", "url": "https://json.example/1", "title": "Jay",
"content_html": "<p>Hi</p>", "date_published": "2026-11-29T10:00:00Z", "tags": ["cloud"]}]}"""


@pytest.mark.parametrize(
    ("body", "title", "link"),
    [
        (RSS_091, "Ninety-one", "https://old.example/1"),
        (RSS_10, "One dot oh", "https://rdf.example/1"),
        (ATOM, "Atom <b>post", "https://atom.example/p1"),
        (JSON_FEED, "Jay", "https://json.example/1"),
    ],
    ids=["rss-0.91", "rss-1.0", "atom", "json-feed"],
)
def test_every_feed_format_is_read(body: str, title: str, link: str) -> None:
    (item,) = parse_feed(body.encode()).items
    assert (plain(item.title), item.link) == (title, link)  # titles are stored as plain text


def test_rss_2_categories_and_dates() -> None:
    body = b"""<rss version="2.0"><channel><item><title>T</title><link>https://e/1</link>
    <pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate><category>cloud</category>
    </item></channel></rss>"""
    (item,) = parse_feed(body).items
    assert item.categories == ["cloud"]
    assert item.published_at == datetime(2026, 11, 30, 10, tzinfo=UTC)


def test_charset_from_header_declaration_bom_and_fallback() -> None:
    latin = '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
    latin += "<item><title>Caf\xe9 cr\xe8me</title><link>https://e/1</link></item></channel></rss>"
    data = latin.encode("iso-8859-1")
    assert parse_feed(data).items[0].title == "Café crème"  # from the XML declaration
    assert detect_charset(data, "application/xml; charset=ISO-8859-15")[0] == "iso-8859-15"
    no_decl = data.split(b"?>", 1)[1]
    assert parse_feed(no_decl).items[0].title == "Café crème"  # not UTF-8: windows-1252
    utf16 = codecs.BOM_UTF16_LE + latin.replace("iso-8859-1", "utf-16").encode("utf-16-le")
    assert parse_feed(utf16).items[0].title == "Café crème"
    header_wins = latin.replace("iso-8859-1", "utf-8").encode("iso-8859-1")
    assert parse_feed(header_wins, "text/xml; charset=iso-8859-1").items[0].title == "Café crème"


def test_garbage_is_unreadable() -> None:
    with pytest.raises(FeedUnreadable):
        parse_feed(b"")
    with pytest.raises(FeedUnreadable):
        parse_feed(b"<html><body>no feed</body></html>")


def test_a_url_is_never_fetched_by_the_parser() -> None:
    # fastfeedparser fetches a string that starts with http: the parser only ever gets bytes.
    with pytest.raises(FeedUnreadable):
        parse_feed(b"http://169.254.169.254/latest/meta-data/")


HOSTILE = [
    "<script>alert(1)</script><p>ok</p>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="  JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<svg><script>alert(1)</script></svg>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<form action="https://evil.example"><input name=q></form>',
    '<iframe src="https://evil.example"></iframe>',
    '<p onclick="alert(1)" style="color:red">x</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '<object data="x.swf"></object><embed src="x.swf">',
]


@pytest.mark.parametrize("html", HOSTILE)
def test_script_never_survives(html: str) -> None:
    cleaned = sanitize(html, base="https://blog.example/", image_url=images.signer("s"))
    lowered = cleaned.lower()
    for bad in ("<script", "onerror", "onclick", "javascript:", "data:", "<style", "<form",
                "<iframe", "<svg", "<object", "<embed", "style="):  # fmt: skip
        assert bad not in lowered, cleaned


def test_links_resolved_images_proxied_pixels_dropped_youtube_private() -> None:
    html = (
        '<a href="/about">About</a><img src="pics/cat.png" alt="cat">'
        '<img src="https://blog.example/t.gif" width="1" height="1">'
        '<img src="https://pixel.wp.com/g.gif">'
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>'
    )
    cleaned = sanitize(html, base="https://blog.example/posts/1", image_url=images.signer("s"))
    assert 'href="https://blog.example/about"' in cleaned
    assert 'rel="noopener noreferrer nofollow ugc"' in cleaned
    token = images.sign("s", "https://blog.example/posts/pics/cat.png")
    assert (
        f'src="/img/{token}"' in cleaned
        and "blog.example/posts/pics" not in cleaned.split("href")[0]
    )
    assert "t.gif" not in cleaned and "pixel.wp.com" not in cleaned
    assert 'href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in cleaned
    assert "<img" not in sanitize('<img src="https://x.example/a.png">', image_url=None)


def test_a_long_summary_becomes_an_excerpt() -> None:
    text = summary("<p>" + "word " * 3000 + "</p><script>x</script>")
    assert len(text) < 600 and text.endswith("…</p>") and "<script" not in text


def test_image_tokens_are_signed() -> None:
    token = images.sign("secret", "https://blog.example/a.png")
    assert images.verify("secret", token) == "https://blog.example/a.png"
    assert images.verify("other", token) is None
    forged = images.sign("other", "http://169.254.169.254/")
    assert images.verify("secret", forged) is None
    assert images.verify("secret", "garbage") is None


POLLING = Polling(min_interval=900, max_interval=86400, max_backoff=172800)


def test_polling_adapts_to_the_publication_rate() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    hourly = [now - timedelta(hours=n) for n in range(10)]
    weekly = [now - timedelta(days=7 * n) for n in range(5)]
    assert adaptive_interval(hourly, POLLING) == 3600
    assert adaptive_interval(weekly, POLLING) == 86400  # bounded by the maximum
    assert adaptive_interval([now - timedelta(minutes=n) for n in range(9)], POLLING) == 900
    assert adaptive_interval([], POLLING) == 86400


def test_backoff_is_exponential_jittered_capped_and_honours_retry_after() -> None:
    rng = random.Random(1)
    delays = [backoff_seconds(n, POLLING, None, rng) for n in (1, 2, 3, 4)]
    assert all(b > a for a, b in itertools.pairwise(delays))
    assert 720 <= delays[0] <= 1080  # 900 s ± 20 %
    assert backoff_seconds(30, POLLING, None, rng) == 172800
    assert backoff_seconds(1, POLLING, 7200, rng) == 7200
    assert len({backoff_seconds(3, POLLING, None, random.Random(s)) for s in range(5)}) > 1


def test_retry_after_in_seconds_and_as_an_http_date() -> None:
    assert retry_after_seconds("120") == 120
    later = (datetime.now(UTC) + timedelta(hours=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert 3500 < (retry_after_seconds(later) or 0) <= 3600
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert retry_after_seconds("soon") is None


def test_dates_missing_absurd_or_future() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    assert clamp_published(None, now) == now
    assert clamp_published(datetime(1970, 1, 1, tzinfo=UTC), now) == now
    assert clamp_published(datetime(2100, 1, 1, tzinfo=UTC), now) == now
    past = datetime(2026, 11, 1, tzinfo=UTC)
    assert clamp_published(past, now) == past


def test_filters_by_category_or_keyword_default_everything() -> None:
    assert matches({}, title="x", text="y", categories=[])
    cloud = {"categories": ["Cloud"], "keywords": []}
    assert matches(cloud, title="x", text="y", categories=["cloud"])
    assert not matches(cloud, title="x", text="y", categories=["cooking"])
    words = {"categories": [], "keywords": ["kubernetes"]}
    assert matches(words, title="Kubernetes tips", text="", categories=[])
    assert not matches(words, title="Bread", text="flour", categories=[])
