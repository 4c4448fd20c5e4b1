"""The small image proxy: a visitor's browser never loads an image from a feed's site.

The sanitiser rewrites each image to ``/img/<url>.<mark>`` in the stored HTML, the mark being
the URL's HMAC: it says Relais wrote it, and no proxy serves it. Each render of the outputs
turns the marks into ``/img/<url>.<post>.<expires>.<mac>`` tokens (:class:`ImageTokens`), which
the proxy serves until they expire and while their post is still in the read model (so it
fetches only what Relais itself wrote, and only for a while: it is no open proxy, a token copied
out of a page stops working, and once the author withdraws their consent, or is erased, the
post's images stop at once with it). The fetch goes
through the SSRF guard, accepts image types only (no SVG: it can carry script), is capped in
size, and the answers are kept in a bounded in-memory cache.
"""

from __future__ import annotations

import base64
import hmac
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from relais_common.db import utcnow
from relais_common.errors import Gone, NotFound
from relais_common.ssrf import SSRFGuard, UnsafeURLError, fetch

from relais_aggregator.feeds.repository import item_exists

# Consent is live everywhere: an image of a withdrawn post is kept at most a minute, here and
# in browsers or a CDN; and the memory it takes here is bounded.
CACHE_SECONDS = 60
CACHE_MAX_BYTES = 32 * 1024 * 1024
ALLOWED_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif")
PREFIX = "/img/"
# Served tokens are issued per window of ROTATION_SECONDS and expire at the end of the next
# window: 15 to 30 minutes after they were issued. The render cache re-renders at its first
# tick (seconds) in each new window (its position carries the window), and browsers keep a
# page 25 s, a CDN 10 s (pages/variant.py): a page is replaced about 15 minutes before its
# tokens expire, so no cached page outlives them, even while the database is down a while.
ROTATION_SECONDS = 15 * 60
_MARKED = re.compile(r'(?<=src=")/img/([A-Za-z0-9_-]*\.[A-Za-z0-9_-]+)(?=")')
_MARK, _EXPIRING = b"relais-img:", b"relais-img-until:"
_POST_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _mac(secret: str, data: bytes, purpose: bytes = _MARK) -> str:
    digest = hmac.digest(secret.encode(), purpose + data, "sha256")
    return base64.urlsafe_b64encode(digest[:18]).decode()


def _same(given: str, wanted: str) -> bool:
    """Constant-time equality; compare_digest refuses a str with non-ASCII characters."""
    return hmac.compare_digest(given.encode(), wanted.encode())


