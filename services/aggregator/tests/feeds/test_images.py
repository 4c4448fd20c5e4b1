"""Image tokens expire: the stored marks are never served, the outputs carry tokens issued per
window, a new window re-renders every output before the old tokens expire, and an expired or
tampered token is refused with problem+json."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from feed_site import FeedSite
from planet_factories import planet, post
from relais_aggregator.config import Settings
from relais_aggregator.feeds import images
from relais_aggregator.feeds.images import ImageTokens, image_proxy_of
from relais_aggregator.feeds.sanitize import sanitize
from relais_common.errors import Gone, NotFound

WINDOW = timedelta(seconds=images.ROTATION_SECONDS)
START = datetime(2026, 12, 1, 12, 0, 7, tzinfo=UTC)
URL = "https://blog.example/cat.png"


POST = "c0ffee00-0000-4000-8000-000000000001"


def test_a_token_is_served_until_the_end_of_the_next_window() -> None:
    tokens = ImageTokens("secret")
    token = tokens.issue(URL, START, POST)
    assert tokens.read(token, START) == (URL, POST)
    assert tokens.read(token, START + WINDOW) == (URL, POST)  # the next window still reads it
    end = datetime.fromtimestamp((tokens.window(START) + 2) * images.ROTATION_SECONDS, UTC)
    assert tokens.read(token, end - timedelta(seconds=1)) == (URL, POST)
    with pytest.raises(Gone):
        tokens.read(token, end)
    same = tokens.issue(URL, START + timedelta(seconds=60), POST)
    assert tokens.issue(URL, START, POST) == same


def test_a_tampered_token_or_a_stored_mark_is_not_an_address() -> None:
    tokens = ImageTokens("secret")
    encoded, post, expires, mac = tokens.issue(URL, START, POST).split(".")
    other = tokens.issue("http://169.254.169.254/", START, POST).split(".")[0]
    later = str(int(expires) + 10 * images.ROTATION_SECONDS)
    for forged in (
        f"{other}.{post}.{expires}.{mac}",  # another address
        f"{encoded}.{post[:-1]}2.{expires}.{mac}",  # another post (one still shown, say)
        f"{encoded}.{later}.{mac}",  # the old three-part shape
        f"{encoded}.{post}.{later}.{mac}",  # a later expiry
        f"{encoded}.{post}.{expires}.{mac[:-2]}AA",
        f"{encoded}.é.{expires}.{mac}",
        ImageTokens("other").issue(URL, START, POST),
        images.sign("secret", URL),  # what the sanitiser stores is never served
        f"{encoded}.{post}.²³.{mac}",
        "garbage",
        "é.1.x.y",
        f"{encoded}.{post}.{expires}.{mac[:-1]}é",  # compare_digest raised on non-ASCII
    ):
        with pytest.raises(NotFound):
            tokens.read(forged, START)
    assert images.verify("secret", images.sign("secret", URL)[:-1] + "é") is None


def test_a_non_ascii_token_is_a_404_not_a_500(client: TestClient) -> None:
    tokens = ImageTokens("x")
    encoded, post, expires, mac = tokens.issue(URL, datetime.now(UTC), POST).split(".")
    resp = client.get(f"/img/{encoded}.{post}.{expires}.{mac[:-1]}é")
    assert resp.status_code == 404, resp.text
    assert resp.headers["content-type"] == "application/problem+json"


def test_the_outputs_turn_only_relais_marks_into_tokens() -> None:
    tokens = ImageTokens("secret")
    stored = sanitize(f'<img src="{URL}">', image_url=images.signer("secret"))
    foreign = f'<img src="/img/{images.sign("other", URL)}">'
    served = tokens.servable(stored + foreign, START, POST)
    token = served.split('src="/img/', 1)[1].split('"', 1)[0]
    assert tokens.read(token, START) == (URL, POST)
    assert served.endswith(foreign)  # not signed by this secret: left as it is (never served)
    assert tokens.servable("<p>no image</p>", START, POST) == "<p>no image</p>"


def test_cached_outputs_are_rerendered_before_their_image_tokens_expire(
    app: FastAPI,
    client: TestClient,
    feed: Feed,
    site: FeedSite,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app.state.image_proxy = image_proxy_of(settings)
    site.feed("/cat.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png")
    clock = [datetime.now(UTC)]
    monkeypatch.setattr("relais_aggregator.pages.cache.utcnow", lambda: clock[0])
    monkeypatch.setattr("relais_aggregator.feeds.images.utcnow", lambda: clock[0])
    planet(app, feed)
    secret = app.state.settings.internal_secret
    summary = sanitize(f'<img src="{site.url("/cat.png")}">', image_url=images.signer(secret))
    post(app, "p1", "With a cat", summary=summary)

    def token_on_the_page() -> str:
        html = client.get("/feeds/planet.json").json()["items"][0]["content_html"]
        return str(html.split('src="/img/', 1)[1].split('"', 1)[0])

    first = token_on_the_page()
    assert client.get(f"/img/{first}").status_code == 200
    assert app.state.pages.refresh() is False  # same window: nothing to re-render
    clock[0] += WINDOW
    assert app.state.pages.refresh() is True  # the consumer's next tick in the new window
    second = token_on_the_page()
    assert second != first
    assert client.get(f"/img/{first}").status_code == 200  # a page just cached still works
    clock[0] += WINDOW
    expired = client.get(f"/img/{first}")
    assert expired.status_code == 410
    assert expired.headers["content-type"].startswith("application/problem+json")
    assert client.get(f"/img/{second}").status_code == 200
    tampered = client.get(f"/img/{second[:-4]}AAAA")
    assert tampered.status_code == 404
    assert tampered.headers["content-type"].startswith("application/problem+json")


def test_a_withdrawn_post_s_images_stop_at_once(
    app: FastAPI, client: TestClient, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    """A token lives 15-30 minutes; a withdrawal takes the post's images with it at once."""
    app.state.image_proxy = image_proxy_of(settings)
    site.feed("/cat.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png")
    planet(app, feed)
    secret = app.state.settings.internal_secret
    summary = sanitize(f'<img src="{site.url("/cat.png")}">', image_url=images.signer(secret))
    post(app, "p1", "With a cat", summary=summary)
    post(app, "p2", "Another cat", summary=summary)
    tokens: dict[str, str] = {}
    for item in client.get("/feeds/planet.json").json()["items"]:
        html = item["content_html"]
        tokens[item["title"]] = html.split('src="/img/', 1)[1].split('"', 1)[0]
    assert set(tokens) == {"With a cat", "Another cat"}
    assert client.get(f"/img/{tokens['With a cat']}").status_code == 200
    apply(app, feed.event("ambassador.unlisted", "p1", {"id": "p1"}))
    gone = client.get(f"/img/{tokens['With a cat']}")
    assert gone.status_code == 410, gone.text
    assert gone.headers["content-type"].startswith("application/problem+json")
    assert "no longer shown" in gone.json()["detail"]
    assert client.get(f"/img/{tokens['Another cat']}").status_code == 200  # still shown
