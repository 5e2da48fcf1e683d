import { findPersonnummer } from './findPersonnummer.ts';

/**
 * `text` with the last four digits of every personnummer and samordningsnummer replaced by `****`
 * (`Gäller 800101-1234.` → `Gäller 800101-****.`), for showing or logging a text that may hold one.
 * What counts as a number is `findPersonnummer`'s rule; everything else is left as it was.
 */
export function maskPersonnummer(text: string): string {
  let masked = '';
  let from = 0;
  for (const match of findPersonnummer(text)) {
    masked += text.slice(from, match.index) + match.masked;
    from = match.index + match.length;
  }
  return masked + text.slice(from);
}
