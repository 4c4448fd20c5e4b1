"""Where the URLs are in a text, as twitter-text's ``extractUrlsWithIndices`` finds them.

The pattern is twitter-text's ``extractUrl`` (preceding character, optional ``http(s)://``,
sub-domains, domain, TLD, port, path, query). Mastodon's server uses the same extractor with
wider path and query characters and the scheme required (``config/initializers/twitter_regex.rb``).
Deviations, documented in ``vectors.json`` notes: the TLD list (see :mod:`.tlds`), no special
case for ``t.co`` slugs, no ``xmpp:``/``magnet:`` URIs for Mastodon. ``counting.ts`` in the SPA
builds the same patterns from the same pieces.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from relais_editorial.counting.tlds import COUNTRY_TLDS, GENERIC_TLDS

MAX_URL_LENGTH = 4096
MAX_LABEL_LENGTH = 63
_SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = "\ufffe\ufeff\uffff"
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_DC = f"[^{_PUNCT}{_SPACES}{_INVALID}]"
_LATIN = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"


def _alternatives(words: tuple[str, ...]) -> str:
    """The words as a prefix tree (``c(?:om|o|a)``...), longer ones tried first: the same
    matches as the plain list sorted longest first, without trying 450 words one by one."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(tree)


def _pattern(node: dict) -> str:  # type: ignore[type-arg]
    branches = [regex.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_TLD_END = "(?=[^0-9a-z@+-]|$)"
_GTLD = f"(?:(?:{_alternatives(GENERIC_TLDS)}){_TLD_END})"
_CCTLD = f"(?:(?:{_alternatives(COUNTRY_TLDS)}){_TLD_END})"
_PUNY = r"(?:xn--[\-0-9a-z]+)"
# twitter-text writes a label (?:DC(?:-|DC)*)?DC: the same strings as DC(?:-*DC)*, which
# does not try every split of a label (a label never holds the "." after it).
_NAME = f"(?:{_DC}(?:-*{_DC})*\\.)"
_SUB = f"(?:{_DC}(?:[_-]*{_DC})*\\.)"
_DOMAIN = f"(?:{_SUB}*{_NAME}(?:{_GTLD}|{_CCTLD}|{_PUNY}))"
_PRECEDING = f"(?:[^A-Za-z0-9@\uff20$#\uff03{_INVALID}]|^)"


def _path(general: str, ending: str) -> str:
    parens = f"\\((?:{general}+|(?:{general}*\\({general}+\\){general}*))\\)"
    end = f"(?:{ending}|(?:{parens}))"
    return f"(?:(?:{general}*(?:{parens}{general}*)*{end})|(?:@{general}+/))"


# X (twitter-text)
_X_PATH = _path(
    f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{_LATIN}]",
    f"[+\\-a-z{_CYRILLIC}0-9=_#/{_LATIN}]",
)
_X_QUERY = r"(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])"
# Mastodon (twitter-text with the server's wider path and query characters)
_UCHARS = (
    "\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd"
    "\U00030000-\U000efffd\U000f0000-\U000ffffd\U00100000-\U0010fffd"
)
_M_PATH = _path(
    "[^\\p{White_Space}<>()?]", "[^\\p{White_Space}()?!*\"'\u300c\u300d<>;:=,.$%\\[\\]~&|@]"
)
_M_QUERY = f"(?:\\?[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^{_UCHARS}]*[a-z0-9_&=#/\\-{_UCHARS}])"


def _url(protocol: str, path: str, query: str) -> regex.Pattern[str]:
    return regex.compile(
        f"({_PRECEDING})(({protocol})({_DOMAIN})(?::([0-9]+))?(/{path}*)?({query})?)",
        regex.IGNORECASE | regex.VERSION0,
    )


X_URL = _url(r"(?:https?://)?", _X_PATH, _X_QUERY)
MASTODON_URL = _url(r"(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://", _M_PATH, _M_QUERY)
_ASCII_DOMAIN = regex.compile(
    f"(?:(?:[\\-a-z0-9{_LATIN}]+)\\.)+(?:{_GTLD}|{_CCTLD}|{_PUNY})", regex.IGNORECASE
)
_SHORT_DOMAIN = regex.compile(f"^{_NAME}{_CCTLD}$", regex.IGNORECASE)
_SPECIAL_SHORT = regex.compile(f"^{_NAME}(?:co|tv)(?=[^0-9a-zA-Z@]|$)$", regex.IGNORECASE)


def _ascii_label(label: str) -> str:
    return label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")


def _valid_host(url: str, protocol: str, domain: str) -> bool:
    """twitter-text's ``isValidUrl``: every IDNA label 1..63 characters, URL <= 4096."""
    try:
        labels = [_ascii_label(label) for label in domain.split(".")]
    except UnicodeError:
        return False
    if any(not 0 < len(label) <= MAX_LABEL_LENGTH for label in labels):
        return False
    ascii_length = sum(len(label) for label in labels) + len(labels) - 1
    return len(protocol or "https://") + len(url) + ascii_length - len(domain) <= MAX_URL_LENGTH


# A URL never holds these characters (nor does its domain, path or query), so each run without
# them is searched alone: the same matches as a scan of the whole text, without trying every
# word of prose. Mastodon's query may hold any non-ASCII space, hence its shorter list.
_X_CHUNK = regex.compile(f"[^{_SPACES}]+")
_MASTODON_CHUNK = regex.compile("[^\t-\r \x85]+")


# Every domain ends in ".<listed TLD>" or ".xn--": a run without one holds no URL.
_TLD_HINT = regex.compile(f"\\.(?:{_GTLD}|{_CCTLD}|xn--)", regex.IGNORECASE)


def url_spans(text: str, *, without_protocol: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) code point offsets of each URL, in order, never overlapping."""
    needle = "." if without_protocol else "://"
    if needle not in text:
        return
    chunks = _X_CHUNK if without_protocol else _MASTODON_CHUNK
    for chunk in chunks.finditer(text):
        if needle in chunk.group() and _TLD_HINT.search(chunk.group()):
            offset = chunk.start()
            for start, end in _chunk_spans(chunk.group(), without_protocol):
                yield offset + start, offset + end


def _chunk_spans(text: str, without_protocol: bool) -> Iterator[tuple[int, int]]:
    pattern = X_URL if without_protocol else MASTODON_URL
    for match in pattern.finditer(text):
        before, url, protocol, domain, path = match.group(1, 2, 3, 4, 6)
        start, end = match.span(2)
        if not _valid_host(url, protocol, domain):
            continue
        if protocol:
            yield start, end
            continue
        if regex.search(r"[-_./]$", before):
            continue
        yield from _ascii_domains(domain, start, end if path else None)


def _ascii_domains(domain: str, start: int, path_end: int | None) -> Iterator[tuple[int, int]]:
    """A scheme-less URL counts only its ASCII domains; a bare ``name.cc`` is no URL."""
    found = list(_ASCII_DOMAIN.finditer(domain))
    for index, match in enumerate(found):
        last = index == len(found) - 1
        if path_end is not None and last:
            yield start + match.start(), path_end
        elif (
            path_end is not None
            or _SPECIAL_SHORT.match(match.group())
            or not _SHORT_DOMAIN.match(match.group())
        ):
            yield start + match.start(), start + match.end()
