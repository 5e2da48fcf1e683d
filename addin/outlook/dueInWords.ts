import { localEpochDay } from '../../shared/domain/index.ts';

export interface DueWords {
  today: string;
  tomorrow: string;
  yesterday: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formats.set(key, found);
  }
  return found;
}

/** Calendar days from `nowMs` to `dueMs` in `timeZone` (0 today, 1 tomorrow, -1 yesterday). */
export function dayOffset(dueMs: number, nowMs: number, timeZone: string): number {
  return localEpochDay(dueMs, timeZone) - localEpochDay(nowMs, timeZone);
}

/** Whether dueInWords names the day relatively (today, tomorrow, a weekday) rather than by date. */
export function isRelativeDay(dueMs: number, nowMs: number, timeZone: string): boolean {
  const days = dayOffset(dueMs, nowMs, timeZone);
  return days >= -1 && days < 7;
}

/**
 * When a message is due, in words, in the organisation's time zone: "idag 17:00", "i morgon 17:00",
 * "i går 17:00", a weekday within the coming week ("fredag 17:00"), else weekday and date
 * ("fre 20 nov. 17:00"). The caller wraps it ("senast …").
 */
export function dueInWords(dueMs: number, nowMs: number, options: { locale: string; timeZone: string; words: DueWords }): string {
  const { locale, timeZone, words } = options;
  const time = format(locale, timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(dueMs));
  const days = dayOffset(dueMs, nowMs, timeZone);
  if (days === 0) return `${words.today} ${time}`;
  if (days === 1) return `${words.tomorrow} ${time}`;
  if (days === -1) return `${words.yesterday} ${time}`;
  if (days > 1 && days < 7) return `${format(locale, timeZone, { weekday: 'long' }).format(new Date(dueMs))} ${time}`;
  const date = format(locale, timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(dueMs));
  return `${date} ${time}`;
}
