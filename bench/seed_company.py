# ruff: noqa: SIM905, RUF001 - word lists read best as sentences; the names are real spellings
"""Seed a company of N people (100,000 by default) into a migrated ambassadors PostgreSQL database.

Realistic enough for the directory's queries: accented names drawn from several countries, job
titles, departments, cities, languages, 0-3 themes, 0-3 social accounts, most people active on
the current charter, a share listed publicly (with their `ambassador.public` event in the outbox),
some suspended or pending. Rows go in with COPY (about 10 s for 100,000 people here), the
normalised `search_text` computed by the service's own rule (search_text.py).

    python bench/seed_company.py postgresql://postgres@127.0.0.1:5432/<db> [--people 100000]

The database must be migrated (relais_common.migrations.upgrade) and should be a throwaway one:
company_bench.py creates and drops it. Prints `seeded <n> people in <s> s`.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from relais_ambassadors.search_text import search_text_of

FIRST = (
    "Camille Hugo Amina Lucas Chloé Yuki Mateo Sofia Léa Élodie Noah Inès Karim Zoé Arthur Jade "
    "Louis Manon Gabriel Anaïs Hélène Théo Maëlle Raphaël Sarah Nils Ingrid Lars Ana João Priya "
    "Arjun Mei Wei Fatou Moussa Olga Ivan Björn Siobhán Seán Zsófia Łukasz Agnieszka Núria Jordi "
    "Emma Oliver Charlotte James Amelia William Aiko Kenji Leïla Yasmine Omar Nadia Ewa Pierre"
).split()
LAST = (
    "Laurent Moreau Diallo Bernard Petit Tanaka García Rossi Martin Dubois Lefèvre Leroy Roux "
    "Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Müller Schmidt Nowak Kowalski "
    "Novák Horváth Silva Santos Costa Pereira Fernández López Martínez Sánchez O'Brien Murphy "
    "Smith Jones Taylor Brown Wilson Nguyen Tran Kim Park Chen Wang Li Singh Patel Sharma Okafor "
    "Mensah Haddad Benali Cohen Andersson Johansson Nielsen Virtanen Özdemir Yılmaz Ivanova"
).split()
TITLES = (
    "Software engineer|Principal engineer|Data scientist|Account executive|Product manager|"
    "Site reliability engineer|Security architect|HR business partner|Support specialist|"
    "Financial analyst|Legal counsel|Marketing manager|UX designer|Recruiter|Sales director|"
    "Customer success manager|Technical writer|Developer advocate|Office manager|Buyer"
).split("|")
CITIES = (
    "Paris Lyon Nantes Lille Toulouse Bordeaux Marseille Rennes Grenoble Strasbourg Madrid "
    "Barcelona Milan Berlin München Warszawa Lisboa London Dublin Montréal Tokyo Singapore Dakar"
).split()
LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "pl", "ja", "ar", "nl", "wo", "zh")
DEPARTMENTS = (
    "R&D|Sales|Marketing|HR|Support|Finance|Operations|Legal|Security|Data|Design|Purchasing|"
    "Customer success|Communication|Facilities|Quality|Training|Strategy|IT|Logistics"
).split("|")
THEMES = (
    "Cloud security|Recruiting|Sustainability|Data & AI|Open source|Customer success|"
    "Diversity & inclusion|Product design|Accessibility|Remote work|Innovation|Careers|"
    "Engineering culture|Partnerships|Events|Volunteering|Mobility|Health at work|Learning|Ethics"
).split("|")
PLATFORMS = (
    ("github", "https://github.com/{h}"),
    ("linkedin", "https://www.linkedin.com/in/{h}"),
    ("mastodon", "https://mastodon.social/@{h}"),
    ("bluesky", "https://bsky.app/profile/{h}.bsky.social"),
)


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def person_rows(
    n: int, rng: random.Random, departments: list[str], now: datetime
) -> Iterator[dict[str, Any]]:
    """One dict per person, with the columns COPY sends."""
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        roll = rng.random()
        person = {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "email": f"{slug(first)}.{slug(last)}.{i}@company.example",
            "display_name": f"{first} {last}",
            "job_title": rng.choice(TITLES),
            "department_id": rng.choice(departments) if roll < 0.95 else None,
            "location": rng.choice(CITIES),
            "languages": "," + "".join(f"{c}," for c in rng.sample(LANGUAGES, rng.randint(1, 3))),
            "bio": f"{rng.choice(TITLES)} in {rng.choice(CITIES)}. {first} writes about our work.",
            "accepted": None if roll > 0.97 else 1,  # 3% pending the charter
            "suspended_at": now if 0.955 < roll <= 0.96 else None,
            "listed": roll < 0.4,
            "created_at": now - timedelta(days=rng.randint(0, 900)),
        }
        yield person


def copy_rows(
    cur: psycopg.Cursor[Any], table: str, columns: list[str], rows: Iterator[tuple[Any, ...]]
) -> int:
    count = 0
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


AMBASSADOR_COLUMNS = (
    "id email password_hash is_admin display_name job_title department_id location languages bio "
    "search_text locale accepted_charter_version suspended_at listing_public "
    "listing_consented_at moderation listed_at version created_at"
).split()


def model_defaults(
    cur: psycopg.Cursor[Any], table: str, given: list[str], now: datetime
) -> dict[str, Any]:
    """Values for the table's other columns: the model's scalar default, `now` for a
    verification date, else NULL (the schema grows with every slice; the seed keeps up)."""
    from relais_ambassadors.models import Base

    cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])
    model = Base.metadata.tables[table]
    values: dict[str, Any] = {}
    for (name,) in cur.fetchall():
        if name in given or name not in model.c:
            continue
        default = model.c[name].default
        arg = getattr(default, "arg", None)
        if name.endswith("verified_at"):
            values[name] = now
        elif default is not None and not callable(arg):
            values[name] = json.dumps(arg) if isinstance(arg, dict | list) else arg
        elif default is not None:
            values[name] = None if model.c[name].nullable else arg(None)
    return values


def seed(url: str, people: int, seed_value: int = 2026, password_hash: str = "!") -> int:
    rng = random.Random(seed_value)
    now = datetime.now(UTC)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO charter (version, title, body_markdown, body_html, published_at)"
            " VALUES (1, 'Charter', 'Be kind.', '<p>Be kind.</p>', %s) ON CONFLICT DO NOTHING",
            [now],
        )
        departments = [str(uuid.uuid4()) for _ in DEPARTMENTS]
        copy_rows(
            cur,
            "department",
            ["id", "slug", "name", "version", "created_at"],
            (
                (d, slug(name), name, 1, now)
                for d, name in zip(departments, DEPARTMENTS, strict=True)
            ),
        )
        themes = [str(uuid.uuid4()) for _ in THEMES]
        copy_rows(
            cur,
            "theme",
            ["id", "slug", "name", "description", "version", "created_at"],
            ((t, slug(name), name, "", 1, now) for t, name in zip(themes, THEMES, strict=True)),
        )
        extra = model_defaults(cur, "ambassador", AMBASSADOR_COLUMNS, now)
        columns = AMBASSADOR_COLUMNS + list(extra)
        links: list[tuple[str, str]] = []
        accounts: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []

        def ambassadors() -> Iterator[tuple[Any, ...]]:
            for p in person_rows(people, rng, departments, now):
                listed = p["listed"] and p["accepted"] and not p["suspended_at"]
                for theme in rng.sample(themes, rng.randint(0, 3)):
                    links.append((p["id"], theme))
                handle = slug(p["display_name"]).replace("-", "") + str(len(accounts))
                for platform, pattern in rng.sample(PLATFORMS, rng.randint(0, 3)):
                    accounts.append(
                        (
                            str(uuid.uuid4()),
                            p["id"],
                            platform,
                            handle,
                            pattern.format(h=handle),
                            None,
                            listed,
                            now if listed else None,
                            p["created_at"],
                        )
                    )
                if listed:
                    payload = {"id": p["id"], "display_name": p["display_name"]}
                    events.append(("ambassador.public", p["id"], json.dumps(payload), now))
                search_text = search_text_of(_Person(p))
                yield (
                    p["id"],
                    p["email"],
                    password_hash,
                    False,
                    p["display_name"],
                    p["job_title"],
                    p["department_id"],
                    p["location"],
                    p["languages"],
                    p["bio"],
                    search_text,
                    "fr",
                    p["accepted"],
                    p["suspended_at"],
                    bool(listed),
                    now if listed else None,
                    "approved" if listed else "none",
                    now if listed else None,
                    1,
                    p["created_at"],
                    *extra.values(),
                )

        count = copy_rows(cur, "ambassador", columns, ambassadors())
        copy_rows(cur, "ambassador_theme", ["ambassador_id", "theme_id"], iter(links))
        given = (
            "id ambassador_id platform handle profile_url feed_url public consented_at created_at"
        )
        account_extra = model_defaults(cur, "social_account", given.split(), now)
        copy_rows(
            cur,
            "social_account",
            given.split() + list(account_extra),
            (row + tuple(account_extra.values()) for row in accounts),
        )
        copy_rows(
            cur, "outbox_event", ["type", "aggregate_id", "payload", "created_at"], iter(events)
        )
        conn.commit()
    # As autovacuum would leave it: statistics, and the visibility map that lets the name
    # index answer alone (an index-only scan) instead of visiting every row it lists.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return count


class _Person:
    def __init__(self, row: dict[str, Any]) -> None:
        self.display_name = row["display_name"]
        self.job_title = row["job_title"]
        self.location = row["location"]
        self.bio = row["bio"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--people", type=int, default=100_000)
    options = parser.parse_args()
    started = time.perf_counter()
    count = seed(options.url, options.people)
    print(f"seeded {count} people in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
