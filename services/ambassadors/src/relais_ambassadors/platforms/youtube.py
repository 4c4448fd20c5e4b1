"""YouTube channels: ``@handle``, ``/channel/UC…`` ids (which have a feed) and legacy URLs."""

from __future__ import annotations

import re
from urllib.parse import quote

from relais_ambassadors.platforms.model import InvalidHandle, NormalisedAccount
from relais_ambassadors.platforms.pasted import as_url, clean, host_in, segments

EXPECTED = (
    "A YouTube channel looks like @name, https://www.youtube.com/@name"
    " or https://www.youtube.com/channel/UC…"
)
_HOSTS = host_in("youtube.com")
_HANDLE = re.compile(r"[A-Za-z0-9._-]{3,30}")
_CHANNEL_ID = re.compile(r"UC[A-Za-z0-9_-]{22}")
_LEGACY_NAME = re.compile(r"[\w.-]{1,100}")
_TABS = frozenset(
    {"featured", "videos", "shorts", "streams", "playlists", "community", "about", "podcasts"}
)
_VIDEO_PATHS = frozenset({"watch", "shorts", "live", "playlist", "embed", "results", "v"})
BASE = "https://www.youtube.com"


def normalise_youtube(value: str) -> NormalisedAccount:
    text = clean(value, EXPECTED)
    if text.lower().startswith(("https://youtu.be", "http://youtu.be", "youtu.be/")):
        raise InvalidHandle("This is the address of a video, not of a channel. " + EXPECTED)
    url = as_url(text, _HOSTS, "YouTube", EXPECTED)
    if url is None:
        if "/" in text or ":" in text:
            raise InvalidHandle("This is not a YouTube address. " + EXPECTED)
        return _bare(text)
    parts = segments(url)
    if len(parts) == 2 and parts[1].lower() in _TABS:
        parts = parts[:1]  # https://www.youtube.com/@name/videos is the same channel
    if len(parts) == 3 and parts[2].lower() in _TABS:
        parts = parts[:2]
    if parts and parts[0].lower() in _VIDEO_PATHS:
        raise InvalidHandle("This is the address of a video, not of a channel. " + EXPECTED)
    if len(parts) == 1 and parts[0].startswith("@"):
        return _handle(parts[0][1:])
    if len(parts) == 2 and parts[0] == "channel":
        return _channel(parts[1])
    if len(parts) == 2 and parts[0] in ("c", "user"):
        return _legacy(parts[0], parts[1])
    raise InvalidHandle("This is not the address of a YouTube channel. " + EXPECTED)


def _bare(text: str) -> NormalisedAccount:
    if text.startswith("@"):
        return _handle(text[1:])
    if text.startswith("UC") and len(text) == 24:
        return _channel(text)
    return _handle(text)


def _handle(name: str) -> NormalisedAccount:
    if not _HANDLE.fullmatch(name):
        raise InvalidHandle(
            "A YouTube handle has 3 to 30 letters, digits, dots, hyphens or underscores. "
            + EXPECTED
        )
    handle = "@" + name.lower()
    return NormalisedAccount("youtube", handle, f"{BASE}/{handle}", None)


def _channel(channel_id: str) -> NormalisedAccount:
    if not _CHANNEL_ID.fullmatch(channel_id):
        raise InvalidHandle(
            "A channel id starts with UC and has 24 letters, digits, hyphens or underscores. "
            + EXPECTED
        )
    return NormalisedAccount(
        "youtube",
        channel_id,
        f"{BASE}/channel/{channel_id}",
        f"{BASE}/feeds/videos.xml?channel_id={channel_id}",
    )


def _legacy(kind: str, name: str) -> NormalisedAccount:
    if not _LEGACY_NAME.fullmatch(name):
        raise InvalidHandle("This YouTube channel name is not valid. " + EXPECTED)
    return NormalisedAccount("youtube", name, f"{BASE}/{kind}/{quote(name)}", None)
