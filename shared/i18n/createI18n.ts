import i18next from 'i18next';
import type { i18n } from 'i18next';
import { en } from './en.ts';
import { fi } from './fi.ts';
import { sv } from './sv.ts';

export const supportedLanguages = ['sv', 'en', 'fi'] as const;
export type Language = (typeof supportedLanguages)[number];

export const resources = { sv: { translation: sv }, en: { translation: en }, fi: { translation: fi } } as const;

/**
 * Picks the UI language from the host's display language (`sv-SE`, `fi-FI`, `en-GB` …).
 * Swedish is the default: a Norwegian or German Outlook gets Swedish, the municipality's language.
 */
export function pickLanguage(hostLocale: string | null | undefined): Language {
  const primary = (hostLocale ?? '').toLowerCase().split(/[-_]/)[0];
  return supportedLanguages.find((lang) => lang === primary) ?? 'sv';
}

/** A fresh i18next instance per app root, so tests and the two hosts never share language state. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'sv',
    resources,
    initAsync: false,
    // React escapes text itself; i18next must not escape it again (names like "Åsa & Co" stay readable).
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
