"""The pre-share checklist: what a committee member sees on each variant."""

from __future__ import annotations

import pytest
from relais_editorial.checklist import (
    CHECKS,
    CheckResult,
    VariantInput,
    check_variant,
    guess_language,
)

DISCLOSURE = "#JeTravailleChezAcme"
LAUNCH_EN = "We launched the new cloud security suite today, read how it protects your data"


def results(
    variant: VariantInput, siblings: list[VariantInput] | None = None
) -> dict[str, CheckResult]:
    answer = check_variant(variant, siblings or [])
    assert [r.check for r in answer] == list(CHECKS)
    return {r.check: r for r in answer}


def variant(**kw: object) -> VariantInput:
    base: dict[str, object] = {
        "platform": "linkedin",
        "language": "en",
        "text": f"{LAUNCH_EN} {DISCLOSURE}",
        "link_url": "https://acme.example/launch",
        "disclosure": DISCLOSURE,
    }
    base.update(kw)
    return VariantInput(**base)  # type: ignore[arg-type]


def test_a_complete_variant_passes_every_check() -> None:
    assert all(r.ok for r in check_variant(variant()))


class TestDisclosure:
    def test_missing_disclosure_is_an_error_naming_it(self) -> None:
        r = results(variant(text=LAUNCH_EN))["disclosure"]
        assert (r.ok, r.severity) == (False, "error")
        assert DISCLOSURE in r.message

    def test_disclosure_matches_whatever_the_case_and_spacing(self) -> None:
        assert results(variant(text=f"{LAUNCH_EN}\n#jetravaillechezacme"))["disclosure"].ok

    def test_disclosure_given_as_a_hashtag_field_counts(self) -> None:
        assert results(variant(text=LAUNCH_EN, hashtags=[DISCLOSURE]))["disclosure"].ok

    def test_a_sentence_disclosure_must_be_in_the_text(self) -> None:
        v = variant(text=LAUNCH_EN, disclosure="I work at Acme")
        assert not results(v)["disclosure"].ok
        assert results(variant(text=f"I work at Acme. {LAUNCH_EN}", disclosure="I work at Acme"))[
            "disclosure"
        ].ok

    def test_a_network_without_disclosure_has_nothing_to_check(self) -> None:
        r = results(variant(text=LAUNCH_EN, disclosure=None))["disclosure"]
        assert (r.ok, r.severity) == (True, "info")


class TestLink:
    def test_no_link_anywhere_warns(self) -> None:
        r = results(variant(link_url=None))["link"]
        assert (r.ok, r.severity) == (False, "warning")

    def test_a_url_in_the_text_is_a_link(self) -> None:
        assert results(variant(link_url="", text=f"{LAUNCH_EN} https://acme.example/x"))["link"].ok


class TestHashtags:
    def test_over_the_recommended_count_warns_with_both_numbers(self) -> None:
        r = results(variant(platform="x", text="Launch day #cloud #security #acme"))["hashtags"]
        assert (r.ok, r.severity) == (False, "warning")
        assert "3" in r.message and "2" in r.message

    def test_text_and_field_hashtags_are_counted_once(self) -> None:
        v = variant(platform="x", text="Launch #Cloud", hashtags=["#cloud", "security"])
        assert results(v)["hashtags"].message.startswith("2 hashtag")

    def test_threads_takes_a_single_topic_tag(self) -> None:
        assert not results(variant(platform="threads", text="Hi #a #b"))["hashtags"].ok

    def test_instagram_over_thirty_is_an_error(self) -> None:
        tags = " ".join(f"#t{i}" for i in range(31))
        r = results(variant(platform="instagram", text=tags))["hashtags"]
        assert (r.ok, r.severity) == (False, "error")

    def test_an_anchor_inside_a_url_is_no_hashtag(self) -> None:
        v = variant(platform="x", text="Read https://acme.example/page#part1 #acme")
        assert results(v)["hashtags"].message.startswith("1 hashtag")


class TestLanguage:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Découvrez notre nouvelle offre de sécurité pour le cloud", "fr"),
            ("L\u2019équipe a lancé la suite et vous attend au salon", "fr"),
            ("Nous serons à la conférence de Lyon la semaine prochaine", "fr"),
            ("Discover our new cloud security offer for the teams", "en"),
            ("We will be at the Lyon conference next week, come and say hello", "en"),
            ("Read how it protects your data", "en"),
            ("#cloud #security", "unknown"),
            ("Cloud Security Summit 2027", "unknown"),
            ("Wir sind nächste Woche auf der Messe", "unknown"),
        ],
    )
    def test_guess(self, text: str, expected: str) -> None:
        assert guess_language(text) == expected

    def test_french_text_in_an_english_variant_warns(self) -> None:
        v = variant(text="Découvrez notre nouvelle offre de sécurité pour le cloud")
        r = results(v)["language"]
        assert (r.ok, r.severity) == (False, "warning")
        assert "fr" in r.message

    def test_unsure_is_not_a_failure(self) -> None:
        assert results(variant(text="#cloud #acme"))["language"].ok


class TestNearDuplicate:
    def test_same_words_on_same_platform_and_language_warn(self) -> None:
        one = variant(key="1")
        two = variant(key="2", text=LAUNCH_EN.replace("data", "teams"))
        r = results(one, [one, two])["near_duplicate"]
        assert (r.ok, r.severity) == (False, "warning")

    def test_a_copy_with_another_link_is_still_a_copy(self) -> None:
        one = variant(key="1", text=f"{LAUNCH_EN} https://a.example/1")
        two = variant(key="2", text=f"{LAUNCH_EN} https://a.example/2")
        assert not results(one, [one, two])["near_duplicate"].ok

    def test_reworded_variants_pass(self) -> None:
        one = variant(key="1")
        two = variant(
            key="2", text="Our cloud security suite is out: here is what changes for teams"
        )
        assert results(one, [one, two])["near_duplicate"].ok

    @pytest.mark.parametrize(("platform", "language"), [("x", "en"), ("linkedin", "fr")])
    def test_other_platform_or_language_is_not_compared(self, platform: str, language: str) -> None:
        one = variant(key="1")
        two = variant(key="2", platform=platform, language=language)
        assert results(one, [one, two])["near_duplicate"].ok

    def test_the_variant_itself_is_skipped(self) -> None:
        one = variant(key="1")
        assert results(one, [one, variant(key="1")])["near_duplicate"].ok
