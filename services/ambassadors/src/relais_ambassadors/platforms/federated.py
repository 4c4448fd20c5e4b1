"""Mastodon and Bluesky: accounts named by a domain, each with a public RSS feed."""

from __future__ import annotations

import re

from relais_ambassadors.platforms.domains import to_ascii_domain
from relais_ambassadors.platforms.model import InvalidHandle, NormalisedAccount
from relais_ambassadors.platforms.pasted import (
    as_url,
    clean,
    host_in,
    host_of,
    parse_url,
    refuse_other_schemes,
    segments,
    strip_at,
)

MASTODON_EXPECTED = (
    "A Mastodon account looks like @name@instance.social or https://instance.social/@name."
)
# Well-known sites that are not on the fediverse: an address there is a mistake, not a server.
NOT_MASTODON = frozenset(
    f"{prefix}{host}"
    for host in ("x.com", "twitter.com", "instagram.com", "facebook.com", "linkedin.com",
                 "tiktok.com", "youtube.com", "bsky.app", "github.com")
    for prefix in ("", "www.")
)  # fmt: skip
_MASTODON_USER = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?")
_URL_START = re.compile(r"^(https?://|[^/@\s]+\.[^/@\s]+/)", re.IGNORECASE)


def normalise_mastodon(value: str) -> NormalisedAccount:
    text = clean(value, MASTODON_EXPECTED)
    refuse_other_schemes(text, MASTODON_EXPECTED)
    if _URL_START.match(text):
        user, server = _mastodon_from_url(text)
    else:
        user, _, server = strip_at(text).partition("@")
        if not server:
            raise InvalidHandle(
                "A Mastodon account also names its server, after a second @. " + MASTODON_EXPECTED
            )
    if not _MASTODON_USER.fullmatch(user):
        raise InvalidHandle(
            "A Mastodon user name has letters, digits, underscores, dots or hyphens. "
            + MASTODON_EXPECTED
        )
    domain = to_ascii_domain(server.rstrip("/"))
    if domain in NOT_MASTODON:
        raise InvalidHandle(f"{domain} is not a Mastodon server. " + MASTODON_EXPECTED)
    if domain is None:
        raise InvalidHandle(f"“{server}” is not a valid server name. " + MASTODON_EXPECTED)
    user = user.lower()
    return NormalisedAccount(
        platform="mastodon",
        handle=f"@{user}@{domain}",
        profile_url=f"https://{domain}/@{user}",
        feed_url=f"https://{domain}/@{user}.rss",
    )


def _mastodon_from_url(text: str) -> tuple[str, str]:
    if not text.lower().startswith(("http://", "https://")):
        text = "https://" + text
    url = parse_url(text, MASTODON_EXPECTED)
    parts = segments(url)
    if len(parts) == 2 and parts[0] in ("users", "web") and parts[0] != parts[1]:
        parts = [parts[1] if parts[0] == "web" else "@" + parts[1]]
    if len(parts) != 1 or not parts[0].startswith("@"):
        raise InvalidHandle("This is not the address of a Mastodon profile. " + MASTODON_EXPECTED)
    user, _, remote = parts[0][1:].partition("@")
    return user, remote or host_of(url)  # /@name@other.server is a remote account


BLUESKY_EXPECTED = (
    "A Bluesky account looks like name.bsky.social, your own domain,"
    " or https://bsky.app/profile/name.bsky.social."
)
_BSKY_HOSTS = host_in("bsky.app", subdomains=("www",))
_DID_PLC = re.compile(r"did:plc:[a-z2-7]{24}")


def normalise_bluesky(value: str) -> NormalisedAccount:
    text = clean(value, BLUESKY_EXPECTED)
    actor = _bluesky_actor(text)
    if actor.lower().startswith("did:"):
        handle = _did(actor)
    else:
        domain = to_ascii_domain(actor)
        if domain is None:
            hint = f" Did you mean {actor.lower()}.bsky.social?" if "." not in actor else ""
            raise InvalidHandle(f"A Bluesky handle is a domain name.{hint} " + BLUESKY_EXPECTED)
        handle = domain
    profile = f"https://bsky.app/profile/{handle}"
    return NormalisedAccount("bluesky", handle, profile, profile + "/rss")


def _bluesky_actor(text: str) -> str:
    url = as_url(text, _BSKY_HOSTS, "Bluesky", BLUESKY_EXPECTED)
    if url is None:
        if "/" in text:
            raise InvalidHandle("This is not a Bluesky address. " + BLUESKY_EXPECTED)
        return strip_at(text)
    parts = segments(url)
    if len(parts) == 2 and parts[0] == "profile":
        return parts[1]
    if len(parts) > 2 and parts[0] == "profile":
        raise InvalidHandle("This is the address of a post, not of a profile. " + BLUESKY_EXPECTED)
    raise InvalidHandle("This is not the address of a Bluesky profile. " + BLUESKY_EXPECTED)


def _did(actor: str) -> str:
    did = actor.lower()
    if did.startswith("did:plc:"):
        if not _DID_PLC.fullmatch(did):
            raise InvalidHandle(
                "A did:plc identifier has 24 letters a to z or digits 2 to 7 after did:plc:. "
                + BLUESKY_EXPECTED
            )
        return did
    if did.startswith("did:web:"):
        domain = to_ascii_domain(actor[len("did:web:") :])
        if domain is None:
            raise InvalidHandle("A did:web identifier names a domain. " + BLUESKY_EXPECTED)
        return f"did:web:{domain}"
    raise InvalidHandle(
        "Only did:plc and did:web identifiers are used by Bluesky. " + BLUESKY_EXPECTED
    )
