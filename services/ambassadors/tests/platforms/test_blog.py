"""Blogs: canonical addresses, and feed discovery against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from relais_ambassadors.platforms import InvalidHandle, NormalisedAccount, normalise
from relais_common.ssrf import DEFAULT_MAX_BYTES, SSRFGuard
from relais_common.testing_http import LocalSite, local_site

REFUSED = "This address points to a private or reserved network and cannot be used."
EXPECTED = "A blog is a web address like https://example.com/blog."

CANONICAL = [
    ("https://example.com", "example.com", "https://example.com/"),
    ("https://example.com/", "example.com", "https://example.com/"),
    ("  Example.COM/Blog/  ", "example.com/Blog", "https://example.com/Blog"),
    ("HTTP://WWW.Example.com:80/", "www.example.com", "http://www.example.com/"),
    ("https://example.com:443/posts/", "example.com/posts", "https://example.com/posts"),
    ("http://example.com:443/", "example.com:443", "http://example.com:443/"),
    ("https://example.com:8443/a/", "example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com/?p=12#comments", "example.com", "https://example.com/?p=12"),
    ("https://blog.example.org/2024/hello#top", "blog.example.org/2024/hello", "https://blog.example.org/2024/hello"),
    ("https://café.example.org/", "xn--caf-dma.example.org", "https://xn--caf-dma.example.org/"),
    ("https://bücher.de/blog/", "xn--bcher-kva.de/blog", "https://xn--bcher-kva.de/blog"),
    ("https://example.com./", "example.com", "https://example.com/"),
]  # fmt: skip

NOT_A_BLOG = [
    ("", "Please fill in the account"),
    ("ftp://example.com/", "Only web addresses"),
    ("javascript:alert(1)", "Only web addresses"),
    ("file:///etc/passwd", "Only web addresses"),
    ("https://user:secret@example.com/", "user name or password"),
    ("https://localhost/", "“localhost” is not a public site name"),
    ("http://intranet/", "“intranet” is not a public site name"),
    ("https://printer.local/", "is not a public site name"),
    ("https://exa mple.com/", "spaces"),
    ("https://example.com:99999/", "not valid"),
    ("https://-bad-.com/", "is not a public site name"),
]


@pytest.mark.parametrize(("value", "handle", "url"), CANONICAL)
def test_blog_addresses_are_canonical(value: str, handle: str, url: str) -> None:
    account = normalise("blog", value, guard=SSRFGuard(), discover=False)
    assert account == NormalisedAccount("blog", handle, url, None)


@pytest.mark.parametrize(("value", "reason"), NOT_A_BLOG)
def test_what_is_not_a_web_site_is_refused(value: str, reason: str) -> None:
    with pytest.raises(InvalidHandle) as caught:
        normalise("blog", value, guard=SSRFGuard(), discover=False)
    assert reason in caught.value.detail
    assert EXPECTED in caught.value.detail


@pytest.mark.parametrize(
    "value",
    [
        "http://127.0.0.1/",
        "http://10.1.2.3/blog",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://100.64.0.1/",
    ],
)
def test_private_addresses_are_refused_even_without_discovery(value: str) -> None:
    with pytest.raises(InvalidHandle) as caught:
        normalise("blog", value, guard=SSRFGuard(), discover=False)
    assert caught.value.detail == REFUSED


def page(*links: str) -> str:
    return (
        f"<!doctype html><html><head><title>Blog</title>{''.join(links)}</head><body></body></html>"
    )


def link(href: str, kind: str = "application/rss+xml", rel: str = "alternate") -> str:
    return f'<link rel="{rel}" type="{kind}" href="{href}">'


def discover(value: str, guard: SSRFGuard) -> NormalisedAccount:
    return normalise("blog", value, guard=guard, discover=True)


def test_an_absolute_feed_link_is_found(site: LocalSite, loopback_guard: SSRFGuard) -> None:
    site.add("/", page(link(site.url("/feed.xml"))))
    account = discover(site.url("/"), loopback_guard)
    assert account == NormalisedAccount(
        "blog", f"127.0.0.1:{site.port}", site.url("/"), site.url("/feed.xml")
    )


def test_a_relative_feed_link_is_resolved_against_the_final_page(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.redirect("/blog", "/blog/", status=301)
    site.add("/blog/", page(link("feed/atom.xml", "application/atom+xml")))
    account = discover(site.url("/blog/"), loopback_guard)
    assert account.profile_url == site.url("/blog")
    assert account.feed_url == site.url("/blog/feed/atom.xml")
    assert site.requests == ["/blog", "/blog/"]


def test_a_base_element_changes_where_relative_links_point(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.add("/", page('<base href="/posts/">', link("index.rss")))
    assert discover(site.url("/"), loopback_guard).feed_url == site.url("/posts/index.rss")


def test_atom_or_rss_is_preferred_to_json_feed_and_the_first_wins(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.add(
        "/",
        page(
            link("/feed.json", "application/feed+json"),
            link("/comments.rss", rel="stylesheet"),
            link("/atom.xml", "application/atom+xml"),
            link("/rss.xml", "application/rss+xml"),
        ),
    )
    assert discover(site.url("/"), loopback_guard).feed_url == site.url("/atom.xml")


def test_a_json_feed_is_used_when_it_is_the_only_one(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.add("/", page(link("/feed.json", "application/feed+json; charset=utf-8")))
    assert discover(site.url("/"), loopback_guard).feed_url == site.url("/feed.json")


def test_a_feed_link_to_a_private_address_is_ignored(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.add("/", page(link("http://10.0.0.5/feed.xml"), link("/safe.xml")))
    assert discover(site.url("/"), loopback_guard).feed_url == site.url("/safe.xml")


def test_a_page_without_any_feed_is_still_a_valid_blog(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.add("/", page('<link rel="stylesheet" href="/style.css">'))
    account = discover(site.url("/"), loopback_guard)
    assert account == NormalisedAccount("blog", f"127.0.0.1:{site.port}", site.url("/"), None)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/rss+xml", "<rss version='2.0'><channel></channel></rss>"),
        ("application/atom+xml; charset=utf-8", "<feed xmlns='http://www.w3.org/2005/Atom'/>"),
        ("text/xml", "<rss version='2.0'/>"),
        ("text/plain", "<?xml version='1.0'?><rss version='2.0'/>"),
        ("application/octet-stream", "\n  <feed xmlns='http://www.w3.org/2005/Atom'/>"),
        ("application/json", '{"version": "https://jsonfeed.org/version/1.1", "items": []}'),
        ("application/feed+json", '{"version": "https://jsonfeed.org/version/1", "items": []}'),
    ],
)
def test_an_address_that_is_itself_a_feed_is_its_own_feed(
    site: LocalSite, loopback_guard: SSRFGuard, content_type: str, body: str
) -> None:
    site.add("/feed", body, content_type=content_type)
    account = discover(site.url("/feed"), loopback_guard)
    assert account.feed_url == site.url("/feed")


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/xhtml+xml", "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>"),
        ("application/json", '{"version": 2}'),
        ("application/json", "not json"),
    ],
)  # fmt: skip
def test_look_alikes_of_feeds_are_not_feeds(
    site: LocalSite, loopback_guard: SSRFGuard, content_type: str, body: str
) -> None:
    site.add("/x", body, content_type=content_type)
    assert discover(site.url("/x"), loopback_guard).feed_url is None


def test_loopback_is_refused_by_the_production_guard(site: LocalSite, guard: SSRFGuard) -> None:
    site.add("/", page(link("/feed.xml")))
    with pytest.raises(InvalidHandle) as caught:
        discover(site.url("/"), guard)
    assert caught.value.detail == REFUSED
    assert site.requests == []


def test_a_redirect_to_a_private_address_is_refused(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.redirect("/", "http://169.254.169.254/latest/meta-data/")
    with pytest.raises(InvalidHandle) as caught:
        discover(site.url("/"), loopback_guard)
    assert caught.value.detail == REFUSED


def test_a_redirect_to_loopback_is_refused_when_only_one_address_is_allowed(
    site: LocalSite,
) -> None:
    with local_site("127.0.0.2") as other:
        other.add("/", page(link("/feed.xml")))
        site.redirect("/", other.url("/"))
        with pytest.raises(InvalidHandle) as caught:
            discover(site.url("/"), SSRFGuard("127.0.0.1/32"))
        assert caught.value.detail == REFUSED
        assert other.requests == []
        # the same redirect is followed when the guard allows the target
        assert discover(site.url("/"), SSRFGuard("127.0.0.0/8")).feed_url == other.url("/feed.xml")


def test_a_page_larger_than_the_limit_is_refused(
    site: LocalSite, loopback_guard: SSRFGuard
) -> None:
    site.add("/", page(link("/feed.xml")) + " " * DEFAULT_MAX_BYTES)
    with pytest.raises(InvalidHandle) as caught:
        discover(site.url("/"), loopback_guard)
    assert caught.value.detail == "We could not read this site: the page is larger than 2 MB."


def test_an_error_page_is_not_a_blog(site: LocalSite, loopback_guard: SSRFGuard) -> None:
    with pytest.raises(InvalidHandle) as caught:
        discover(site.url("/missing"), loopback_guard)
    assert caught.value.detail == ("We could not reach this site: it answered with HTTP error 404.")


def test_a_site_that_does_not_answer_is_refused(loopback_guard: SSRFGuard) -> None:
    with socket.socket() as probe:  # a port nobody listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InvalidHandle) as caught:
        discover(f"http://127.0.0.1:{port}/", loopback_guard)
    assert caught.value.detail == "We could not reach this site: the connection was refused."


def test_without_discovery_nothing_is_fetched(site: LocalSite, loopback_guard: SSRFGuard) -> None:
    site.add("/", page(link("/feed.xml")))
    account = normalise("blog", site.url("/"), guard=loopback_guard, discover=False)
    assert account.feed_url is None
    assert site.requests == []


def test_a_discovered_feed_on_a_denied_origin_is_not_kept(site: LocalSite) -> None:
    """The page's own origin is allowed; feeds it names elsewhere on the machine are not."""
    guard = SSRFGuard(f"127.0.0.1:{site.port}")
    with local_site() as other:  # another port of the same host: PostgreSQL, the gateway...
        other.add("/feed.xml", "<rss/>", content_type="application/rss+xml")
        for href in (other.url("/feed.xml"), f"http://localhost:{other.port}/feed.xml"):
            site.add("/", page(link(href)))
            assert discover(site.url("/"), guard).feed_url is None, href
        # the first safe candidate wins, in order
        site.add("/", page(link(other.url("/feed.xml")), link("/safe.xml")))
        assert discover(site.url("/"), guard).feed_url == site.url("/safe.xml")
        assert other.requests == []
