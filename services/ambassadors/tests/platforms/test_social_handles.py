"""What people paste for X, Instagram, Threads, TikTok, GitHub, Facebook and LinkedIn."""

from __future__ import annotations

import pytest
from relais_ambassadors.platforms import InvalidHandle, NormalisedAccount, normalise
from relais_common.ssrf import SSRFGuard

X = "https://x.com/"
IG = "https://www.instagram.com/"
TH = "https://www.threads.com/@"
TT = "https://www.tiktok.com/@"
GH = "https://github.com/"
FB = "https://www.facebook.com/"
LI = "https://www.linkedin.com/in/"

ACCEPTED = [
    # X: bare, @, twitter.com, mobile hosts, trailing slash, query, http, spaces, case
    ("x", "jack", "jack", X + "jack", None),
    ("x", "@jack", "jack", X + "jack", None),
    ("x", "  @Jack_Dorsey \n", "jack_dorsey", X + "jack_dorsey", None),
    ("x", "https://twitter.com/jack", "jack", X + "jack", None),
    ("x", "https://www.twitter.com/jack/", "jack", X + "jack", None),
    ("x", "http://mobile.twitter.com/jack?lang=fr", "jack", X + "jack", None),
    ("x", "https://x.com/NASA#top", "nasa", X + "nasa", None),
    ("x", "x.com/nasa", "nasa", X + "nasa", None),
    ("x", "HTTPS://X.COM/nasa", "nasa", X + "nasa", None),
    ("x", "a", "a", X + "a", None),
    ("x", "abcdefghij_1234", "abcdefghij_1234", X + "abcdefghij_1234", None),
    # Instagram
    ("instagram", "nasa", "nasa", IG + "nasa/", None),
    ("instagram", "@nat.geo_", "nat.geo_", IG + "nat.geo_/", None),
    ("instagram", "https://www.instagram.com/NatGeo/?hl=fr", "natgeo", IG + "natgeo/", None),
    ("instagram", "instagram.com/a.b.c", "a.b.c", IG + "a.b.c/", None),
    ("instagram", "https://m.instagram.com/x_y", "x_y", IG + "x_y/", None),
    ("instagram", "https://instagr.am/nasa", "nasa", IG + "nasa/", None),
    ("instagram", "a" * 30, "a" * 30, IG + "a" * 30 + "/", None),
    # Threads: threads.net and threads.com
    ("threads", "@zuck", "zuck", TH + "zuck", None),
    ("threads", "zuck", "zuck", TH + "zuck", None),
    ("threads", "https://www.threads.net/@Zuck", "zuck", TH + "zuck", None),
    ("threads", "https://threads.com/@zuck/", "zuck", TH + "zuck", None),
    ("threads", "threads.net/@a.b_c", "a.b_c", TH + "a.b_c", None),
    # TikTok: 2 to 24
    ("tiktok", "@khaby.lame", "khaby.lame", TT + "khaby.lame", None),
    ("tiktok", "https://www.tiktok.com/@Khaby.Lame?lang=en", "khaby.lame", TT + "khaby.lame", None),
    ("tiktok", "https://m.tiktok.com/@ab/", "ab", TT + "ab", None),
    ("tiktok", "a" * 24, "a" * 24, TT + "a" * 24, None),
    # GitHub: feed
    ("github", "torvalds", "torvalds", GH + "torvalds", GH + "torvalds.atom"),
    ("github", "@Octo-Cat", "octo-cat", GH + "octo-cat", GH + "octo-cat.atom"),
    (
        "github",
        "https://github.com/gvanrossum/",
        "gvanrossum",
        GH + "gvanrossum",
        GH + "gvanrossum.atom",
    ),
    ("github", "https://www.github.com/a?tab=repositories", "a", GH + "a", GH + "a.atom"),
    ("github", "a" * 39, "a" * 39, GH + "a" * 39, GH + "a" * 39 + ".atom"),
    ("github", "a-b-c", "a-b-c", GH + "a-b-c", GH + "a-b-c.atom"),
    # Facebook: user names and numeric profiles
    ("facebook", "zuck.berg", "zuck.berg", FB + "zuck.berg", None),
    ("facebook", "https://www.facebook.com/Zuck.Berg/", "zuck.berg", FB + "zuck.berg", None),
    (
        "facebook",
        "https://m.facebook.com/zuckberg?ref=bookmarks",
        "zuckberg",
        FB + "zuckberg",
        None,
    ),
    ("facebook", "https://mbasic.facebook.com/zuckberg", "zuckberg", FB + "zuckberg", None),
    ("facebook", "fb.com/zuckberg", "zuckberg", FB + "zuckberg", None),
    (
        "facebook",
        "https://www.facebook.com/profile.php?id=100012345678901",
        "100012345678901",
        FB + "profile.php?id=100012345678901",
        None,
    ),
    (
        "facebook",
        "https://m.facebook.com/profile.php?ref=x&id=100012345678901",
        "100012345678901",
        FB + "profile.php?id=100012345678901",
        None,
    ),
    (
        "facebook",
        "https://www.facebook.com/people/Jane-Doe/100012345678901/",
        "100012345678901",
        FB + "profile.php?id=100012345678901",
        None,
    ),
    ("facebook", "100012345678901", "100012345678901", FB + "profile.php?id=100012345678901", None),
    # LinkedIn: personal profiles, accented and percent-encoded slugs
    (
        "linkedin",
        "https://www.linkedin.com/in/jane-doe-123",
        "jane-doe-123",
        LI + "jane-doe-123/",
        None,
    ),
    (
        "linkedin",
        "https://fr.linkedin.com/in/Jane-Doe/?originalSubdomain=fr",
        "jane-doe",
        LI + "jane-doe/",
        None,
    ),
    ("linkedin", "linkedin.com/in/jane-doe", "jane-doe", LI + "jane-doe/", None),
    ("linkedin", "http://m.linkedin.com/in/jane-doe/", "jane-doe", LI + "jane-doe/", None),
    ("linkedin", "jane-doe", "jane-doe", LI + "jane-doe/", None),
    (
        "linkedin",
        "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/",
        "josé-garcía",
        LI + "jos%C3%A9-garc%C3%ADa/",
        None,
    ),
    (
        "linkedin",
        "https://www.linkedin.com/in/José-García",
        "josé-garcía",
        LI + "jos%C3%A9-garc%C3%ADa/",
        None,
    ),
    ("linkedin", "abc", "abc", LI + "abc/", None),
]

