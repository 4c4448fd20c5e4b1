import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'relais.lang';

/** Where the language shown on arrival came from (decides whether a profile may override it). */
export type LanguageSource = 'switch' | 'stored' | 'browser' | 'fallback';

function storedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    /* storage unavailable */
  }
  return null;
}

function browserLanguage(): Language | null {
  const nav = typeof navigator !== 'undefined' ? (navigator.language ?? '').toLowerCase() : '';
  if (nav.startsWith('en')) return 'en';
  if (nav.startsWith('fr')) return 'fr';
  return null;
}

/** A choice kept on this device, else the browser's language if it is one of ours, else French. */
export function detectLanguage(): Language {
  return storedLanguage() ?? browserLanguage() ?? 'fr';
}

function detectSource(): LanguageSource {
  if (storedLanguage()) return 'stored';
  return browserLanguage() ? 'browser' : 'fallback';
}

let arrivalSource: LanguageSource = 'fallback';

export function setLanguage(lang: Language): Promise<unknown> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable */
  }
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

let chosenThisVisit = false;

/** The person picked a language with the switch: on sign-in, that choice beats the profile's. */
export function chooseLanguage(lang: Language): Promise<unknown> {
  chosenThisVisit = true;
  return setLanguage(lang);
}

export function languageChosenThisVisit(): boolean {
  return chosenThisVisit;
}

export function languageSource(): LanguageSource {
  return chosenThisVisit ? 'switch' : arrivalSource;
}

/**
 * After sign-in: the language to show, and whether the profile should learn it. A choice made on
 * this visit wins and is saved; a language the device kept or the browser speaks is not replaced by
 * the profile's (which may be a default the person never chose, like the first admin's); only when
 * the browser speaks neither French nor English does the profile's language apply.
 */
export function languageAfterSignIn(
  profileLocale: string,
  current: Language,
  source: LanguageSource = languageSource(),
): { show: Language; save: boolean } {
  if (source === 'switch') return { show: current, save: profileLocale !== current };
  if (source === 'fallback' && (profileLocale === 'fr' || profileLocale === 'en')) {
    return { show: profileLocale, save: false };
  }
  return { show: current, save: false };
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** `lang` forces a language (tests); `source` says how it would have been found (default: kept on the device). */
export function initI18n(lang?: Language, source: LanguageSource = lang ? 'stored' : detectSource()) {
  arrivalSource = source;
  lang = lang ?? detectLanguage();
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: en }, fr: { translation: fr } },
      lng: lang,
      fallbackLng: 'fr',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;
  return i18n;
}

export function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

export default i18n;
