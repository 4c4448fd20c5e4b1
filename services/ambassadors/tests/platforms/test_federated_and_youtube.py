"""Mastodon, Bluesky and YouTube: accounts with public feeds, and the shapes they come in."""

from __future__ import annotations

import pytest
from relais_ambassadors.platforms import InvalidHandle, NormalisedAccount, normalise
from relais_common.ssrf import SSRFGuard

PLC = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
CHANNEL = "UC_x5XG1OV2P6uZZ5FSM9Ttw"
YT = "https://www.youtube.com/"
YT_FEED = YT + "feeds/videos.xml?channel_id=" + CHANNEL


def mastodon(user: str, server: str) -> tuple[str, str, str]:
    return f"@{user}@{server}", f"https://{server}/@{user}", f"https://{server}/@{user}.rss"


def bluesky(handle: str) -> tuple[str, str, str]:
    profile = f"https://bsky.app/profile/{handle}"
    return handle, profile, profile + "/rss"


ACCEPTED = [
    ("mastodon", "@Gargron@mastodon.social", *mastodon("gargron", "mastodon.social")),
    ("mastodon", "gargron@Mastodon.Social", *mastodon("gargron", "mastodon.social")),
    ("mastodon", " @alice_b@fosstodon.org ", *mastodon("alice_b", "fosstodon.org")),
    ("mastodon", "https://mastodon.social/@Gargron", *mastodon("gargron", "mastodon.social")),
    ("mastodon", "https://mastodon.social/@gargron/", *mastodon("gargron", "mastodon.social")),
    ("mastodon", "http://mastodon.social/@gargron?x=1#y", *mastodon("gargron", "mastodon.social")),
    ("mastodon", "mastodon.social/@gargron", *mastodon("gargron", "mastodon.social")),
    ("mastodon", "https://mastodon.social/users/gargron", *mastodon("gargron", "mastodon.social")),
    ("mastodon", "https://mastodon.social/web/@gargron", *mastodon("gargron", "mastodon.social")),
    # a remote account seen from another server: the account's own server wins
    ("mastodon", "https://mastodon.social/@bob@piaille.fr", *mastodon("bob", "piaille.fr")),
    (
        "mastodon",
        "@jane.doe-x@social.example.co.uk",
        *mastodon("jane.doe-x", "social.example.co.uk"),
    ),
    ("mastodon", "@lea@café.social", *mastodon("lea", "xn--caf-dma.social")),
    ("mastodon", "@lea@mastodon.social.", *mastodon("lea", "mastodon.social")),
    ("mastodon", "@lea@mastodon.social/", *mastodon("lea", "mastodon.social")),
    ("mastodon", "@zuck@threads.net", *mastodon("zuck", "threads.net")),
    ("bluesky", "alice.bsky.social", *bluesky("alice.bsky.social")),
    ("bluesky", "@Alice.BSKY.social", *bluesky("alice.bsky.social")),
    ("bluesky", "https://bsky.app/profile/alice.bsky.social", *bluesky("alice.bsky.social")),
    ("bluesky", "bsky.app/profile/Alice.bsky.social/", *bluesky("alice.bsky.social")),
    ("bluesky", "jay.bsky.team", *bluesky("jay.bsky.team")),
    ("bluesky", "nytimes.com", *bluesky("nytimes.com")),
    ("bluesky", PLC, *bluesky(PLC)),
    ("bluesky", f"https://bsky.app/profile/{PLC}", *bluesky(PLC)),
    ("bluesky", "did:web:example.com", *bluesky("did:web:example.com")),
    ("bluesky", "did:web:Blog.Example.org", *bluesky("did:web:blog.example.org")),
    ("bluesky", "münchen.example.de", *bluesky("xn--mnchen-3ya.example.de")),
    ("youtube", "@MrBeast", "@mrbeast", YT + "@mrbeast", None),
    ("youtube", "mrbeast", "@mrbeast", YT + "@mrbeast", None),
    ("youtube", "https://www.youtube.com/@MrBeast", "@mrbeast", YT + "@mrbeast", None),
    (
        "youtube",
        "https://m.youtube.com/@mr.beast-6_x/videos",
        "@mr.beast-6_x",
        YT + "@mr.beast-6_x",
        None,
    ),
    ("youtube", "youtube.com/@abc?si=xyz", "@abc", YT + "@abc", None),
    ("youtube", CHANNEL, CHANNEL, YT + "channel/" + CHANNEL, YT_FEED),
    (
        "youtube",
        f"https://www.youtube.com/channel/{CHANNEL}",
        CHANNEL,
        YT + "channel/" + CHANNEL,
        YT_FEED,
    ),
    (
        "youtube",
        f"https://youtube.com/channel/{CHANNEL}/featured",
        CHANNEL,
        YT + "channel/" + CHANNEL,
        YT_FEED,
    ),
    (
        "youtube",
        "https://www.youtube.com/c/GoogleDevelopers",
        "GoogleDevelopers",
        YT + "c/GoogleDevelopers",
        None,
    ),
    ("youtube", "https://www.youtube.com/user/Google/videos", "Google", YT + "user/Google", None),
]

