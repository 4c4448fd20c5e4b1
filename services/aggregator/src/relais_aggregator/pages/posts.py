"""Posts in HTML: one card per post (title, excerpt, date, author, source, platform), the pager."""

from __future__ import annotations

from html import escape

from relais_common.platforms import platform_label

from relais_aggregator.outputs.schemas import PlanetPost
from relais_aggregator.pages.i18n import Lang, long_date, t

PAGE_SIZE = 20
MAX_PAGES = 10  # pre-rendered river pages; older posts stay on people's pages and in feeds


def pages_of(posts: list[PlanetPost]) -> list[list[PlanetPost]]:
    """The river cut into pages (at least one, maybe empty)."""
    kept = posts[: PAGE_SIZE * MAX_PAGES]
    return [kept[i : i + PAGE_SIZE] for i in range(0, len(kept), PAGE_SIZE)] or [[]]


def post_card(post: PlanetPost, lang: Lang, *, level: int = 3, author: bool = True) -> str:
    pinned = (
        f'<p class="meta"><strong>{escape(t(lang, "pinned"))}</strong></p>' if post.pinned else ""
    )
    by = (
        f"{escape(t(lang, 'by', author=''))}"
        f'<a href="/people/{escape(post.person_slug)}?lang={lang}">{escape(post.author)}</a> · '
        if author
        else ""
    )
    source = escape(t(lang, "on", source=f"{post.source} ({platform_label(post.platform)})"))
    excerpt = f"<p>{escape(post.excerpt)}</p>" if post.excerpt else ""
    return (
        f'<li class="post{" pinned" if post.pinned else ""}"><article>{pinned}'
        f'<h{level}><a href="{escape(post.link)}" rel="noopener">{escape(post.title)}</a>'
        f"</h{level}>"
        f'<p class="meta"><time datetime="{post.published_at.isoformat()}">'
        f"{escape(long_date(lang, post.published_at))}</time> · {by}{source}</p>"
        f"{excerpt}</article></li>"
    )


def post_list(posts: list[PlanetPost], lang: Lang, *, level: int = 3, author: bool = True) -> str:
    if not posts:
        return f'<p class="empty">{escape(t(lang, "river_empty"))}</p>'
    cards = "".join(post_card(p, lang, level=level, author=author) for p in posts)
    return f'<ol class="posts">{cards}</ol>'


def pager(path: str, number: int, count: int, lang: Lang) -> str:
    """Links to the newer and older pages (plain links: no JavaScript needed)."""
    links = []
    if number > 1:
        newer = f"{path}?lang={lang}" if number == 2 else f"{path}?page={number - 1}&lang={lang}"
        links.append(f'<a href="{newer}" rel="prev">{escape(t(lang, "newer"))}</a>')
    if number < count:
        links.append(
            f'<a href="{path}?page={number + 1}&lang={lang}" rel="next">'
            f"{escape(t(lang, 'older'))}</a>"
        )
    if not links:
        return ""
    return f'<nav class="pager" aria-label="{escape(t(lang, "pager"))}">{"".join(links)}</nav>'
