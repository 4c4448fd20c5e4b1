"""Blogs: any public web site, in canonical form, with its feed discovered through the guard."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import replace
from urllib.parse import SplitResult, urlsplit, urlunsplit

from relais_common.outgoing import FetchSlots
from relais_common.ssrf import SSRFGuard, UnsafeURLError

from relais_ambassadors.platforms.discovery import REFUSED, discover_feed
from relais_ambassadors.platforms.domains import to_ascii_domain
from relais_ambassadors.platforms.model import InvalidHandle, NormalisedAccount
from relais_ambassadors.platforms.pasted import clean, parse_url

EXPECTED = "A blog is a web address like https://example.com/blog."
# A scheme is letters then "://" or a known scheme word; "example.com:8080/x" has none.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://|^(javascript|data|mailto|file|ftp):", re.I)


def normalise_blog(value: str, *, guard: SSRFGuard) -> NormalisedAccount:
    """The canonical blog account, without its feed (see :func:`with_blog_feed`)."""
    url = canonical_url(clean(value, EXPECTED))
    try:
        guard.check_url(url)
    except UnsafeURLError as exc:
        raise InvalidHandle(REFUSED) from exc
    parts = urlsplit(url)
    handle = (parts.netloc + parts.path).rstrip("/")
    return NormalisedAccount("blog", handle, url, None)


async def with_blog_feed(account: NormalisedAccount, *, slots: FetchSlots) -> NormalisedAccount:
    feed_url = await discover_feed(account.profile_url, slots=slots)
    return replace(account, feed_url=feed_url)


def canonical_url(text: str) -> str:
    """Scheme and host lowercased, IDN punycoded, default port and fragment dropped,
    no trailing slash except for the root path ``/``."""
    if not _SCHEME.match(text):
        text = "https://" + text
    elif not text.lower().startswith(("http://", "https://")):
        raise InvalidHandle(f"Only web addresses (https://…) are accepted. {EXPECTED}")
    url = parse_url(text, EXPECTED, any_port=True)
    host = _canonical_host(url)
    default_port = 80 if url.scheme.lower() == "http" else 443
    netloc = host if url.port in (None, default_port) else f"{host}:{url.port}"
    path = url.path.rstrip("/") or "/"
    return urlunsplit((url.scheme.lower(), netloc, path, url.query, ""))


def _canonical_host(url: SplitResult) -> str:
    raw = (url.hostname or "").rstrip(".")
    try:
        ip = ipaddress.ip_address(raw)
    except ValueError:
        domain = to_ascii_domain(raw)
        if domain is None:
            raise InvalidHandle(f"“{raw}” is not a public site name. {EXPECTED}") from None
        return domain
    return f"[{ip.compressed}]" if ip.version == 6 else ip.compressed
