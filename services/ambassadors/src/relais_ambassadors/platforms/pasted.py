"""What people paste into an account field: a bare handle, ``@handle`` or a profile URL.

These helpers trim the input, tell a URL from a handle, check the URL's scheme, host and
port, and cut its path into decoded segments. Platform rules build on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from relais_ambassadors.platforms.model import InvalidHandle

MAX_INPUT = 2048
HostMatcher = Callable[[str], bool]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SCRIPT_SCHEMES = ("javascript:", "data:", "mailto:", "file:", "vbscript:")
COMMON_SUBDOMAINS = ("www", "m", "mobile")


def host_in(*bases: str, subdomains: tuple[str, ...] = COMMON_SUBDOMAINS) -> HostMatcher:
    """Match each base host and its usual subdomains (``www.``, ``m.``, ``mobile.``)."""
    names = frozenset(bases) | {f"{sub}.{base}" for base in bases for sub in subdomains}
    return names.__contains__


def clean(value: str, expected: str) -> str:
    """The trimmed input; refuses empty, oversized and control-character input."""
    text = value.strip()
    if not text:
        raise InvalidHandle(f"Please fill in the account. {expected}")
    if len(text) > MAX_INPUT:
        raise InvalidHandle(f"This is too long to be an account. {expected}")
    if _CONTROL.search(text):
        raise InvalidHandle(f"This contains invisible control characters. {expected}")
    return text


def refuse_other_schemes(text: str, expected: str) -> None:
    """``ftp://…``, ``javascript:…`` and the like are never accounts."""
    lowered = text.lower()
    if lowered.startswith(("http://", "https://")):
        return
    if (_SCHEME.match(text) and "://" in text) or lowered.startswith(_SCRIPT_SCHEMES):
        raise InvalidHandle(f"Only web addresses (https://…) are accepted. {expected}")


def as_url(text: str, is_host: HostMatcher, label: str, expected: str) -> SplitResult | None:
    """The parsed URL when ``text`` is one (with or without ``https://``), else None.

    A URL must be http(s), carry no user name, use the default port and have a host that
    ``is_host`` accepts; otherwise the refusal says so.
    """
    refuse_other_schemes(text, expected)
    if _SCHEME.match(text) and not text.lower().startswith(("http://", "https://")):
        return None  # "did:plc:…" and similar: not a URL, the platform rule decides
    if not _SCHEME.match(text):
        first = text.split("/", 1)[0].split("?", 1)[0].lower()
        if "/" not in text or not is_host(first):
            return None
        text = "https://" + text
    url = parse_url(text, expected)
    if not is_host(host_of(url)):
        raise InvalidHandle(f"This is not {a(label)} address. {expected}")
    return url


def parse_url(text: str, expected: str, *, any_port: bool = False) -> SplitResult:
    """Split an http(s) URL; refuses user names, odd ports and spaces with a clear message."""
    try:
        url = urlsplit(text)
        port = url.port
    except ValueError as exc:
        raise InvalidHandle(f"This web address is not valid. {expected}") from exc
    if url.scheme.lower() not in ("http", "https") or not url.hostname:
        raise InvalidHandle(f"This web address is not valid. {expected}")
    if url.username is not None or url.password is not None:
        raise InvalidHandle(f"Web addresses with a user name or password are refused. {expected}")
    if port not in (None, 80, 443) and not any_port:
        raise InvalidHandle(f"This web address uses an unusual port. {expected}")
    if any(c.isspace() for c in text):
        raise InvalidHandle(f"A web address cannot contain spaces. {expected}")
    return url


def host_of(url: SplitResult) -> str:
    return (url.hostname or "").rstrip(".").lower()


def segments(url: SplitResult) -> list[str]:
    """The non-empty path segments, percent-decoded."""
    return [unquote(part) for part in url.path.split("/") if part]


def query_value(url: SplitResult, name: str) -> str | None:
    values = parse_qs(url.query).get(name)
    return values[0] if values else None


def strip_at(text: str) -> str:
    return text[1:] if text.startswith("@") else text


def a(label: str) -> str:
    """``label`` with its article: "an X", "an Instagram", "a GitHub"."""
    return f"{'an' if label[:1] in 'AEIOUX' else 'a'} {label}"
