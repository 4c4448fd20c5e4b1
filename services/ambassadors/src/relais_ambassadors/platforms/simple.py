"""Platforms whose account is one name in the first path segment: X, Instagram, Threads,
TikTok and GitHub. Each is described by a :class:`HandleRule`; one function applies it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from relais_ambassadors.platforms.model import InvalidHandle, NormalisedAccount
from relais_ambassadors.platforms.pasted import (
    HostMatcher,
    a,
    as_url,
    clean,
    host_in,
    segments,
    strip_at,
)


@dataclass(frozen=True)
class HandleRule:
    platform: str
    label: str
    hosts: HostMatcher
    pattern: re.Pattern[str]
    rules: str  # what a valid name is made of, said to the person
    expected: str  # what an account looks like, with an example
    profile: str  # profile URL template, ``{}`` is the canonical handle
    feed: str | None = None  # feed URL template, when the platform publishes one
    at_in_path: bool = False  # the profile path is ``/@name`` rather than ``/name``
    reserved: frozenset[str] = frozenset()


def normalise_handle(rule: HandleRule, value: str) -> NormalisedAccount:
    name = _name_from_input(rule, clean(value, rule.expected))
    if name.lower() in rule.reserved:
        raise InvalidHandle(f"“{name}” is {a(rule.label)} page, not an account. {rule.expected}")
    if not rule.pattern.fullmatch(name):
        raise InvalidHandle(f"{rule.rules} {rule.expected}")
    handle = name.lower()  # these platforms ignore case: one account, one canonical handle
    return NormalisedAccount(
        platform=rule.platform,
        handle=handle,
        profile_url=rule.profile.format(handle),
        feed_url=rule.feed.format(handle) if rule.feed else None,
    )


def _name_from_input(rule: HandleRule, text: str) -> str:
    url = as_url(text, rule.hosts, rule.label, rule.expected)
    if url is None:
        if "/" in text or ":" in text:
            raise InvalidHandle(f"This is not {a(rule.label)} address. {rule.expected}")
        return strip_at(text)
    parts = segments(url)
    if not parts:
        raise InvalidHandle(f"This address has no account name in it. {rule.expected}")
    if len(parts) > 1:
        raise InvalidHandle(f"This is the address of a page, not of a profile. {rule.expected}")
    name = parts[0]
    if rule.at_in_path:
        if not name.startswith("@"):
            raise InvalidHandle(f"This address has no account name in it. {rule.expected}")
        return name[1:]
    return name


X = HandleRule(
    platform="x",
    label="X",
    hosts=host_in("x.com", "twitter.com"),
    pattern=re.compile(r"[A-Za-z0-9_]{1,15}"),
    rules="An X handle has 1 to 15 letters, digits or underscores.",
    expected="An X account looks like @name or https://x.com/name.",
    profile="https://x.com/{}",
    reserved=frozenset(
        {
            "home", "i", "intent", "share", "search", "explore", "notifications", "messages",
            "settings", "login", "logout", "signup", "compose", "hashtag", "tos", "privacy",
            "about", "download", "account", "jobs", "lists", "communities", "premium",
        }
    ),
)  # fmt: skip

_INSTAGRAM_LIKE = re.compile(r"(?!\.)(?!.*\.\.)[A-Za-z0-9._]{1,30}(?<!\.)")
_INSTAGRAM_RULES = (
    "A name has 1 to 30 letters, digits, dots or underscores, does not start or end"
    " with a dot and has no two dots in a row."
)

INSTAGRAM = HandleRule(
    platform="instagram",
    label="Instagram",
    hosts=host_in("instagram.com", "instagr.am"),
    pattern=_INSTAGRAM_LIKE,
    rules=f"An Instagram {_INSTAGRAM_RULES[2:]}",
    expected="An Instagram account looks like @name or https://www.instagram.com/name/.",
    profile="https://www.instagram.com/{}/",
    reserved=frozenset(
        {"p", "reel", "reels", "tv", "explore", "stories", "accounts", "direct", "about"}
    ),
)

THREADS = HandleRule(
    platform="threads",
    label="Threads",
    hosts=host_in("threads.net", "threads.com"),
    pattern=_INSTAGRAM_LIKE,
    rules=f"A Threads {_INSTAGRAM_RULES[2:]}",
    expected="A Threads account looks like @name or https://www.threads.com/@name.",
    profile="https://www.threads.com/@{}",
    at_in_path=True,
)

TIKTOK = HandleRule(
    platform="tiktok",
    label="TikTok",
    hosts=host_in("tiktok.com"),
    pattern=re.compile(r"[A-Za-z0-9._]{1,23}[A-Za-z0-9_]"),
    rules=(
        "A TikTok name has 2 to 24 letters, digits, dots or underscores"
        " and does not end with a dot."
    ),
    expected="A TikTok account looks like @name or https://www.tiktok.com/@name.",
    profile="https://www.tiktok.com/@{}",
    at_in_path=True,
)

GITHUB = HandleRule(
    platform="github",
    label="GitHub",
    hosts=host_in("github.com", subdomains=("www",)),
    pattern=re.compile(r"(?=[A-Za-z0-9-]{1,39}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"),
    rules=(
        "A GitHub name has 1 to 39 letters, digits or single hyphens"
        " and does not start or end with a hyphen."
    ),
    expected="A GitHub account looks like name or https://github.com/name.",
    profile="https://github.com/{}",
    feed="https://github.com/{}.atom",
    reserved=frozenset(
        {
            "orgs", "settings", "login", "join", "features", "topics", "marketplace",
            "explore", "sponsors", "about", "pricing", "notifications", "new", "search",
            "trending", "collections", "enterprise", "organizations",
        }
    ),
)  # fmt: skip
