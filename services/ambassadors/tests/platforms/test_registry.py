"""The platform list and the dispatching entry point."""

from __future__ import annotations

import pytest
from relais_ambassadors.platforms import PLATFORMS, InvalidHandle, PlatformInfo, normalise
from relais_common.errors import InvalidInput
from relais_common.ssrf import SSRFGuard

IDS = [
    "linkedin", "x", "mastodon", "bluesky", "threads", "instagram",
    "facebook", "youtube", "tiktok", "github", "blog",
]  # fmt: skip


def test_every_platform_of_the_product_is_listed_in_order() -> None:
    assert list(PLATFORMS) == IDS
    assert all(isinstance(info, PlatformInfo) and info.id == key for key, info in PLATFORMS.items())


def test_platforms_that_publish_feeds_say_so() -> None:
    with_feed = {key for key, info in PLATFORMS.items() if info.has_feed}
    assert with_feed == {"mastodon", "bluesky", "youtube", "github", "blog"}


@pytest.mark.parametrize("platform", IDS)
def test_each_placeholder_is_itself_a_valid_account(platform: str) -> None:
    info = PLATFORMS[platform]
    account = normalise(platform, info.placeholder, guard=SSRFGuard(), discover=False)
    assert account.platform == platform
    assert account.profile_url.startswith("https://")


def test_unknown_platform_is_refused_on_the_platform_field_listing_known_ids() -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise("myspace", "tom", guard=SSRFGuard())
    assert not isinstance(caught.value, InvalidHandle)
    assert caught.value.status == 422
    assert caught.value.errors is not None
    [error] = caught.value.errors
    assert error["field"] == "platform"
    assert "“myspace”" in error["message"]
    assert ", ".join(IDS) in error["message"]


def test_invalid_handle_is_a_422_on_the_value_field() -> None:
    with pytest.raises(InvalidHandle) as caught:
        normalise("x", "not a handle", guard=SSRFGuard())
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.status == 422
    assert caught.value.errors == [{"field": "value", "message": caught.value.detail}]


def test_social_platforms_do_not_touch_the_network_even_with_discovery() -> None:
    # a guard that refuses everything: only blogs fetch, so this must still succeed
    account = normalise("github", "octocat", guard=SSRFGuard(), discover=True)
    assert account.feed_url == "https://github.com/octocat.atom"
