"""A link to content (an article, a launch page): an absolute http(s) URL with a host.

Editorial only stores and shows these links, it never fetches them, so no SSRF check applies;
what matters is that a calendar app or a browser opens them as written.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

MAX_URL_LENGTH = 2000


def check_web_url(value: str) -> str:
    url = value.strip()
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise ValueError("A URL cannot contain spaces or control characters.")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number in range
    except ValueError as exc:
        raise ValueError("This is not a valid URL.") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("Use an http:// or https:// URL.")
    if not parts.hostname or port == 0:
        raise ValueError("This URL has no host.")
    return url


WebUrl = Annotated[str, Field(max_length=MAX_URL_LENGTH), AfterValidator(check_web_url)]
