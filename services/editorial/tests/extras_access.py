"""Authorization rows of contributions, briefs, calendar feeds, previews and import/export
(merged into test_authorization.py's NETWORK_TABLE; same cast, same conventions)."""

from __future__ import annotations

from collections.abc import Mapping

from editorial_factories import WHO

VERIFIED = {"admin", "chair_a", "committee_a", "member_a", "member_b", "chair_b", "outsider"}
MEMBERS_A = {"chair_a", "committee_a", "member_a"}
COMMITTEE_A = {"chair_a", "committee_a"}
READERS_A = COMMITTEE_A | {"admin"}
A = "/networks/cloud-security"
NO_SUCH = "00000000-0000-0000-0000-000000000000"
TOKEN = "x" * 43  # well formed, unknown


def allowed(who: set[str], ok: int) -> Mapping[str, int]:
    base = {"anonymous": 401, "service": 401, "unverified": 403}
    return {w: ok if w in who else base.get(w, 403) for w in WHO}


EVERYONE_404 = {w: 404 for w in WHO}

EXTRAS_TABLE: dict[tuple[str, str], tuple[str, object, Mapping[str, int]]] = {
    # contributions: anyone verified who sees the (open) network suggests; the committee decides
    ("POST", "/networks/{slug}/contributions"): (f"{A}/contributions", {}, allowed(VERIFIED, 422)),
    ("GET", "/networks/{slug}/contributions"): (
        f"{A}/contributions",
        None,
        allowed(READERS_A, 200),
    ),
    ("GET", "/networks/{slug}/contributions/count"): (
        f"{A}/contributions/count",
        None,
        allowed(READERS_A, 200),
    ),
    ("POST", "/networks/{slug}/contributions/{contribution_id}/accept"): (
        f"{A}/contributions/{NO_SUCH}/accept",
        {},
        allowed(COMMITTEE_A, 422),
    ),
    ("POST", "/networks/{slug}/contributions/{contribution_id}/decline"): (
        f"{A}/contributions/{NO_SUCH}/decline",
        {},
        allowed(COMMITTEE_A, 422),
    ),
    ("GET", "/me/contributions"): ("/me/contributions", None, allowed(VERIFIED, 200)),
    # briefs: the committee's; the assignee's own
    ("GET", "/networks/{slug}/briefs"): (f"{A}/briefs", None, allowed(READERS_A, 200)),
    ("POST", "/networks/{slug}/briefs"): (f"{A}/briefs", {}, allowed(COMMITTEE_A, 422)),
    ("GET", "/networks/{slug}/briefs/{brief_id}"): (
        f"{A}/briefs/{NO_SUCH}",
        None,
        allowed(READERS_A, 404),
    ),
    ("PATCH", "/networks/{slug}/briefs/{brief_id}"): (
        f"{A}/briefs/{NO_SUCH}",
        {},
        allowed(COMMITTEE_A, 404),
    ),
    ("DELETE", "/networks/{slug}/briefs/{brief_id}"): (
        f"{A}/briefs/{NO_SUCH}",
        None,
        allowed(COMMITTEE_A, 404),
    ),
    ("GET", "/me/briefs"): ("/me/briefs", None, allowed(VERIFIED, 200)),
    ("PUT", "/me/briefs/{brief_id}/status"): (
        f"/me/briefs/{NO_SUCH}/status",
        {},
        allowed(VERIFIED, 422),
    ),
    # calendar feeds: a member's own; the feed itself is public behind its token
    ("GET", "/networks/{slug}/calendar/feeds"): (
        f"{A}/calendar/feeds",
        None,
        allowed(MEMBERS_A, 200),
    ),
    ("POST", "/networks/{slug}/calendar/feeds"): (
        f"{A}/calendar/feeds",
        {"unknown": 1},
        allowed(MEMBERS_A, 422),
    ),
    ("DELETE", "/networks/{slug}/calendar/feeds/{feed_id}"): (
        f"{A}/calendar/feeds/{NO_SUCH}",
        None,
        allowed(MEMBERS_A, 404),
    ),
    ("GET", "/ical/{token}.ics"): (f"/ical/{TOKEN}.ics", None, EVERYONE_404),
    # preview links: the committee's; the preview itself is public behind its token
    ("GET", "/previews/{token}"): (f"/previews/{TOKEN}", None, EVERYONE_404),
    ("GET", "/networks/{slug}/previews"): (f"{A}/previews", None, allowed(READERS_A, 200)),
    ("POST", "/networks/{slug}/previews"): (f"{A}/previews", {}, allowed(COMMITTEE_A, 422)),
    ("DELETE", "/networks/{slug}/previews/{preview_id}"): (
        f"{A}/previews/{NO_SUCH}",
        None,
        allowed(COMMITTEE_A, 404),
    ),
    # import / export
    ("GET", "/networks/{slug}/calendar/export"): (
        f"{A}/calendar/export",
        None,
        allowed(READERS_A, 200),
    ),
    ("POST", "/networks/{slug}/calendar/import"): (
        f"{A}/calendar/import",
        {},
        allowed(COMMITTEE_A, 422),
    ),
}
