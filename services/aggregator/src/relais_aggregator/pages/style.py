"""The public pages' one stylesheet (inline: no external fonts, CSS or CDN), phone first."""

from __future__ import annotations

STYLE = """
:root{--ink:#1b1f24;--muted:#4a5360;--paper:#f7f6f2;--card:#fff;--line:#d9dde3;
--brand-ink:#fff;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;
color:var(--ink);background:var(--paper);line-height:1.55;overflow-wrap:break-word}
a{color:var(--brand);text-underline-offset:.15em}
a:hover{color:var(--ink)}
a:focus-visible,button:focus-visible,select:focus-visible,.skip:focus{
outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 6px var(--ink);border-radius:2px}
.skip{position:absolute;left:-999px;top:.5rem;background:var(--card);color:var(--ink);
padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
header.hero{background:var(--brand);color:var(--brand-ink)}
header.hero a{color:var(--brand-ink)}
.bar{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;
padding:.75rem 0;gap:.5rem 1rem}
.brand{display:flex;align-items:center;gap:.6rem;font-weight:700;text-decoration:none}
.brand img{height:2rem;width:auto;max-width:10rem}
.menu{display:flex;flex-wrap:wrap;gap:.25rem .9rem;list-style:none;margin:0;padding:0}
.menu a[aria-current]{font-weight:700;text-decoration-thickness:2px}
.switch{border:1px solid rgba(255,255,255,.7);border-radius:999px;padding:.15rem .7rem;
text-decoration:none}
.hero-text{padding:1.25rem 0 1.75rem}
h1{font-size:clamp(1.6rem,3vw + 1rem,2.8rem);line-height:1.15;margin:0 0 .5rem}
.lede{font-size:1.05rem;max-width:42rem;margin:0}
nav.themes{background:var(--card);border-bottom:1px solid var(--line)}
nav.themes ul{list-style:none;margin:0;padding:.6rem 0;display:flex;gap:.5rem;overflow-x:auto}
nav.themes a{display:inline-block;white-space:nowrap;padding:.25rem .8rem;
border:1px solid var(--line);border-radius:999px;text-decoration:none;color:var(--ink);
background:var(--paper)}
nav.themes a:hover{border-color:var(--brand)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
main{padding:1.5rem 0 2.5rem}
h2{font-size:1.4rem;margin:0 0 .75rem}
h3{font-size:1.08rem;margin:0;line-height:1.3}
.posts,.cards{list-style:none;margin:0;padding:0;display:grid;gap:.9rem}
.cards{grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.post,.card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;
padding:.9rem 1rem}
.post.pinned{border-left:4px solid var(--accent)}
.post p{margin:.35rem 0 0}
.meta,.job{color:var(--muted);margin:0;font-size:.93rem}
.who{display:flex;gap:.7rem;align-items:center}
.avatar{flex:none;width:2.6rem;height:2.6rem;border-radius:50%;display:grid;place-items:center;
font-weight:700;color:#fff}
.a0{background:#1f4e79}.a1{background:#7a3b12}.a2{background:#2f5d34}.a3{background:#5b2a6e}
.a4{background:#8a1f3d}.a5{background:#205a62}
.links{list-style:none;margin:.4rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem}
.links a{display:inline-block;padding:.15rem .55rem;border-radius:.4rem;background:#eef3f8;
text-decoration:none;font-size:.92rem;overflow-wrap:anywhere;color:#16365a}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin:0 0 1.2rem}
.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.93rem}
.filters select,.filters button{font:inherit;padding:.35rem .5rem;min-height:2.5rem}
.filters button{background:var(--brand);color:var(--brand-ink);border:0;border-radius:.4rem}
.pager{display:flex;gap:1rem;margin:1.2rem 0 0}
.subscribe{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0;
margin:.5rem 0 1.2rem}
.empty{background:var(--card);border:1px dashed var(--line);border-radius:.6rem;padding:1.5rem;
text-align:center;color:var(--muted)}
.cols{display:grid;gap:1.5rem}
@media (min-width:60rem){.cols{grid-template-columns:2fr 1fr}}
footer{border-top:1px solid var(--line);color:var(--muted);padding:1.25rem 0 2rem;font-size:.93rem}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
@media print{header.hero{background:none;color:#000}.switch,nav.themes,.filters{display:none}}
"""


def brand_style(color: str, accent: str) -> str:
    """The company's colours (validated #rrggbb by the settings) on top of the stylesheet."""
    return f":root{{--brand:{color};--accent:{accent}}}" + STYLE
