import { findPersonnummer } from '../../shared/domain/index.ts';
import { pickLanguage } from '../../shared/i18n/index.ts';
import { resources } from '../../shared/i18n/resources.ts';

export interface SendCheckResult {
  allowEvent: boolean;
  /** Shown in Outlook's Smart Alerts dialog; numbers masked (`19800101-****`). */
  errorMessage?: string;
}

// Smart Alerts messages are limited to 500 characters; list at most this many masked numbers.
const maxListed = 3;

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * Decides whether a message may be sent without a warning: it may not when its subject or body holds a
 * valid personnummer or samordningsnummer (rules.md R6). The warning names how many, where, and the
 * numbers masked, and points to the secure channel.
 */
export function personnummerAlert(subject: string, body: string, displayLanguage: string): SendCheckResult {
  const inSubject = findPersonnummer(subject);
  const inBody = findPersonnummer(body);
  const count = inSubject.length + inBody.length;
  if (count === 0) return { allowEvent: true };
  const strings = resources[pickLanguage(displayLanguage)].translation.smartAlert;
  const where = inSubject.length > 0 && inBody.length > 0 ? strings.subjectAndBody : inSubject.length > 0 ? strings.subject : strings.body;
  const masked = [...new Set([...inSubject, ...inBody].map((m) => m.masked))];
  const numbers = masked.slice(0, maxListed).join(', ') + (masked.length > maxListed ? ' …' : '');
  const found = interpolate(count === 1 ? strings.found_one : strings.found_other, { count, where, numbers });
  return { allowEvent: false, errorMessage: `${found} ${strings.advice}`.slice(0, 500) };
}
