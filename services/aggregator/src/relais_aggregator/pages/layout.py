"""The page shell: landmarks, skip link, language switch and the inline stylesheet."""

from __future__ import annotations

from html import escape

from relais_aggregator.pages.i18n import Lang, other, t

STYLE = """
:root{--ink:#1b1f24;--muted:#4a5360;--paper:#f7f6f2;--card:#fff;--line:#d9dde3;
--brand:#1f4e79;--brand-ink:#fff;--accent:#b3541e;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;
color:var(--ink);background:var(--paper);line-height:1.55}
a{color:var(--brand);text-underline-offset:.15em}
a:hover{color:#0f2e4d}
a:focus-visible,.skip:focus{outline:3px solid var(--focus);outline-offset:2px;
box-shadow:0 0 0 6px var(--ink);border-radius:2px}
.skip{position:absolute;left:-999px;top:.5rem;background:var(--card);color:var(--ink);
padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
header.hero{background:linear-gradient(135deg,#163a5c,#1f4e79 60%,#2b5f8e);color:var(--brand-ink)}
header.hero a{color:var(--brand-ink)}
.bar{display:flex;justify-content:space-between;align-items:center;padding:1rem 0;gap:1rem}
.brand{font-weight:700;letter-spacing:.02em;text-decoration:none}
.switch{border:1px solid rgba(255,255,255,.7);border-radius:999px;padding:.25rem .8rem;
text-decoration:none}
.hero-text{padding:2.5rem 0 3rem}
h1{font-size:clamp(1.9rem,4vw + 1rem,3.2rem);line-height:1.15;margin:0 0 .75rem}
.lede{font-size:1.15rem;max-width:42rem;margin:0;color:#e8eef5}
nav.themes{background:var(--card);border-bottom:1px solid var(--line)}
nav.themes ul{list-style:none;margin:0;padding:.75rem 0;display:flex;flex-wrap:wrap;gap:.5rem}
nav.themes a{display:inline-block;padding:.3rem .8rem;border:1px solid var(--line);
border-radius:999px;text-decoration:none;color:var(--ink);background:var(--paper)}
nav.themes a:hover{border-color:var(--brand)}
.nav-title{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
main{padding:2rem 0 3rem}
section.theme{margin:0 0 3rem}
.theme-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;
border-bottom:2px solid var(--accent);padding-bottom:.4rem;margin-bottom:.5rem}
h2{font-size:1.6rem;margin:0}
.count{color:var(--muted);font-weight:600}
.theme-desc{color:var(--muted);max-width:48rem;margin:.25rem 0 1.25rem}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem;
grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.1rem;
display:flex;flex-direction:column;gap:.5rem}
.who{display:flex;gap:.8rem;align-items:center}
.avatar{flex:none;width:3.2rem;height:3.2rem;border-radius:50%;display:grid;place-items:center;
font-weight:700;color:#fff;letter-spacing:.03em}
.a0{background:#1f4e79}.a1{background:#7a3b12}.a2{background:#2f5d34}.a3{background:#5b2a6e}
.a4{background:#8a1f3d}.a5{background:#205a62}
h3{font-size:1.1rem;margin:0;line-height:1.25}
.job,.meta{color:var(--muted);margin:0;font-size:.95rem}
.bio{margin:0}
.links{list-style:none;margin:.25rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.links a{display:inline-block;padding:.2rem .6rem;border-radius:.4rem;background:#eef3f8;
text-decoration:none;font-size:.92rem;overflow-wrap:anywhere}
.links a:hover{background:#dce7f2}
.empty{background:var(--card);border:1px dashed var(--line);border-radius:.75rem;padding:2rem;
text-align:center;color:var(--muted)}
footer{border-top:1px solid var(--line);color:var(--muted);padding:1.5rem 0 2.5rem;font-size:.95rem}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
@media print{header.hero{background:none;color:#000}.switch,nav.themes{display:none}}
"""


def page(
    *,
    lang: Lang,
    title: str,
    company: str,
    path: str,
    heading: str,
    lede: str,
    nav: str,
    main: str,
) -> str:
    """A whole HTML document; every argument except nav/main (already built) is escaped."""
    alt = other(lang)
    switch = (
        f'<a class="switch" href="{escape(path)}?lang={alt}" hreflang="{alt}" lang="{alt}"'
        f' aria-label="{escape(t(lang, "switch_label"))}">{escape(t(lang, "switch_text"))}</a>'
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="description" content="{escape(lede)}">\n'
        f'<link rel="alternate" hreflang="{alt}" href="{escape(path)}?lang={alt}">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#content">{escape(t(lang, "skip"))}</a>\n'
        '<header class="hero"><div class="wrap">\n'
        f'<div class="bar"><a class="brand" href="/?lang={lang}">{escape(company)}</a>'
        f"{switch}</div>\n"
        f'<div class="hero-text"><h1>{escape(heading)}</h1>'
        f'<p class="lede">{escape(lede)}</p></div>\n'
        "</div></header>\n"
        f"{nav}"
        f'<main id="content" tabindex="-1"><div class="wrap">\n{main}</div></main>\n'
        f'<footer><div class="wrap"><p>{escape(t(lang, "footer"))}</p></div></footer>\n'
        "</body>\n</html>\n"
    )
