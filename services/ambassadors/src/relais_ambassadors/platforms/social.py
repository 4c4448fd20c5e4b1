"""Facebook and LinkedIn: profiles with more than one URL shape, and pages that are not people."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from relais_ambassadors.platforms.model import InvalidHandle, NormalisedAccount
from relais_ambassadors.platforms.pasted import (
    as_url,
    clean,
    host_in,
    query_value,
    segments,
    strip_at,
)

FACEBOOK_EXPECTED = (
    "A Facebook account looks like https://www.facebook.com/your.name"
    " or https://www.facebook.com/profile.php?id=100012345678901."
)
_FACEBOOK_HOSTS = host_in(
    "facebook.com", "fb.com", subdomains=("www", "m", "mobile", "mbasic", "web", "touch")
)
_FACEBOOK_NAME = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9.]{5,50}")
_FACEBOOK_ID = re.compile(r"[0-9]{5,20}")
_FACEBOOK_PAGES = frozenset(
    {
        "groups", "events", "watch", "share", "sharer", "sharer.php", "pages", "login",
        "login.php", "home.php", "photo.php", "permalink.php", "story.php", "marketplace",
        "gaming", "hashtag", "reel", "photo", "videos", "search", "help", "policies",
    }
)  # fmt: skip


def normalise_facebook(value: str) -> NormalisedAccount:
    text = clean(value, FACEBOOK_EXPECTED)
    name = _facebook_name(text)
    if _FACEBOOK_ID.fullmatch(name):
        return NormalisedAccount(
            "facebook", name, f"https://www.facebook.com/profile.php?id={name}", None
        )
    if not _FACEBOOK_NAME.fullmatch(name):
        raise InvalidHandle(
            "A Facebook user name has at least 5 letters, digits or dots. " + FACEBOOK_EXPECTED
        )
    handle = name.lower()
    return NormalisedAccount("facebook", handle, f"https://www.facebook.com/{handle}", None)


def _facebook_name(text: str) -> str:
    url = as_url(text, _FACEBOOK_HOSTS, "Facebook", FACEBOOK_EXPECTED)
    if url is None:
        if "/" in text or ":" in text:
            raise InvalidHandle("This is not a Facebook address. " + FACEBOOK_EXPECTED)
        return strip_at(text)
    parts = segments(url)
    if parts == ["profile.php"]:
        profile_id = query_value(url, "id")
        if profile_id is None or not _FACEBOOK_ID.fullmatch(profile_id):
            raise InvalidHandle("This profile address has no valid id. " + FACEBOOK_EXPECTED)
        return profile_id
    if len(parts) == 3 and parts[0] == "people" and _FACEBOOK_ID.fullmatch(parts[2]):
        return parts[2]  # /people/Jane-Doe/100012345678901/
    if not parts:
        raise InvalidHandle("This address has no account name in it. " + FACEBOOK_EXPECTED)
    if parts[0].lower() in _FACEBOOK_PAGES or len(parts) > 1:
        raise InvalidHandle(
            "This is the address of a Facebook page, not of a profile. " + FACEBOOK_EXPECTED
        )
    return parts[0]


LINKEDIN_EXPECTED = "A LinkedIn profile looks like https://www.linkedin.com/in/your-name."
_COMPANY_PATHS = frozenset({"company", "school", "showcase", "groups"})


def _is_linkedin_host(host: str) -> bool:
    if host == "linkedin.com":
        return True
    sub, _, base = host.partition(".")
    country = re.fullmatch("[a-z]{2}", sub) is not None  # fr.linkedin.com, de.linkedin.com
    return base == "linkedin.com" and (sub in ("www", "m") or country)


def normalise_linkedin(value: str) -> NormalisedAccount:
    text = clean(value, LINKEDIN_EXPECTED)
    slug = _linkedin_slug(text)
    if not 3 <= len(slug) <= 100:
        raise InvalidHandle("A LinkedIn profile name has 3 to 100 characters. " + LINKEDIN_EXPECTED)
    if not all(c.isalpha() or c in "0123456789-" for c in slug):
        raise InvalidHandle(
            "A LinkedIn profile name has only letters, digits and hyphens. " + LINKEDIN_EXPECTED
        )
    handle = slug.lower()
    profile_url = f"https://www.linkedin.com/in/{quote(handle, safe='-')}/"
    return NormalisedAccount("linkedin", handle, profile_url, None)


def _linkedin_slug(text: str) -> str:
    url = as_url(text, _is_linkedin_host, "LinkedIn", LINKEDIN_EXPECTED)
    if url is None:
        if "/" in text or ":" in text:
            raise InvalidHandle("This is not a LinkedIn address. " + LINKEDIN_EXPECTED)
        return unquote(strip_at(text))
    parts = segments(url)
    if parts and parts[0].lower() in _COMPANY_PATHS:
        raise InvalidHandle(
            "This is a company or group page; a personal profile is expected. " + LINKEDIN_EXPECTED
        )
    if len(parts) != 2 or parts[0].lower() != "in":
        raise InvalidHandle("This is not the address of a LinkedIn profile. " + LINKEDIN_EXPECTED)
    return parts[1]
