/** ISO 639-1 codes offered in the profile, named in the interface language. */
export const LANGUAGE_CODES = [
  'fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'ro', 'sv', 'da', 'fi', 'no', 'cs', 'el', 'hu',
  'tr', 'ru', 'uk', 'ar', 'he', 'zh', 'ja', 'ko', 'hi', 'vi', 'id', 'th', 'ca', 'eu', 'br', 'oc',
] as const;

export function languageName(code: string, uiLanguage: string): string {
  try {
    const names = new Intl.DisplayNames([uiLanguage], { type: 'language' });
    const name = names.of(code);
    return name ? name.charAt(0).toUpperCase() + name.slice(1) : code;
  } catch {
    return code;
  }
}

export function languageOptions(uiLanguage: string) {
  return LANGUAGE_CODES.map((code) => ({ value: code, label: `${languageName(code, uiLanguage)} (${code})` })).sort(
    (a, b) => a.label.localeCompare(b.label, uiLanguage),
  );
}