REFUSED = [
    # generic: empty, other sites, other schemes, user names, ports, control characters
    ("x", "", "Please fill in the account"),
    ("x", "   ", "Please fill in the account"),
    ("x", "https://facebook.com/jack", "This is not an X address"),
    ("x", "https://x.com.evil.example/jack", "This is not an X address"),
    ("x", "ftp://x.com/jack", "Only web addresses"),
    ("x", "javascript:alert(1)", "Only web addresses"),
    ("x", "https://user:pw@x.com/jack", "user name or password"),
    ("x", "https://x.com:8443/jack", "unusual port"),
    ("x", "ja\x00ck", "control characters"),
    ("x", "j" * 3000, "too long"),
    # X
    ("x", "abcdefghij_12345", "1 to 15 letters"),
    ("x", "jack-dorsey", "1 to 15 letters"),
    ("x", "jack dorsey", "1 to 15 letters"),
    ("x", "@", "1 to 15 letters"),
    ("x", "home", "“home” is an X page"),
    ("x", "https://x.com/i", "is an X page"),
    ("x", "https://twitter.com/intent/tweet", "not of a profile"),
    ("x", "https://x.com/share", "is an X page"),
    ("x", "https://x.com/", "no account name"),
    ("x", "https://x.com/jack/status/20", "not of a profile"),
    ("x", "jack@x.com", "1 to 15 letters"),
    # Instagram / Threads
    ("instagram", ".nasa", "does not start or end with a dot"),
    ("instagram", "nasa.", "does not start or end with a dot"),
    ("instagram", "na..sa", "no two dots in a row"),
    ("instagram", "a" * 31, "1 to 30"),
    ("instagram", "na-sa", "1 to 30"),
    ("instagram", "https://www.instagram.com/p/Cxyz123/", "not of a profile"),
    ("instagram", "https://www.instagram.com/explore", "is an Instagram page"),
    ("instagram", "https://www.threads.net/@nasa", "This is not an Instagram address"),
    ("threads", "https://www.threads.net/zuck", "no account name"),
    ("threads", "https://www.threads.net/@zuck/post/C1", "not of a profile"),
    ("threads", "@zu..ck", "no two dots in a row"),
    ("threads", "https://www.instagram.com/zuck", "This is not a Threads address"),
    # TikTok
    ("tiktok", "a", "2 to 24"),
    ("tiktok", "a" * 25, "2 to 24"),
    ("tiktok", "khaby.", "does not end with a dot"),
    ("tiktok", "https://www.tiktok.com/khaby", "no account name"),
    ("tiktok", "https://vm.tiktok.com/ZMabc/", "This is not a TikTok address"),
    ("tiktok", "https://www.tiktok.com/@khaby/video/123", "not of a profile"),
    # GitHub
    ("github", "-octo", "single hyphens"),
    ("github", "octo-", "single hyphens"),
    ("github", "oc--to", "single hyphens"),
    ("github", "a" * 40, "1 to 39"),
    ("github", "octo_cat", "1 to 39"),
    ("github", "https://github.com/python/cpython", "not of a profile"),
    ("github", "https://github.com/orgs/python", "not of a profile"),
    ("github", "https://github.com/settings", "is a GitHub page"),
    ("github", "https://gist.github.com/octo", "This is not a GitHub address"),
    # Facebook
    ("facebook", "zuck", "at least 5"),
    ("facebook", "zuck_berg", "at least 5"),
    ("facebook", "https://www.facebook.com/groups/123456/", "Facebook page, not of a profile"),
    (
        "facebook",
        "https://www.facebook.com/sharer/sharer.php?u=x",
        "Facebook page, not of a profile",
    ),
    ("facebook", "https://www.facebook.com/events/1234567", "Facebook page, not of a profile"),
    ("facebook", "https://www.facebook.com/profile.php", "no valid id"),
    ("facebook", "https://www.facebook.com/profile.php?id=abc", "no valid id"),
    ("facebook", "https://www.facebook.com/", "no account name"),
    ("facebook", "https://www.fakebook.com/zuckberg", "This is not a Facebook address"),
    # LinkedIn
    ("linkedin", "https://www.linkedin.com/company/acme", "a personal profile is expected"),
    ("linkedin", "https://www.linkedin.com/company/acme/about/", "a personal profile is expected"),
    ("linkedin", "https://www.linkedin.com/school/sorbonne/", "a personal profile is expected"),
    (
        "linkedin",
        "https://www.linkedin.com/pub/jane-doe/1/2/3",
        "not the address of a LinkedIn profile",
    ),
    ("linkedin", "https://www.linkedin.com/feed/", "not the address of a LinkedIn profile"),
    ("linkedin", "https://www.linkedin.com/in/", "not the address of a LinkedIn profile"),
    ("linkedin", "https://www.linkedin.com/in/jane/details/skills", "not the address"),
    ("linkedin", "ab", "3 to 100 characters"),
    ("linkedin", "a" * 101, "3 to 100 characters"),
    ("linkedin", "jane_doe", "only letters, digits and hyphens"),
    ("linkedin", "https://www.linkedin.com/in/jane%20doe", "only letters, digits and hyphens"),
    ("linkedin", "https://evil.com/in/jane-doe", "This is not a LinkedIn address"),
    ("linkedin", "https://www.linkedin.com.evil.com/in/jane-doe", "This is not a LinkedIn address"),
]

