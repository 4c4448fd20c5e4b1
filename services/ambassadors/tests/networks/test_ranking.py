"""The suggestion score and the platform recommendation as pure rules."""

from __future__ import annotations

from relais_ambassadors.presence.audiences import audience_of
from relais_ambassadors.presence.recommendation import recommend
from relais_ambassadors.suggestions.ranking import Candidate, NetworkProfile, rank

NETWORK = NetworkProfile(
    languages=frozenset({"fr", "en"}),
    departments=frozenset({"rd"}),
    audience=("linkedin", "mastodon", "bluesky", "x"),
    labels={"linkedin": "LinkedIn", "mastodon": "Mastodon"},
)


def who(
    id_: str,
    *,
    themes: tuple[str, ...] = ("Cloud",),
    dept: str | None = "rd",
    langs: tuple[str, ...] = ("fr",),
    platforms: tuple[str, ...] = (),
) -> Candidate:
    return Candidate(id_, id_.title(), dept, (dept or "").upper() or None, langs, themes, platforms)


def test_each_reason_adds_its_points() -> None:
    plain = who("plain")
    assert rank([plain], NETWORK)[0].score == 3
    (s,) = rank(
        [
            who(
                "rich",
                themes=("Cloud", "Security"),
                dept="sales",
                langs=("ja", "de", "it"),
                platforms=("mastodon", "github"),
            )
        ],
        NETWORK,
    )
    # 2 themes x3 + 1 audience platform + 2 new languages (capped) + a new department
    assert s.score == 6 + 1 + 2 + 2
    assert [(r.kind, r.detail) for r in s.reasons] == [
        ("theme", "Cloud, Security"),
        ("platform", "Mastodon"),
        ("language", "ja, de"),
        ("department", "SALES"),
    ]
    assert s.text.startswith("Shares the themes Cloud, Security; is present on Mastodon")


def test_departments_spread() -> None:
    a, b, c = who("anna", dept="sales"), who("bob", dept="sales"), who("carl", dept="hr")
    ranked = rank([a, b, c], NETWORK)
    # Anna and Carl bring a new department; Bob's department is then represented by Anna
    assert [(s.candidate.id, s.score) for s in ranked] == [("anna", 5), ("carl", 5), ("bob", 3)]


def test_bounded_and_ties_by_name() -> None:
    people = [who(f"p{i:03}") for i in range(120)]
    ranked = rank(people, NETWORK)
    assert len(ranked) == 50
    assert ranked[0].candidate.id == "p000"


def test_nobody_without_a_reason() -> None:
    assert rank([who("none", themes=(), langs=("fr",))], NETWORK) == []


def test_audience_table() -> None:
    assert audience_of("cloud-security")["mastodon"] == 3
    assert audience_of("knitting") == {"linkedin": 2}
    assert "github" not in audience_of("sustainability")  # "ai" is not a word of it


def test_recommendation_ranks_with_reasons() -> None:
    items = recommend(
        {"mastodon": 3, "linkedin": 1},
        5,
        {"x": 1},
        {"mastodon": {"cloud": 2}, "linkedin": {"cloud": 3}},
        {"cloud": "Cloud"},
    )
    assert [(i.platform, i.score) for i in items] == [("mastodon", 12), ("linkedin", 11), ("x", 2)]
    assert [r.kind for r in items[0].reasons] == ["members", "audience"]
    assert items[0].reasons[0].detail == "3 of 5 members"
