"""Domain names as people type them: trimmed, lowercased, IDN labels punycoded, checked."""

from __future__ import annotations

import re

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# Names that never reach a public site (RFC 6761, RFC 6762, RFC 7686, RFC 9476, ICANN .internal).
RESERVED_TLDS = frozenset(
    {"localhost", "local", "test", "invalid", "example", "onion", "arpa", "internal", "alt"}
)


def to_ascii_domain(raw: str) -> str | None:
    """The ASCII (punycode) lowercase form of a public domain name, or None if it is not one.

    A public name has at least two labels, valid labels, and a top-level label that starts
    with a letter (so IP addresses and bare host names like ``intranet`` are refused).
    """
    name = raw.strip().rstrip(".").lower()
    if not name or len(name) > 253 or ".." in name:
        return None
    labels: list[str] = []
    for label in name.split("."):
        try:
            ascii_label = label.encode("idna").decode("ascii") if not label.isascii() else label
        except UnicodeError:
            return None
        if not _LABEL.match(ascii_label):
            return None
        labels.append(ascii_label)
    tld = labels[-1]
    if len(labels) < 2 or not tld[0].isalpha() or tld in RESERVED_TLDS:
        return None
    ascii_name = ".".join(labels)
    return ascii_name if len(ascii_name) <= 253 else None
