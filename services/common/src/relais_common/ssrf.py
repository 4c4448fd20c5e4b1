"""The one way to fetch a URL that a user gave: resolve, check every address, connect to it.

Addresses are checked against an explicit deny list (``ipaddress.is_global`` is not enough:
it calls ``::127.0.0.1``, ``64:ff9b::/96`` and ``2002::/16`` global). The resolver that
checks is the one aiohttp connects with, so there is no second lookup to race; redirects
are followed by hand and checked again.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver
from yarl import URL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

DENIED_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "255.255.255.255/32",
        "::/96",  # unspecified, loopback and IPv4-compatible (::127.0.0.1)
        "::ffff:0:0/96",  # IPv4-mapped: checked through the embedded address too
        "::ffff:0:0:0/96",  # IPv4-translated (RFC 2765)
        "64:ff9b::/96",  # NAT64
        "64:ff9b:1::/48",
        "100::/64",
        "2001::/32",  # Teredo
        "2001:db8::/32",
        "2002::/16",  # 6to4
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    )
)

_IPV4_PART = re.compile(r"[0-9]+|0[xX][0-9a-fA-F]*")
MAX_REDIRECTS = 5
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


class UnsafeURLError(ValueError):
    """The URL is malformed, not http(s), or leads to an address Relais must not reach."""


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: int
    content_type: str
    body: bytes

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class AllowedOrigin:
    """An exemption from the deny list: a network, and only one port of it when ``port`` is set."""

    network: IPNetwork
    port: int | None = None

    def admits(self, addr: IPAddress, port: int | None) -> bool:
        return addr in self.network and (self.port is None or self.port == port)


def parse_allowed(entry: str) -> AllowedOrigin:
    """``10.0.0.0/8``, ``127.0.0.1:8765``, ``[::1]:8765``, ``[fd00::/8]`` or ``fd00::/8``."""
    text = entry.strip()
    port: str | None = None
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise ValueError(f"{entry!r}: write [IPv6]:port")
            port = rest[1:]
    elif text.count(":") == 1:  # IPv4 (or an IPv4 network) and a port
        host, port = text.split(":")
    else:
        host = text
    try:
        network = ipaddress.ip_network(host, strict=False)
        number = int(port) if port is not None else None
    except ValueError as exc:
        raise ValueError(f"{entry!r} is not a network, address:port or [IPv6]:port") from exc
    if number is not None and not 0 < number < 65536:
        raise ValueError(f"{entry!r}: the port must be between 1 and 65535")
    return AllowedOrigin(network, number)


class SSRFGuard:
    """Checks addresses against the deny list, minus the allowed origins.

    An allowed entry without a port opens every port of its network (the stack's own
    services and PostgreSQL included, on loopback); ``127.0.0.1:8765`` opens one.
    """

    def __init__(self, allowed_networks: str | list[str] = "") -> None:
        items = (
            allowed_networks.split(",") if isinstance(allowed_networks, str) else allowed_networks
        )
        self.allowed = tuple(parse_allowed(n) for n in items if n.strip())

    def check_ip(self, value: str, port: int | None = None) -> None:
        """Raises :class:`UnsafeURLError` unless ``value`` (on ``port``) may be reached."""
        addr: IPAddress = ipaddress.ip_address(value.split("%", 1)[0])
        if any(origin.admits(addr, port) for origin in self.allowed):
            return
        embedded = getattr(addr, "ipv4_mapped", None)
        candidates: list[IPAddress] = [addr] + ([embedded] if embedded else [])
        for candidate in candidates:
            if any(
                candidate.version == net.version and candidate in net for net in DENIED_NETWORKS
            ):
                raise UnsafeURLError(f"{value} is a private or reserved address")

    async def check_resolved(self, raw: str, *, timeout: float = 5.0) -> URL:
        """:meth:`check_url`, and for a host name every address it resolves to, port included:
        for URLs stored to be fetched later (a discovered feed), not only fetched now."""
        url = self.check_url(raw)
        host = url.host or ""
        try:
            ipaddress.ip_address(host.strip("[]"))
            return url  # an address: check_url checked it with its port
        except ValueError:
            pass
        try:
            async with asyncio.timeout(timeout):  # a name server that never answers
                infos = await asyncio.get_running_loop().getaddrinfo(
                    host, url.port, type=socket.SOCK_STREAM
                )
        except (OSError, TimeoutError) as exc:
            raise UnsafeURLError("the host name was not found") from exc
        for info in infos:
            self.check_ip(str(info[4][0]), url.port)
        return url

    def check_url(self, raw: str) -> URL:
        if any(c in raw for c in "\\\t\r\n ") or len(raw) > 2048:
            raise UnsafeURLError("the address contains characters that are not allowed")
        try:
            url = URL(raw)
        except (ValueError, TypeError) as exc:
            raise UnsafeURLError("the address is not a valid URL") from exc
        if url.scheme not in ("http", "https"):
            raise UnsafeURLError("only http:// and https:// addresses can be fetched")
        if not url.host:
            raise UnsafeURLError("the address has no host name")
        if url.user or url.password:
            raise UnsafeURLError("addresses with a user name or password are refused")
        host = url.host.strip("[]")
        try:
            ipaddress.ip_address(host)
        except ValueError:
            browser_ip = _browser_ipv4(host)
            if browser_ip is None:
                return url  # a name: checked when it is resolved
            # "127.1", "0x7f.1", "2130706433": browsers read these as 127.0.0.1, so do we
            self.check_ip(str(browser_ip), url.port)
            return url.with_host(str(browser_ip))
        self.check_ip(host, url.port)
        return url


def _browser_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a browser reads in ``host`` (WHATWG URL host parsing), None for a name.

    Shorthand, hex and octal forms are addresses for browsers; a host that ends in a number
    but is no valid address is refused, as browsers refuse it.
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not _IPV4_PART.fullmatch(parts[-1]):
        return None
    numbers = [_ipv4_number(part) for part in parts] if len(parts) <= 4 else [-1]
    if min(numbers) < 0 or max(numbers[:-1], default=0) > 255:
        raise UnsafeURLError("the address is not a valid IPv4 address")
    if numbers[-1] >= 256 ** (5 - len(numbers)):
        raise UnsafeURLError("the address is not a valid IPv4 address")
    value = numbers[-1] + sum(n << (8 * (3 - i)) for i, n in enumerate(numbers[:-1]))
    return ipaddress.IPv4Address(value)


def _ipv4_number(part: str) -> int:
    """One dotted part as browsers read it: ``0x`` hex, leading-zero octal, decimal; -1 if none."""
    if part[:2] in ("0x", "0X"):
        digits, base = part[2:] or "0", 16
    elif len(part) > 1 and part.startswith("0"):
        digits, base = part[1:], 8
    else:
        digits, base = part, 10
    try:
        return int(digits, base) if digits.isascii() and digits.isalnum() else -1
    except ValueError:
        return -1


class _GuardedResolver(AbstractResolver):
    def __init__(self, guard: SSRFGuard) -> None:
        self._guard = guard
        self._inner = ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        infos = await self._inner.resolve(host, port, family)
        for info in infos:
            self._guard.check_ip(info["host"], port)
        return infos

    async def close(self) -> None:
        await self._inner.close()


def guarded_connector(guard: SSRFGuard, **kw: Any) -> aiohttp.TCPConnector:
    """A connector whose every DNS answer is checked by ``guard`` before aiohttp connects to
    it: for long-lived sessions (the feed fetcher) that check URLs with ``guard.check_url``
    and follow redirects by hand, as :func:`fetch` does."""
    return aiohttp.TCPConnector(resolver=_GuardedResolver(guard), **kw)


async def fetch(
    url: str,
    *,
    guard: SSRFGuard,
    timeout: float = 10.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    headers: dict[str, str] | None = None,
) -> FetchResult:
    """GET ``url`` safely. Raises :class:`UnsafeURLError` or ``aiohttp.ClientError``."""
    current = guard.check_url(url)
    connector = aiohttp.TCPConnector(resolver=_GuardedResolver(guard), use_dns_cache=False)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    req_headers = {"User-Agent": "Relais/0.1 (+feed discovery)", **(headers or {})}
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        for _ in range(MAX_REDIRECTS + 1):
            async with session.get(current, allow_redirects=False, headers=req_headers) as resp:
                if resp.status in (301, 302, 303, 307, 308) and "Location" in resp.headers:
                    current = guard.check_url(str(current.join(URL(resp.headers["Location"]))))
                    continue
                body = await _read_limited(resp, max_bytes)
                return FetchResult(
                    url=str(current),
                    status=resp.status,
                    content_type=resp.headers.get("Content-Type", ""),
                    body=body,
                )
    raise UnsafeURLError("too many redirects")


async def _read_limited(resp: aiohttp.ClientResponse, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in resp.content.iter_chunked(65536):
        size += len(chunk)
        if size > max_bytes:
            raise UnsafeURLError(f"the response is larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_sync(url: str, *, guard: SSRFGuard, **kw: Any) -> FetchResult:
    """Blocking variant for code that runs in a worker thread."""
    return asyncio.run(fetch(url, guard=guard, **kw))