EXAMPLES = {
    "x": "An X account looks like @name or https://x.com/name.",
    "instagram": "An Instagram account looks like @name or https://www.instagram.com/name/.",
    "threads": "A Threads account looks like @name or https://www.threads.com/@name.",
    "tiktok": "A TikTok account looks like @name or https://www.tiktok.com/@name.",
    "github": "A GitHub account looks like name or https://github.com/name.",
    "facebook": "https://www.facebook.com/profile.php?id=100012345678901",
    "linkedin": "A LinkedIn profile looks like https://www.linkedin.com/in/your-name.",
}


@pytest.mark.parametrize(("platform", "value", "handle", "profile_url", "feed_url"), ACCEPTED)
def test_accepted_input_gives_the_canonical_account(
    platform: str, value: str, handle: str, profile_url: str, feed_url: str | None
) -> None:
    account = normalise(platform, value, guard=SSRFGuard())
    assert account == NormalisedAccount(platform, handle, profile_url, feed_url)


@pytest.mark.parametrize(("platform", "value", "reason"), REFUSED)
def test_refused_input_says_why_and_what_is_expected(
    platform: str, value: str, reason: str
) -> None:
    with pytest.raises(InvalidHandle) as caught:
        normalise(platform, value, guard=SSRFGuard())
    message = caught.value.detail
    assert reason in message
    assert EXAMPLES[platform] in message
    assert caught.value.errors == [{"field": "value", "message": message}]


@pytest.mark.parametrize(("platform", "value", "handle", "profile_url", "feed_url"), ACCEPTED)
def test_canonical_profile_url_is_accepted_back_unchanged(
    platform: str, value: str, handle: str, profile_url: str, feed_url: str | None
) -> None:
    again = normalise(platform, profile_url, guard=SSRFGuard())
    assert (again.handle, again.profile_url) == (handle, profile_url)
