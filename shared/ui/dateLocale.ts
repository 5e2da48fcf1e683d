const locales: Record<string, string> = { sv: 'sv-SE', en: 'en-GB', fi: 'fi-FI' };

/** The date-formatting locale for a UI language. */
export function dateLocale(language: string): string {
  return locales[language] ?? 'sv-SE';
}
