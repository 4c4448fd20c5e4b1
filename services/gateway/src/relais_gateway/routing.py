"""Where a path goes: which service, and the path as the service sees it."""

from __future__ import annotations

from dataclasses import dataclass

from relais_gateway.config import SERVICES

# Public pages served by the aggregator (same path), and editorial's public links.
PUBLIC_PREFIXES: tuple[tuple[str, str], ...] = (
    ("/themes/", "aggregator"),
    ("/networks/", "aggregator"),
    ("/feeds/", "aggregator"),
    ("/opml/", "aggregator"),
    ("/widget/", "aggregator"),
    ("/people/", "aggregator"),
    ("/img/", "aggregator"),  # the feeds' image proxy (signed URLs)
    ("/r/", "editorial"),
    ("/ical/", "editorial"),
)


@dataclass(frozen=True)
class Target:
    service: str
    raw_path: bytes  # still percent-encoded, as the caller sent it
    via_api: bool  # /api/<service>/... (rate limited, identity forwarded)


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s and s != "."]


# Never public: service-to-service routes, and each service's own docs and contract (with its
# /internal/* routes); the public contract is the merged /api/openapi.json, the docs /api/docs.
HIDDEN_FIRST_SEGMENTS = frozenset({"internal", "docs", "redoc", "openapi.json"})


def _hidden(path: str) -> bool:
    """/internal/*, /docs, /redoc or /openapi.json of a service, or a climb out of the prefix."""
    segments = _segments(path)
    return ".." in segments or (bool(segments) and segments[0].lower() in HIDDEN_FIRST_SEGMENTS)


def target_for(path: str, raw_path: bytes) -> Target | None:
    """The upstream for a decoded path (None = not proxied: the gateway answers itself)."""
    if path.startswith("/api/"):
        service, _, rest = path[5:].partition("/")
        if service not in SERVICES or _hidden(rest):
            return None
        prefix_len = len(b"/api/") + len(service.encode())
        return Target(service, raw_path[prefix_len:] or b"/", via_api=True)
    if path == "/":
        return Target("aggregator", raw_path, via_api=False)
    for prefix, service in PUBLIC_PREFIXES:
        if path.startswith(prefix):
            if _hidden(path):
                return None
            return Target(service, raw_path, via_api=False)
    return None