REFUSED = [
    ("mastodon", "@gargron", "names its server"),
    ("mastodon", "gargron", "names its server"),
    ("mastodon", "@gar gron@mastodon.social", "user name has letters"),
    ("mastodon", "@.gargron@mastodon.social", "user name has letters"),
    ("mastodon", "@gargron@localhost", "“localhost” is not a valid server name"),
    ("mastodon", "@gargron@127.0.0.1", "is not a valid server name"),
    ("mastodon", "@gargron@mastodon", "is not a valid server name"),
    ("mastodon", "@gargron@-bad-.social", "is not a valid server name"),
    ("mastodon", "@gargron@mastodon.local", "is not a valid server name"),
    ("mastodon", "@a@b@c.social", "is not a valid server name"),
    ("mastodon", "https://mastodon.social/", "not the address of a Mastodon profile"),
    ("mastodon", "https://mastodon.social/@gargron/109", "not the address of a Mastodon profile"),
    ("mastodon", "https://mastodon.social/about", "not the address of a Mastodon profile"),
    ("mastodon", "https://user:pw@mastodon.social/@gargron", "user name or password"),
    ("mastodon", "https://mastodon.social:8443/@gargron", "unusual port"),
    ("mastodon", "ftp://mastodon.social/@gargron", "Only web addresses"),
    ("mastodon", "https://twitter.com/@jack", "twitter.com is not a Mastodon server"),
    ("mastodon", "@jack@www.x.com", "www.x.com is not a Mastodon server"),
    ("bluesky", "alice", "Did you mean alice.bsky.social?"),
    ("bluesky", "@alice", "Did you mean alice.bsky.social?"),
    ("bluesky", "alice..bsky.social", "is a domain name"),
    ("bluesky", "alice.bsky.123", "is a domain name"),
    ("bluesky", "alice_b.bsky.social", "is a domain name"),
    ("bluesky", "did:plc:short", "24 letters"),
    ("bluesky", "did:plc:ewvi7nxzyoun6zhxrhs64oi1", "24 letters"),
    ("bluesky", "did:web:localhost", "did:web identifier names a domain"),
    ("bluesky", "did:key:z6Mk", "Only did:plc and did:web"),
    ("bluesky", "https://bsky.app/profile/alice.bsky.social/post/3k", "address of a post"),
    ("bluesky", "https://bsky.app/search?q=x", "not the address of a Bluesky profile"),
    ("bluesky", "https://twitter.com/alice", "This is not a Bluesky address"),
    ("youtube", "@ab", "3 to 30"),
    ("youtube", "@" + "a" * 31, "3 to 30"),
    ("youtube", "@mr beast", "3 to 30"),
    ("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "video, not of a channel"),
    ("youtube", "https://youtu.be/dQw4w9WgXcQ", "video, not of a channel"),
    ("youtube", "https://www.youtube.com/shorts/abc", "video, not of a channel"),
    ("youtube", "https://www.youtube.com/channel/UCshort", "starts with UC and has 24"),
    ("youtube", "https://www.youtube.com/channel/XX_x5XG1OV2P6uZZ5FSM9Ttw", "starts with UC"),
    ("youtube", "https://www.youtube.com/GoogleDevelopers", "not the address of a YouTube channel"),
    ("youtube", "https://www.youtube.com/", "not the address of a YouTube channel"),
    ("youtube", "https://vimeo.com/@abc", "This is not a YouTube address"),
    ("mastodon", "javascript:alert(1)", "Only web addresses"),
    ("bluesky", "ftp://bsky.app/profile/alice.bsky.social", "Only web addresses"),
]

EXAMPLES = {
    "mastodon": "A Mastodon account looks like @name@instance.social or https://instance.social/@name.",
    "bluesky": "https://bsky.app/profile/name.bsky.social",
    "youtube": "https://www.youtube.com/@name",
}  # fmt: skip


@pytest.mark.parametrize(("platform", "value", "handle", "profile_url", "feed_url"), ACCEPTED)
def test_accepted_input_gives_the_canonical_account_and_feed(
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
    assert reason in caught.value.detail
    assert EXAMPLES[platform] in caught.value.detail


@pytest.mark.parametrize(("platform", "value", "handle", "profile_url", "feed_url"), ACCEPTED)
def test_canonical_forms_are_accepted_back_unchanged(
    platform: str, value: str, handle: str, profile_url: str, feed_url: str | None
) -> None:
    legacy_youtube = "/c/" in profile_url or "/user/" in profile_url  # a bare name is a @handle
    for again in (profile_url,) if legacy_youtube else (handle, profile_url):
        assert normalise(platform, again, guard=SSRFGuard()).profile_url == profile_url
