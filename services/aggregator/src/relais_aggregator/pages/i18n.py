"""The public page's message catalogue (English and French) and language negotiation."""

from __future__ import annotations

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
        "not_found_body": "There is no theme at this address. It may have been renamed or merged.",
        "footer": "Only people who chose to be listed appear here, with the accounts they chose.",
        "theme_title": "{theme} — {company}",
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
        "not_found_body": ("Aucun thème à cette adresse. Il a peut-être été renommé ou fusionné."),
        "footer": (
            "Seules les personnes qui l'ont choisi apparaissent ici, avec les comptes "
            "qu'elles ont choisis."
        ),
        "theme_title": "{theme} — {company}",
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
