"""The embeddable widget: a small iframe page per theme and the script that inserts it.

The host page needs no inline script or style (one `<script src>` with data- attributes); the
iframe page has no script at all, sets its own CSP (its one stylesheet allowed by hash) and
may be framed by anyone (`frame-ancestors *`, only here). No cookies are set.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from relais_aggregator.outputs.schemas import PlanetPost
from relais_aggregator.pages.brand import Brand
from relais_aggregator.pages.i18n import Lang, long_date, t
from relais_aggregator.readmodel.schemas import PublicThemeSection

WIDGET_POSTS = 8
WIDGET_STYLE = (
    "body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:#1b1f24;background:#fff}"
    "header{background:var(--brand);color:#fff;padding:.5rem .75rem}"
    "h1{font-size:1rem;margin:0}"
    "ol,ul{list-style:none;margin:0;padding:0}"
    "li{padding:.55rem .75rem;border-bottom:1px solid #d9dde3}"
    "a{color:#16365a}a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}"
    "p{margin:.15rem 0 0;color:#4a5360;font-size:.85rem}"
    "footer{padding:.55rem .75rem;font-size:.85rem}"
)


def _style(brand: Brand) -> str:
    return f":root{{--brand:{brand.color}}}" + WIDGET_STYLE


def widget_csp(brand: Brand) -> str:
    digest = base64.b64encode(hashlib.sha256(_style(brand).encode()).digest()).decode()
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'self' data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors *"
    )


def _item(post: PlanetPost, lang: Lang) -> str:
    return (
        f'<li><a href="{escape(post.link)}" target="_blank" rel="noopener">'
        f"{escape(post.title)}</a>"
        f'<p><time datetime="{post.published_at.isoformat()}">'
        f"{escape(long_date(lang, post.published_at))}</time> · {escape(post.author)}</p></li>"
    )


def widget_page(
    section: PublicThemeSection, posts: list[PlanetPost], lang: Lang, brand: Brand
) -> str:
    if posts:
        body = "<ol>" + "".join(_item(p, lang) for p in posts[:WIDGET_POSTS]) + "</ol>"
    elif section.people:
        body = (
            "<ul>"
            + "".join(
                f'<li><a href="{escape(brand.absolute("/people/" + p.slug))}" target="_blank" '
                f'rel="noopener">{escape(p.display_name)}</a></li>'
                for p in section.people[:WIDGET_POSTS]
            )
            + "</ul>"
        )
    else:
        body = f"<p>{escape(t(lang, 'theme_empty'))}</p>"
    more = brand.absolute(f"/themes/{section.slug}?lang={lang}")
    title = t(lang, "feed_theme_title", theme=section.name, company=brand.name)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{_style(brand)}</style></head><body>"
        f"<header><h1>{escape(title)}</h1></header><main>{body}</main>"
        f'<footer><a href="{escape(more)}" target="_blank" rel="noopener">'
        f"{escape(t(lang, 'widget_more', company=brand.name))}</a></footer></body></html>\n"
    )


# Inserts the iframe after its own <script> tag: <script src=".../widget/embed.js"
# data-theme="recruiting" data-lang="fr" async></script>. CSSOM writes (iframe.style.x)
# are allowed under a strict style-src, unlike a style attribute.
EMBED_JS = """(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var theme = script.getAttribute("data-theme") || "";
  var lang = script.getAttribute("data-lang") || "";
  var frame = document.createElement("iframe");
  var url = new URL("/widget/" + encodeURIComponent(theme), script.src);
  if (lang) url.searchParams.set("lang", lang);
  frame.src = url.href;
  frame.title = script.getAttribute("data-title") || theme;
  frame.loading = "lazy";
  frame.referrerPolicy = "no-referrer";
  frame.setAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
  frame.width = "100%";
  frame.height = script.getAttribute("data-height") || "420";
  frame.style.border = "0";
  frame.style.maxWidth = "100%";
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
"""
