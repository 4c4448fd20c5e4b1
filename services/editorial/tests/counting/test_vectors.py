"""The shared counting vectors (also run by the SPA's counting.test.ts) and the count() API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import relais_editorial.counting as counting
from relais_common.errors import InvalidInput
from relais_editorial.counting import LIMITS, PLATFORMS, TextLength, UnknownPlatform, count

VECTORS_FILE = Path(counting.__file__).parent / "vectors.json"
DOCUMENT: dict[str, Any] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))
VECTORS: list[dict[str, Any]] = DOCUMENT["vectors"]


def _id(vector: dict[str, Any]) -> str:
    return f"{vector['platform']}-{vector['note'][:50]}"


@pytest.mark.parametrize("vector", VECTORS, ids=[_id(v) for v in VECTORS])
def test_vector(vector: dict[str, Any]) -> None:
    counted = count(vector["platform"], vector["text"])
    assert counted.count == vector["count"], vector["note"]


def test_the_table_is_large_and_covers_every_platform() -> None:
    assert len(VECTORS) >= 80
    assert {v["platform"] for v in VECTORS} == set(PLATFORMS)
    notes = " ".join(v["note"].lower() for v in VECTORS)
    for topic in (
        "zwj",
        "skin tone",
        "flag",
        "keycap",
        "cjk",
        "hangul",
        "without scheme",
        "mention",
        "combining",
        "nfd",
        "rtl",
        "limit exactly",
        "one over",
    ):
        assert topic in notes, topic


def test_limits_are_the_documented_ones() -> None:
    assert DOCUMENT["limits"] == LIMITS
    for platform, limit in LIMITS.items():
        assert count(platform, "a") == TextLength(count=1, limit=limit)


def test_limit_and_one_over() -> None:
    assert not count("x", "a" * 280).over
    assert count("x", "a" * 281).over


def test_mastodon_counts_against_the_instance_limit_when_known() -> None:
    assert count("mastodon", "hi", mastodon_limit=11_000) == TextLength(2, 11_000)
    assert count("mastodon", "hi", mastodon_limit=None).limit == 500
    assert count("x", "hi", mastodon_limit=11_000).limit == 280


@pytest.mark.parametrize("name", ["twitter", "X", "myspace", "", "mastodon "])
def test_unknown_platform_is_a_field_error(name: str) -> None:
    with pytest.raises(UnknownPlatform) as caught:
        count(name, "hello")
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.status == 422
    assert caught.value.errors and caught.value.errors[0]["field"] == "platform"
    assert "bluesky" in caught.value.detail


def test_fast_grapheme_count_equals_segmenting_the_whole_text() -> None:
    """graphemes() segments only the non-ASCII runs: it must agree with \\X on any text."""
    import random

    import regex
    from relais_editorial.counting.rules import graphemes

    alphabet = [
        "a", "Z", "1", "#", " ", "\r", "\n", "\t", ".", "\u0301", "\u0600", "\u0915", "\u094d",
        "\u0937", "\u200d", "\ufe0f", "\u20e3", "\U0001f468", "\U0001f3fd", "\U0001f1eb",
        "\U0001f1f7", "\u1100", "\u1161", "\u11a8", "\uac00", "\u00e9", "\u0e33", "\U000e0067",
    ]  # fmt: skip
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert graphemes(text) == len(regex.findall(r"\X", text)), ascii(text)