def _encoded(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _decoded(encoded: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except ValueError:
        return None


def sign(secret: str, url: str) -> str:
    """The mark the sanitiser stores: proof that Relais wrote this URL (never served)."""
    data = url.encode()
    return f"{_encoded(data)}.{_mac(secret, data)}"


def verify(secret: str, token: str) -> str | None:
    """The URL a mark was made for, or None when it was not made by this secret."""
    encoded, _, mac = token.partition(".")
    data = _decoded(encoded)
    if data is None or not mac or not _same(mac, _mac(secret, data)):
        return None
    try:
        return data.decode()
    except UnicodeDecodeError:
        return None


class ImageTokens:
    """Served tokens: the URL, when the token expires, and an HMAC of both."""

    def __init__(self, secret: str, rotation: int = ROTATION_SECONDS) -> None:
        self.secret = secret
        self.rotation = rotation

    def window(self, now: datetime) -> int:
        return int(now.timestamp()) // self.rotation

    def issue(self, url: str, now: datetime, post_id: str) -> str:
        data = url.encode()
        expires = (self.window(now) + 2) * self.rotation
        mac = _mac(self.secret, b"%d:%s:" % (expires, post_id.encode()) + data, _EXPIRING)
        return f"{_encoded(data)}.{post_id}.{expires}.{mac}"

    def servable(self, html: str, now: datetime, post_id: str) -> str:
        """A post's stored HTML with each image mark made a token served until the next window
        ends, and while the post is still in the read model."""
        if PREFIX not in html:
            return html

        def token(match: re.Match[str]) -> str:
            url = verify(self.secret, match.group(1))
            return PREFIX + self.issue(url, now, post_id) if url is not None else match.group(0)

        return _MARKED.sub(token, html)

    def read(self, token: str, now: datetime) -> tuple[str, str]:
        """(the URL, the post) of a token this secret issued; 404 for any other, 410 once
        expired."""
        parts = token.split(".")
        if len(parts) != 4:  # a stored mark (never served), or anything else
            raise NotFound("No image has this address.")
        encoded, post_id, expires, mac = parts
        data = _decoded(encoded)
        if data is None or not (expires.isascii() and expires.isdigit()) or len(expires) > 12:
            raise NotFound("No image has this address.")
        if not _POST_ID.fullmatch(post_id):
            raise NotFound("No image has this address.")
        signed = expires.encode() + b":" + post_id.encode() + b":" + data
        if not _same(mac, _mac(self.secret, signed, _EXPIRING)):
            raise NotFound("No image has this address.")
        if now.timestamp() >= int(expires):
            raise Gone("This image address has expired: reload the page to see the image.")
        try:
            return data.decode(), post_id
        except UnicodeDecodeError as exc:
            raise NotFound("No image has this address.") from exc


def signer(secret: str) -> Callable[[str], str | None]:
    def image_url(url: str) -> str | None:
        return PREFIX + sign(secret, url) if len(url) <= 2000 else None

    return image_url


@dataclass(frozen=True)
class Image:
    content_type: str
    body: bytes
    fetched_at: float = 0.0


class ImageUnavailable(Exception):
    """The image cannot be served (refused, not an image, too large, unreachable)."""


class ImageProxy:
    def __init__(
        self, guard: SSRFGuard, *, user_agent: str, max_bytes: int, entries: int, timeout: float
    ) -> None:
        self.guard = guard
        self.user_agent = user_agent
        self.max_bytes = max_bytes
        self.entries = entries
        self.timeout = timeout
        self.cache: OrderedDict[str, Image] = OrderedDict()
        self.size = 0

    async def get(self, url: str) -> Image:
        now = time.monotonic()
        hit = self.cache.get(url)
        if hit is not None and now - hit.fetched_at < CACHE_SECONDS:
            self.cache.move_to_end(url)
            return hit
        try:
            result = await fetch(
                url,
                guard=self.guard,
                timeout=self.timeout,
                max_bytes=self.max_bytes,
                headers={"User-Agent": self.user_agent, "Accept": "image/*"},
            )
        except (UnsafeURLError, OSError, TimeoutError, ValueError) as exc:
            raise ImageUnavailable(str(exc)) from exc
        except Exception as exc:  # aiohttp.ClientError and the like: the image is unavailable
            raise ImageUnavailable(type(exc).__name__) from exc
        kind = result.content_type.split(";", 1)[0].strip().lower()
        if result.status != 200 or kind not in ALLOWED_TYPES:
            raise ImageUnavailable(f"{result.status} {kind}")
        image = Image(kind, result.body, now)
        self._keep(url, image)
        return image

    def _keep(self, url: str, image: Image) -> None:
        if not self.entries:
            return
        old = self.cache.pop(url, None)
        self.size -= len(old.body) if old else 0
        self.cache[url] = image
        self.size += len(image.body)
        while self.cache and (len(self.cache) > self.entries or self.size > CACHE_MAX_BYTES):
            _, dropped = self.cache.popitem(last=False)
            self.size -= len(dropped.body)


async def proxied_image(app: Any, token: str) -> Image:
    """The image behind a token this service issued and that has not expired (410 once it
    has); 404 for any other token or image."""
    url, post_id = ImageTokens(app.state.settings.internal_secret).read(token, utcnow())
    if not item_exists(app, post_id):
        raise Gone("This image is no longer shown: its post left the public page.")
    proxy: ImageProxy = app.state.image_proxy
    try:
        return await proxy.get(url)
    except ImageUnavailable as exc:
        raise NotFound("This image cannot be shown.") from exc


def image_proxy_of(settings: Any) -> ImageProxy:
    return ImageProxy(
        SSRFGuard(settings.ssrf_allowed_networks),
        user_agent=settings.feed_user_agent,
        max_bytes=settings.image_max_bytes,
        entries=settings.image_cache_entries,
        timeout=10.0,
    )
