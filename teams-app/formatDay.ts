const cache = new Map<string, Intl.DateTimeFormat>();

/** A local date `YYYY-MM-DD` as a short day, e.g. "mån 23 nov." (the date itself, no time zone shift). */
export function formatDay(date: string, locale: string): string {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    cache.set(locale, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}
