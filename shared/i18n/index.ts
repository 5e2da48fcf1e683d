export { createI18n, pickLanguage, resources, supportedLanguages } from './createI18n.ts';
export type { Language } from './createI18n.ts';
export type { Messages } from './sv.ts';
