import { sv } from './sv.ts';
import type { Messages } from './sv.ts';
import { createTranslator } from './translator.ts';
import type { Translator } from './translator.ts';

export const supportedLanguages = ['sv', 'en', 'fi'] as const;
export type Language = (typeof supportedLanguages)[number];

/**
 * Picks the UI language from the host's display language (`sv-SE`, `fi-FI`, `en-GB` …).
 * Swedish is the default: a Norwegian or German Outlook gets Swedish, the municipality's language.
 */
export function pickLanguage(hostLocale: string | null | undefined): Language {
  const primary = (hostLocale ?? '').toLowerCase().split(/[-_]/)[0];
  return supportedLanguages.find((lang) => lang === primary) ?? 'sv';
}

/**
 * The messages of one language. Swedish, the default and by far the most used, is part of the initial
 * JavaScript; English and Finnish are fetched only by a user whose Outlook or Teams speaks them.
 */
export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'en') return (await import('./en.ts')).en;
  if (language === 'fi') return (await import('./fi.ts')).fi;
  return sv;
}

/**
 * A translator per app root, so tests and the two hosts never share language state. `messages` are the
 * language's own (from `loadMessages`); Swedish needs none. Every language has every key
 * (translations.test.ts), so there is no fallback language to carry along.
 */
export function createI18n(language: Language, messages?: Messages): Translator {
  const own = messages ?? (language === 'sv' ? sv : null);
  if (!own) throw new Error(`createI18n('${language}') needs the messages from loadMessages('${language}')`);
  return createTranslator(language, own);
}
