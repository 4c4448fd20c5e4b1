"""The small image proxy: a visitor's browser never loads an image from a feed's site.

The sanitiser rewrites each image to ``/img/<token>``, the token being the URL and its HMAC
(so the proxy fetches only what Relais itself wrote: it is no open proxy). The fetch goes
through the SSRF guard, accepts image types only (no SVG: it can carry script), is capped in
size, and the answers are kept in a bounded in-memory cache.
"""

from __future__ import annotations

import base64
import hmac
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from relais_common.errors import NotFound
from relais_common.ssrf import SSRFGuard, UnsafeURLError, fetch

# Consent is live everywhere: an image of a withdrawn post is kept at most a minute, here and
# in browsers or a CDN; and the memory it takes here is bounded.
CACHE_SECONDS = 60
CACHE_MAX_BYTES = 32 * 1024 * 1024
ALLOWED_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif")
PREFIX = "/img/"


def _mac(secret: str, data: bytes) -> str:
    digest = hmac.digest(secret.encode(), b"relais-img:" + data, "sha256")
    return base64.urlsafe_b64encode(digest[:18]).decode()


def sign(secret: str, url: str) -> str:
    data = url.encode()
    encoded = base64.urlsafe_b64encode(data).decode().rstrip("=")
    return f"{encoded}.{_mac(secret, data)}"


def verify(secret: str, token: str) -> str | None:
    """The URL a token was made for, or None when it was not made by this secret."""
    encoded, _, mac = token.partition(".")
    try:
        data = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except ValueError:
        return None
    if not mac or not hmac.compare_digest(mac, _mac(secret, data)):
        return None
    try:
        return data.decode()
    except UnicodeDecodeError:
        return None


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
    """The image behind a token this service signed; 404 for any other token or image."""
    url = verify(app.state.settings.internal_secret, token)
    if url is None:
        raise NotFound("No image has this address.")
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
