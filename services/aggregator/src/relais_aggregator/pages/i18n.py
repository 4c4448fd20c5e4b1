"""The public page's message catalogue (English and French) and language negotiation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")
DEFAULT_LANG: Lang = "en"

MESSAGES: dict[Lang, dict[str, str]] = {
    "en": {
        "skip": "Skip to content",
        "title": "Who speaks for {company}",
        "lede": (
            "Meet the colleagues who share their work in public, grouped by theme. "
            "Follow them where they publish."
        ),
        "themes_nav": "Themes",
        "people_one": "{n} person",
        "people_other": "{n} people",
        "empty": "Nobody is listed yet. Come back soon.",
        "theme_empty": "Nobody is listed under this theme yet.",
        "other_voices": "More voices",
        "languages": "Speaks",
        "colon": ": ",
        "accounts": "Where to follow",
        "switch_label": "Lire cette page en français",
        "switch_text": "Français",
        "all_themes": "All themes",
        "theme_page": "Open the {theme} page",
        "not_found_title": "Page not found",
        "not_found_body": "There is nothing at this address. It may have been renamed or merged.",
        "footer": "Only people who chose to be listed appear here, with the accounts they chose.",
        "theme_title": "{theme} — {company}",
        "nav_label": "Main",
        "nav_posts": "Latest posts",
        "nav_people": "People",
        "all_people": "Everyone, with filters",
        "river_title": "Latest posts",
        "river_empty": "No posts to show yet.",
        "by": "by {author}",
        "on": "on {source}",
        "pinned": "Pinned",
        "page_title": "Page {n}",
        "newer": "Newer posts",
        "older": "Older posts",
        "pager": "More posts",
        "people_title": "People — {company}",
        "people_heading": "People",
        "people_lede": "Everyone who speaks for {company}, once each, with where to follow them.",
        "filter_label": "Filter people",
        "filter_theme": "Theme",
        "filter_platform": "Platform",
        "any": "All",
        "apply": "Show",
        "people_none": "Nobody matches these filters.",
        "person_posts": "Latest posts",
        "person_themes": "Themes",
        "subscribe": "Subscribe",
        "atom": "Atom feed",
        "jsonfeed": "JSON Feed",
        "opml": "OPML of their feeds",
        "follow_csv": "Follow them all on Mastodon (CSV)",
        "network_empty": "There is no network at this address yet.",
        "network_title": "Networks",
        "widget_more": "More on the {company} page",
        "feed_title": "{company} — latest posts",
        "feed_theme_title": "{theme} — {company}",
    },
    "fr": {
        "skip": "Aller au contenu",
        "title": "Qui parle pour {company}",
        "lede": (
            "Découvrez les collègues qui partagent leur travail en public, par thème. "
            "Suivez-les là où ils publient."
        ),
        "themes_nav": "Thèmes",
        "people_one": "{n} personne",
        "people_other": "{n} personnes",
        "empty": "Personne n'est encore présenté ici. Revenez bientôt.",
        "theme_empty": "Personne n'est encore présenté dans ce thème.",
        "other_voices": "Autres voix",
        # French puts a narrow no-break space before ":"; the page adds ": " after this label.
        "languages": "Parle",
        "colon": "\u202f: ",
        "accounts": "Où suivre",
        "switch_label": "Read this page in English",
        "switch_text": "English",
        "all_themes": "Tous les thèmes",
        "theme_page": "Ouvrir la page {theme}",
        "not_found_title": "Page introuvable",
        "not_found_body": "Rien à cette adresse. La page a peut-être été renommée ou fusionnée.",
        "footer": (
            "Seules les personnes qui l'ont choisi apparaissent ici, avec les comptes "
            "qu'elles ont choisis."
        ),
        "theme_title": "{theme} — {company}",
        "nav_label": "Principal",
        "nav_posts": "Derniers articles",
        "nav_people": "Personnes",
        "all_people": "Tout le monde, avec des filtres",
        "river_title": "Derniers articles",
        "river_empty": "Aucun article à afficher pour l'instant.",
        "by": "par {author}",
        "on": "sur {source}",
        "pinned": "Épinglé",
        "page_title": "Page {n}",
        "newer": "Articles plus récents",
        "older": "Articles plus anciens",
        "pager": "Autres articles",
        "people_title": "Personnes — {company}",
        "people_heading": "Personnes",
        "people_lede": (
            "Toutes celles et ceux qui parlent pour {company}, une fois chacun, et où les suivre."
        ),
        "filter_label": "Filtrer les personnes",
        "filter_theme": "Thème",
        "filter_platform": "Plateforme",
        "any": "Tous",
        "apply": "Afficher",
        "people_none": "Personne ne correspond à ces filtres.",
        "person_posts": "Derniers articles",
        "person_themes": "Thèmes",
        "subscribe": "S'abonner",
        "atom": "Flux Atom",
        "jsonfeed": "JSON Feed",
        "opml": "OPML de leurs flux",
        "follow_csv": "Les suivre tous sur Mastodon (CSV)",
        "network_empty": "Aucun réseau à cette adresse pour l'instant.",
        "network_title": "Réseaux",
        "widget_more": "Plus sur la page de {company}",
        "feed_title": "{company} — derniers articles",
        "feed_theme_title": "{theme} — {company}",
    },
}

# At least the ISO 639-1 codes the SPA offers in the profile (frontend/src/i18n/languages.ts).
LANGUAGE_NAMES: dict[Lang, dict[str, str]] = {
    "en": {
        "en": "English",
        "fr": "French",
        "de": "German",
        "es": "Spanish",
        "it": "Italian",
        "pt": "Portuguese",
        "nl": "Dutch",
        "pl": "Polish",
        "ro": "Romanian",
        "sv": "Swedish",
        "da": "Danish",
        "fi": "Finnish",
        "no": "Norwegian",
        "cs": "Czech",
        "el": "Greek",
        "hu": "Hungarian",
        "tr": "Turkish",
        "ru": "Russian",
        "uk": "Ukrainian",
        "ar": "Arabic",
        "he": "Hebrew",
        "zh": "Chinese",
        "ja": "Japanese",
        "ko": "Korean",
        "hi": "Hindi",
        "vi": "Vietnamese",
        "id": "Indonesian",
        "th": "Thai",
        "ca": "Catalan",
        "eu": "Basque",
        "br": "Breton",
        "oc": "Occitan",
    },
    "fr": {
        "en": "anglais",
        "fr": "français",
        "de": "allemand",
        "es": "espagnol",
        "it": "italien",
        "pt": "portugais",
        "nl": "néerlandais",
        "pl": "polonais",
        "ro": "roumain",
        "sv": "suédois",
        "da": "danois",
        "fi": "finnois",
        "no": "norvégien",
        "cs": "tchèque",
        "el": "grec",
        "hu": "hongrois",
        "tr": "turc",
        "ru": "russe",
        "uk": "ukrainien",
        "ar": "arabe",
        "he": "hébreu",
        "zh": "chinois",
        "ja": "japonais",
        "ko": "coréen",
        "hi": "hindi",
        "vi": "vietnamien",
        "id": "indonésien",
        "th": "thaï",
        "ca": "catalan",
        "eu": "basque",
        "br": "breton",
        "oc": "occitan",
    },
}


def t(lang: Lang, key: str, **values: object) -> str:
    return MESSAGES[lang][key].format(**values)


def people_count(lang: Lang, n: int) -> str:
    return t(lang, "people_one" if n == 1 else "people_other", n=n)


def language_name(lang: Lang, code: str) -> str:
    return LANGUAGE_NAMES[lang].get(code.lower(), code.upper())


def other(lang: Lang) -> Lang:
    return "fr" if lang == "en" else "en"


def negotiate(explicit: str | None, accept_language: str | None) -> Lang:
    """`?lang=` wins; otherwise the best of Accept-Language; English by default."""
    if explicit in LANGS:
        return explicit
    best: tuple[float, Lang] | None = None
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGS:
            continue
        quality = _quality(params)
        candidate = (quality - position / 1000, primary)
        if quality > 0 and (best is None or candidate[0] > best[0]):
            best = candidate
    return best[1] if best else DEFAULT_LANG


def _quality(params: str) -> float:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip() == "q":
            try:
                return max(0.0, min(1.0, float(value)))
            except ValueError:
                return 0.0
    return 1.0


MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}


def long_date(lang: Lang, moment: datetime) -> str:
    """ "1 December 2026" / "1 décembre 2026" (UTC)."""
    day = moment.astimezone(UTC)
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
