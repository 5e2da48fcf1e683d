export { createI18n, loadMessages, pickLanguage, supportedLanguages } from './createI18n.ts';
export type { Language } from './createI18n.ts';
export type { Messages } from './sv.ts';
export { createTranslator } from './translator.ts';
export type { TFunction, TranslationOptions, Translator } from './translator.ts';
// The React binding (TranslationProvider, useTranslation) is imported from './react.tsx' directly, so the
// event runtime, which uses only pickLanguage, does not pull React in.
