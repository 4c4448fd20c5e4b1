"""The SSRF guard: the deny list, URL checks, and fetches against real servers on loopback.

No traffic leaves the machine: public addresses are only checked with ``check_ip``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from relais_common.ssrf import MAX_REDIRECTS, SSRFGuard, UnsafeURLError, fetch_sync
from relais_common.testing_http import LocalSite, local_site

DENIED = [
    "127.0.0.1", "127.255.255.254", "0.0.0.0",  # noqa: S104 - refused, not bound
    "0.1.2.3", "10.0.0.1", "10.255.255.255",
    "100.64.0.1", "100.127.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255",
    "192.0.0.170", "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.51.100.7", "203.0.113.9",
    "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::", "::1", "::127.0.0.1", "::10.0.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
    "::ffff:169.254.169.254", "::ffff:0:7f00:1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe",
    "64:ff9b:1::1", "100::1", "2001::1", "2001:db8::1", "2002:7f00:1::", "2002:a00:1::1",
    "fc00::1", "fd12:3456:789a::1", "fe80::1", "fe80::1%eth0", "fec0::1", "ff02::1",
]  # fmt: skip

ALLOWED = [
    "93.184.215.14", "1.1.1.1", "8.8.8.8", "11.0.0.1", "100.128.0.1", "172.32.0.1",
    "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4007:80e::200e",
]  # fmt: skip


@pytest.mark.parametrize("address", DENIED)
def test_private_and_reserved_addresses_are_denied(address: str) -> None:
    with pytest.raises(UnsafeURLError, match="private or reserved"):
        SSRFGuard().check_ip(address)


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_are_allowed(address: str) -> None:
    SSRFGuard().check_ip(address)


def test_allowed_networks_open_exactly_what_they_name() -> None:
    guard = SSRFGuard("127.0.0.1/32, 10.0.0.0/8")
    guard.check_ip("127.0.0.1")
    guard.check_ip("10.1.2.3")
    for other in ("127.0.0.2", "192.168.0.1", "::1", "::ffff:127.0.0.1"):
        with pytest.raises(UnsafeURLError):
            guard.check_ip(other)
    SSRFGuard(["::1/128"]).check_ip("::1")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("gopher://example.com/", "only http:// and https://"),
        ("javascript:alert(1)", "only http:// and https://"),
        ("http://user:pw@example.com/", "user name or password"),
        ("http://user@example.com/", "user name or password"),
        ("https://:pw@example.com/", "user name or password"),
        ("http:///path", "no host name"),
        ("http://exa mple.com/", "characters that are not allowed"),
        ("http://example.com\\@127.0.0.1/", "characters that are not allowed"),
        ("http://example.com/\n", "characters that are not allowed"),
        ("http://example.com/" + "a" * 2100, "characters that are not allowed"),
        ("http://127.0.0.1/", "private or reserved"),
        ("http://[::1]/", "private or reserved"),
        ("http://[::ffff:127.0.0.1]/", "private or reserved"),
        ("http://[::127.0.0.1]/", "private or reserved"),
        ("http://[64:ff9b::7f00:1]/", "private or reserved"),
        ("http://[2002:7f00:1::]/", "private or reserved"),
        ("http://[fe80::1%25eth0]/", "private or reserved"),
        ("http://0.0.0.0:8000/", "private or reserved"),
        ("http://169.254.169.254/latest/meta-data/", "private or reserved"),
        # hosts that browsers read as IPv4 addresses
        ("http://127.1/", "127.0.0.1 is a private or reserved"),
        ("http://0x7f.1/", "127.0.0.1 is a private or reserved"),
        ("http://2130706433/", "127.0.0.1 is a private or reserved"),
        ("http://0177.0.0.1/", "127.0.0.1 is a private or reserved"),
        ("http://127.0.0.1./", "127.0.0.1 is a private or reserved"),
        ("http://0xA9FEA9FE/", "169.254.169.254 is a private or reserved"),
        ("http://1.2.3.4.5/", "not a valid IPv4 address"),
        ("http://256.1.1.1/", "not a valid IPv4 address"),
    ],
)
def test_unsafe_urls_are_refused_before_any_connection(url: str, reason: str) -> None:
    with pytest.raises(UnsafeURLError, match=reason.replace(".", r"\.").replace("?", r"\?")):
        SSRFGuard().check_url(url)


def test_public_urls_pass_and_shorthand_addresses_are_written_out() -> None:
    guard = SSRFGuard()
    assert str(guard.check_url("https://Example.com/feed?x=1")) == "https://example.com/feed?x=1"
    assert str(guard.check_url("http://93.184.215.14/")) == "http://93.184.215.14/"
    assert guard.check_url("http://0x5db8d70e:8080/a").host == "93.184.215.14"
    assert guard.check_url("http://1.256/").host == "1.0.1.0"


# --- fetching: real servers on loopback addresses ------------------------------------------


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with local_site() as local:
        yield local


def test_an_allowed_address_is_fetched(site: LocalSite) -> None:
    site.add("/page", "hello", content_type="text/plain")
    result = fetch_sync(site.url("/page"), guard=SSRFGuard("127.0.0.0/8"))
    assert (result.status, result.content_type, result.text()) == (200, "text/plain", "hello")
    assert result.url == site.url("/page")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.1", "0x7f.1", "2130706433"])
def test_loopback_is_refused_whatever_its_spelling(site: LocalSite, host: str) -> None:
    site.add("/", "secret")
    with pytest.raises(UnsafeURLError, match="private or reserved"):
        fetch_sync(f"http://{host}:{site.port}/", guard=SSRFGuard())
    assert site.requests == []


@pytest.mark.parametrize("host", ["127.1", "0x7f.1", "2130706433", "localhost"])
def test_spellings_of_loopback_reach_loopback_when_it_is_allowed(
    site: LocalSite, host: str
) -> None:
    site.add("/", "local")
    result = fetch_sync(f"http://{host}:{site.port}/", guard=SSRFGuard("127.0.0.0/8, ::1/128"))
    assert result.text() == "local"


def test_a_redirect_to_another_loopback_address_is_refused(site: LocalSite) -> None:
    with local_site("127.0.0.2") as other:
        other.add("/", "internal")
        site.redirect("/", other.url("/"))
        with pytest.raises(UnsafeURLError, match=r"127\.0\.0\.2 is a private or reserved"):
            fetch_sync(site.url("/"), guard=SSRFGuard("127.0.0.1/32"))
        assert site.requests == ["/"]
        assert other.requests == []
        # the guard is what stops it: allowing the target lets the same redirect through
        result = fetch_sync(site.url("/"), guard=SSRFGuard("127.0.0.0/8"))
        assert (result.url, result.text()) == (other.url("/"), "internal")


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "private or reserved"),
        ("http://[::1]/", "private or reserved"),
        ("http://0xA9FEA9FE/", "private or reserved"),
        ("http://2130706434/", "private or reserved"),
        ("ftp://example.com/", "only http:// and https://"),
        ("http://user:pw@example.com/", "user name or password"),
    ],
)
def test_redirects_are_checked_like_the_first_address(
    site: LocalSite, location: str, reason: str
) -> None:
    site.redirect("/", location, status=301)
    with pytest.raises(UnsafeURLError, match=reason):
        fetch_sync(site.url("/"), guard=SSRFGuard("127.0.0.1/32"))


def test_relative_redirects_are_followed(site: LocalSite) -> None:
    site.redirect("/old", "/new", status=308)
    site.add("/new", "moved")
    result = fetch_sync(site.url("/old"), guard=SSRFGuard("127.0.0.1/32"))
    assert (result.url, result.text()) == (site.url("/new"), "moved")


def test_redirect_loops_stop(site: LocalSite) -> None:
    site.redirect("/loop", "/loop")
    with pytest.raises(UnsafeURLError, match="too many redirects"):
        fetch_sync(site.url("/loop"), guard=SSRFGuard("127.0.0.1/32"))
    assert len(site.requests) == MAX_REDIRECTS + 1


def test_responses_over_the_size_limit_are_refused(site: LocalSite) -> None:
    site.add("/big", b"x" * 1001)
    site.add("/fits", b"x" * 1000)
    guard = SSRFGuard("127.0.0.1/32")
    with pytest.raises(UnsafeURLError, match="larger than 1000 bytes"):
        fetch_sync(site.url("/big"), guard=guard, max_bytes=1000)
    assert len(fetch_sync(site.url("/fits"), guard=guard, max_bytes=1000).body) == 1000


# --- allowed origins: a port names one service, not the whole machine -------------------


def test_an_allowed_origin_opens_its_port_only(site: LocalSite) -> None:
    guard = SSRFGuard(f"127.0.0.1:{site.port}")
    site.add("/", "hello")
    assert fetch_sync(site.url("/"), guard=guard).body == b"hello"
    with local_site() as other:  # the same host, another port (PostgreSQL, the gateway...)
        other.add("/", "secret")
        with pytest.raises(UnsafeURLError, match="private or reserved"):
            fetch_sync(other.url("/"), guard=guard)
        assert other.requests == []
    for port in (5432, 8000, site.port + 1):
        with pytest.raises(UnsafeURLError):
            guard.check_url(f"http://127.0.0.1:{port}/")
    with pytest.raises(UnsafeURLError):
        guard.check_url("http://127.0.0.1/")  # port 80


def test_a_redirect_to_another_port_of_an_allowed_host_is_refused(site: LocalSite) -> None:
    with local_site() as other:
        other.add("/", "secret")
        site.redirect("/", other.url("/"))
        with pytest.raises(UnsafeURLError, match="private or reserved"):
            fetch_sync(site.url("/"), guard=SSRFGuard(f"127.0.0.1:{site.port}"))
        assert other.requests == []


def test_a_name_resolving_to_a_denied_origin_is_refused_on_connect(site: LocalSite) -> None:
    site.add("/", "hello")
    with pytest.raises(UnsafeURLError, match="private or reserved"):
        fetch_sync(f"http://localhost:{site.port + 1}/", guard=SSRFGuard(f"127.0.0.1:{site.port}"))


def test_ipv6_origins_are_written_in_brackets() -> None:
    guard = SSRFGuard("[::1]:8765, 10.0.0.0/8:8080, [fd00::/8]")
    guard.check_url("http://[::1]:8765/feed")
    guard.check_url("http://10.1.2.3:8080/")
    guard.check_url("https://[fd12::1]/")  # no port: every port of the network
    for url in (
        "http://[::1]:8766/",
        "http://[::1]/",
        "http://10.1.2.3/",
        "http://127.0.0.1:8765/",
    ):
        with pytest.raises(UnsafeURLError):
            guard.check_url(url)


@pytest.mark.parametrize(
    "entry", ["[::1]8765", "127.0.0.1:http", "127.0.0.1:0", "[::1]:70000", "x"]
)
def test_malformed_origins_are_refused_at_start(entry: str) -> None:
    with pytest.raises(ValueError, match=r"port|network"):
        SSRFGuard(entry)


def test_check_resolved_checks_the_addresses_of_a_name() -> None:
    guard = SSRFGuard("127.0.0.1:8765")
    with pytest.raises(UnsafeURLError, match="private or reserved"):
        asyncio.run(guard.check_resolved("http://localhost:8766/feed.xml"))
    with pytest.raises(UnsafeURLError, match="private or reserved"):
        asyncio.run(guard.check_resolved("http://127.0.0.1:8766/feed.xml"))
    assert str(asyncio.run(guard.check_resolved("http://127.0.0.1:8765/f"))).endswith(":8765/f")
